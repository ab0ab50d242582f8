// A worker process of the day pool (day-pool.ts): scores the days it is sent, one at a time,
// writes each to its file and says so. It keeps one ScenarioDays per scenario, so the past
// days of consecutive scored days are drawn and simulated once in this process.
import { loadScenarios, SCENARIO_DIR, type Scenario } from '../sim/scenario.js';
import type { DayTask, FromWorker, ToWorker } from './day-pool.js';
import { writeDay } from './day-store.js';
import { ScenarioDays, type DayOptions } from './scored-day.js';

const contexts = new Map<string, ScenarioDays>();
const scenarioFiles = new Map<string, Scenario[]>();

function scenariosIn(dir: string): Scenario[] {
  let list = scenarioFiles.get(dir);
  if (!list) scenarioFiles.set(dir, (list = loadScenarios(dir)));
  return list;
}

function contextFor(task: DayTask): ScenarioDays {
  const key = `${task.scenarioDir}|${task.scenario}`;
  let ctx = contexts.get(key);
  if (!ctx) {
    const scenario = scenariosIn(task.scenarioDir).find((s) => s.name === task.scenario);
    if (!scenario) throw new Error(`no scenario ${task.scenario} in ${task.scenarioDir}`);
    contexts.set(key, (ctx = new ScenarioDays(scenario, scenariosIn(SCENARIO_DIR))));
  }
  return ctx;
}

async function run(task: DayTask): Promise<void> {
  const ctx = contextFor(task);
  const date = ctx.dates(task.index + 1)[task.index]!;
  if (date.date !== task.date) throw new Error(`${task.scenario}: day ${task.index} is ${date.date}, not ${task.date}`);
  const options: DayOptions = { hubOracle: task.hubOracle };
  if (task.estimator === 'broken') options.atrium = (await import('./broken.js')).brokenAtrium;
  const record = ctx.score(date, task.index, task.fingerprint, options);
  writeDay(task.file, record);
  const done: FromWorker = { type: 'done', id: task.id, seconds: record.seconds };
  process.send!(done);
}

process.on('message', (message: ToWorker) => {
  if (message.type === 'exit') {
    process.disconnect();
    return;
  }
  run(message.task).catch((e: unknown) => {
    const failed: FromWorker = { type: 'error', id: message.task.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    process.send!(failed);
  });
});

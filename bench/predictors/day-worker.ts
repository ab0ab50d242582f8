// A worker process of the day pool (day-pool.ts): scores the days it is sent, one at a time,
// writes each to its file and says so. It keeps one ScenarioDays per scenario, so the past
// days of consecutive scored days are drawn and simulated once in this process.
import { loadScenarios, SCENARIO_DIR, type Scenario } from '../sim/scenario.js';
import { variantNamed } from '../sensitivity-variants.js';
import { branchOf, type DayTask, type FromWorker, type ToWorker } from './day-pool.js';
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
  const key = `${task.scenarioDir}|${branchOf(task)}`;
  let ctx = contexts.get(key);
  if (!ctx) {
    // A sensitivity variant changes every day of the calendar, the scored one and the standard ones.
    const change = task.variant === null ? (s: Scenario) => s : variantNamed(task.variant).change;
    const scenario = scenariosIn(task.scenarioDir).find((s) => s.name === task.scenario);
    if (!scenario) throw new Error(`no scenario ${task.scenario} in ${task.scenarioDir}`);
    contexts.set(key, (ctx = new ScenarioDays(change(scenario), scenariosIn(SCENARIO_DIR).map(change))));
  }
  return ctx;
}

async function run(task: DayTask): Promise<void> {
  const ctx = contextFor(task);
  const date = ctx.dates(task.index + 1)[task.index]!;
  if (date.date !== task.date) throw new Error(`${task.scenario}: day ${task.index} is ${date.date}, not ${task.date}`);
  const options: DayOptions = { hubOracle: task.hubOracle, predictors: task.variant === null ? 'all' : 'sensitivity' };
  if (task.estimator === 'broken') options.atrium = (await import('./broken.js')).brokenAtrium;
  const record = ctx.score(date, task.index, task.fingerprint, options);
  writeDay(task.file, record);
  const done: FromWorker = { type: 'done', id: task.id, seconds: record.seconds, cpuSeconds: record.cpuSeconds };
  process.send!(done);
}

// The parent gone (its session ended, or it asked us to stop): stop at once, leaving no orphan;
// a day cut short leaves no file (writeDay renames a whole file into place).
process.on('disconnect', () => process.exit(0));

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

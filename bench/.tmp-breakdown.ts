import { atriumPredictor } from '../main/hub/estimate/index.js';
import { branchKnowledge } from '../bench/predictors/branch-knowledge.js';
import { runDay, type Prediction } from '../bench/predictors/evaluate.js';
import { scenarioSeed } from '../bench/predictors/run-scenario.js';
import { loadScenarios } from '../bench/sim/scenario.js';
const name = process.argv[2] ?? 'pension-day';
const days = Number(process.argv[3] ?? 2);
const opts = JSON.parse(process.argv[4] ?? '{}');
const scenario = loadScenarios().find((s) => s.name === name)!;
const seed = scenarioSeed(name);
const k = branchKnowledge(scenario, seed);
const rows: (Prediction & { service: string })[] = [];
for (let d = Number(process.env.FIRST ?? 0); d < Number(process.env.FIRST ?? 0) + days; d++) {
  let simRef: any;
  const day = runDay(scenario, d, seed + d, (sim) => { simRef = sim; return [{ name: 'atrium', predict: atriumPredictor({ ...k, utcOffsetMinutes: 0, ...opts }).predict }]; });
  const svc = new Map(Object.values(simRef().state.tickets).map((t: any) => [t.id, t.service]));
  rows.push(...day.predictions.filter((r) => r.moment === 'issue' && r.result === 'served').map((r) => ({ ...r, service: svc.get(r.ticket) as string })));
}
const groups = new Map<string, typeof rows>();
for (const r of rows) { const key = `${r.service}/${r.priority} ${String(r.hour).padStart(2,'0')}`; groups.set(key, [...(groups.get(key) ?? []), r]); }
for (const [key, list] of [...groups.entries()].sort()) {
  const n = list.length; const bias = list.reduce((a, r) => a + r.minutes - r.realised, 0) / n;
  const above = list.filter((r) => r.realised > r.high).length / n; const below = list.filter((r) => r.realised < r.low).length / n;
  const mr = list.reduce((a, r) => a + r.realised, 0) / n;
  if (n >= 10) console.log(key.padEnd(22), 'n', String(n).padStart(4), 'realised', mr.toFixed(1).padStart(6), 'bias', bias.toFixed(1).padStart(6), 'above', (above*100).toFixed(0).padStart(3)+'%', 'below', (below*100).toFixed(0).padStart(3)+'%');
}

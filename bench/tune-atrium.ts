// Atrium's estimator alone on a few simulated days, with option variants side by side: the
// ablations of bench/README.md, and a baseline beside them. No oracle, so a day
// takes seconds. Not part of `npm run bench`.
//   node --import tsx bench/tune-atrium.ts <scenario,…> <days> <first day> '<variants JSON>'
//   variants: {"name": {AtriumOptions…, "knows": true, "noRota": true, "noProfile": true, "noHistory": true}}
//   or {"name": {"baseline": "QL"}} for one of the bench's baselines.
// <first day>:
// - a number: the old scheme, days `first`, `first + 1`, … of the scenario itself, learnt
//   from 20 days of the same scenario (branchKnowledge; the figures of rounds one to four);
// - `cal` or `held`: `days` dates of the 2023 history year of the scenario's calendar, of its
//   kind, never a scored day, spread evenly over the year, learnt as scored days learn
//   (calendarKnowledge: the 20 business days before each). `held` takes the odd places of
//   bench/calibrate-quiet-range.ts `historyDays` (the days round six held out), `cal` the even
//   ones (round six calibrated the quiet range on them);
// - dates, comma-separated (YYYY-MM-DD, of the scenario's kind): those, learnt the same way.
// TUNE_BY_DAY=1 also prints each day's figures.
import { atriumPredictor, type AtriumOptions } from '../main/hub/estimate/index.js';
import { historyDays, spread } from './calibrate-quiet-range.js';
import { baselinePredictors } from './predictors/baselines.js';
import { branchKnowledge, calendarKnowledge, type BranchKnowledge } from './predictors/branch-knowledge.js';
import { runDay, type Prediction } from './predictors/evaluate.js';
import { score } from './predictors/metrics.js';
import { scenarioSeed } from './predictors/run-scenario.js';
import { BranchCalendar } from './sim/calendar.js';
import { loadScenarios, type Scenario } from './sim/scenario.js';
import type { World } from './sim/world.js';

type Variant = AtriumOptions & { knows?: boolean; noRota?: boolean; noProfile?: boolean; noHistory?: boolean; baseline?: string };

const only = process.argv[2]?.split(',');
const days = Number(process.argv[3] ?? 1);
const first = process.argv[4] ?? '0';
const variants = JSON.parse(process.argv[5] ?? '{"atrium":{"knows":true}}') as Record<string, Variant>;

/** The days to run, each with its world and what the branch knew that morning. */
function daysOf(scenario: Scenario, all: readonly Scenario[]): { label: string; world: number | World; knowledge: BranchKnowledge }[] {
  const seed = scenarioSeed(scenario.name);
  if (/^\d+$/.test(first)) {
    const knowledge = branchKnowledge(scenario, seed);
    return Array.from({ length: days }, (_, i) => ({ label: `day ${Number(first) + i}`, world: seed + Number(first) + i, knowledge }));
  }
  const branch = BranchCalendar.of(scenario, all);
  const dates = first === 'cal' || first === 'held' ? spread(historyDays(first, 1000, scenario.dayKind), days) : first.split(',');
  return dates.map((date) => ({ label: date, world: branch.world({ date, kind: scenario.dayKind }), knowledge: calendarKnowledge(branch, date) }));
}

const all = loadScenarios();
for (const scenario of all) {
  if (only && !only.includes(scenario.name)) continue;
  const rows: Prediction[] = [];
  const cpu0 = process.cpuUsage();
  const chosen = daysOf(scenario, all);
  for (const [d, { world, knowledge }] of chosen.entries()) {
    const day = runDay(scenario, d, world, () =>
      Object.entries(variants).map(([name, { knows, noRota, noProfile, noHistory, baseline, ...options }]) => {
        // A baseline by its bench name (naive, QL, LES, …) for comparison.
        if (baseline) return { name, predict: baselinePredictors().find((b) => b.name === baseline)!.predict };
        const p = atriumPredictor({
          utcOffsetMinutes: 0,
          ...(knows && !noRota ? { rota: knowledge.rota } : {}),
          ...(knows && !noProfile ? { arrivalProfile: knowledge.arrivalProfile } : {}),
          ...(knows && !noHistory ? { history: knowledge.history } : {}),
          ...options,
        });
        return { name, predict: p.predict };
      }),
    );
    const scored = day.predictions.filter((r) => r.moment === 'issue' && r.result === 'served' && (scenario.warmupMinutes === 0 || r.delayed));
    rows.push(...scored);
    // Day by day (TUNE_BY_DAY=1), so two runs of the same days compare day for day.
    if (process.env.TUNE_BY_DAY) {
      for (const name of Object.keys(variants)) {
        const m = score(scored.filter((r) => r.predictor === name).map((r) => ({ predicted: r.minutes, low: r.low, high: r.high, realised: r.realised })));
        console.log(`  ${chosen[d]!.label} ${name}: n ${m.n} MAE ${m.mae.toFixed(3)} bias ${m.bias.toFixed(2)} in range ${(m.coverage * 100).toFixed(1)}%`);
      }
    }
  }
  const cpu = process.cpuUsage(cpu0);
  console.log(`${scenario.name}: ${chosen.map((c) => c.label).join(', ')} (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`);
  for (const name of Object.keys(variants)) {
    const mine = rows.filter((r) => r.predictor === name);
    const m = score(mine.map((r) => ({ predicted: r.minutes, low: r.low, high: r.high, realised: r.realised })));
    // Which side the range misses on: above is a customer called later than the range said.
    const share = (f: (r: Prediction) => boolean): string => ((100 * mine.filter(f).length) / Math.max(1, mine.length)).toFixed(1);
    console.log(
      `${scenario.name.padEnd(18)} ${name.padEnd(12)} n ${m.n} MAE ${m.mae.toFixed(3)} bias ${m.bias.toFixed(2)} RASE ${m.rase.toFixed(3)} in range ${(m.coverage * 100).toFixed(1)}% (above ${share((r) => r.realised > r.high)}%, below ${share((r) => r.realised < r.low)}%) width ${m.rangeWidthMedian.toFixed(2)} / p90 ${m.rangeWidthP90.toFixed(2)}`,
    );
  }
}

// Atrium's estimator alone on a few simulated days, with option variants side by side: the
// ablations of bench/README.md, and a baseline beside them. No oracle, so a day
// takes seconds. Not part of `npm run bench`.
//   node --import tsx bench/tune-atrium.ts <scenario,…> <days> <first day> '<variants JSON>'
//   variants: {"name": {AtriumOptions…, "knows": true, "noRota": true, "noProfile": true, "noHistory": true}}
//   or {"name": {"baseline": "QL"}} for one of the bench's baselines.
import { atriumPredictor, type AtriumOptions } from '../main/hub/estimate/index.js';
import { baselinePredictors } from './predictors/baselines.js';
import { branchKnowledge } from './predictors/branch-knowledge.js';
import { runDay, type Prediction } from './predictors/evaluate.js';
import { score } from './predictors/metrics.js';
import { scenarioSeed } from './predictors/run-scenario.js';
import { loadScenarios } from './sim/scenario.js';

type Variant = AtriumOptions & { knows?: boolean; noRota?: boolean; noProfile?: boolean; noHistory?: boolean; baseline?: string };

const only = process.argv[2]?.split(',');
const days = Number(process.argv[3] ?? 1);
const firstDay = Number(process.argv[4] ?? 0);
const variants = JSON.parse(process.argv[5] ?? '{"atrium":{"knows":true}}') as Record<string, Variant>;

for (const scenario of loadScenarios()) {
  if (only && !only.includes(scenario.name)) continue;
  const seed = scenarioSeed(scenario.name);
  const knowledge = branchKnowledge(scenario, seed);
  const rows: Prediction[] = [];
  for (let d = firstDay; d < firstDay + days; d++) {
    const day = runDay(scenario, d, seed + d, () =>
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
    rows.push(...day.predictions.filter((r) => r.moment === 'issue' && r.result === 'served' && (scenario.warmupMinutes === 0 || r.delayed)));
  }
  for (const name of Object.keys(variants)) {
    const mine = rows.filter((r) => r.predictor === name);
    const m = score(mine.map((r) => ({ predicted: r.minutes, low: r.low, high: r.high, realised: r.realised })));
    // Which side the range misses on: above is a customer called later than the range said.
    const share = (f: (r: Prediction) => boolean): string => ((100 * mine.filter(f).length) / Math.max(1, mine.length)).toFixed(1);
    console.log(
      `${scenario.name.padEnd(18)} ${name.padEnd(12)} n ${m.n} MAE ${m.mae.toFixed(3)} bias ${m.bias.toFixed(2)} RASE ${m.rase.toFixed(3)} in range ${(m.coverage * 100).toFixed(1)}% (above ${share((r) => r.realised > r.high)}%, below ${share((r) => r.realised < r.low)}%)`,
    );
  }
}

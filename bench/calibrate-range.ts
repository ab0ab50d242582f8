// Calibrates the printed range of Atrium's estimator: the factors on the Monte Carlo runs'
// standard deviation below and above the estimate (BAND in atrium.ts). It reads the
// runs of every prediction at ticket issue on days the bench does not score (seeds from
// CALIBRATION_FIRST_DAY on; `npm run bench` scores days 0–2), and prints the share of realised
// waits inside the range for each pair of factors (and least half-width) on a grid, per
// scenario. The pair whose worst scenario is closest to 80% is the one to put in atrium.ts. Not part of `npm run bench`.
//   node --import tsx bench/calibrate-range.ts [days per scenario] [first day, default 10]
import { atriumPredictor } from '../main/hub/estimate/index.js';
import { rangeFromRuns, Z90 } from '../main/hub/estimate/spread.js';
import { branchKnowledge } from './predictors/branch-knowledge.js';
import { runDay } from './predictors/evaluate.js';
import { scenarioSeed } from './predictors/run-scenario.js';
import { loadScenarios } from './sim/scenario.js';

const CALIBRATION_FIRST_DAY = Number(process.argv[3] ?? 10);
const TARGET = 0.8;
const days = Number(process.argv[2] ?? 5);
const grid = { below: [0.8, 0.9, 1, 1.1, 1.2, 1.4], above: [1.6, 1.8, 2.0, 2.2, 2.4, 2.6], minMinutes: [0.5, 1] };

interface Row {
  runs: number[];
  realised: number;
}

const byScenario = new Map<string, Row[]>();
for (const scenario of loadScenarios()) {
  const seed = scenarioSeed(scenario.name);
  const knowledge = branchKnowledge(scenario, seed);
  const rows: Row[] = [];
  for (let d = CALIBRATION_FIRST_DAY; d < CALIBRATION_FIRST_DAY + days; d++) {
    const atrium = atriumPredictor({ ...knowledge, utcOffsetMinutes: 0 });
    // The runs behind each prediction, by ticket and moment; scored once the day is over.
    const runsAt = new Map<string, number[]>();
    const day = runDay(scenario, d, seed + d, () => [
      {
        name: 'atrium',
        predict: (state, now) => {
          const runs = atrium.runs(state, now) ?? new Map<string, number[]>();
          for (const [id, list] of runs) runsAt.set(`${id}@${now}`, list);
          return Object.fromEntries([...runs].map(([id, list]) => [id, rangeFromRuns(list, { z: Z90, below: 1, above: 1, minMinutes: 0 })]));
        },
      },
    ]);
    for (const p of day.predictions) {
      if (p.moment !== 'issue' || p.result !== 'served' || (scenario.warmupMinutes > 0 && !p.delayed)) continue;
      rows.push({ runs: runsAt.get(`${p.ticket}@${p.at}`)!, realised: p.realised });
    }
  }
  byScenario.set(scenario.name, rows);
  console.log(`${scenario.name}: ${rows.length} predictions at ticket issue, days ${CALIBRATION_FIRST_DAY}–${CALIBRATION_FIRST_DAY + days - 1}`);
}

const results: { below: number; above: number; minMinutes: number; coverage: Record<string, number>; worst: number }[] = [];
for (const minMinutes of grid.minMinutes) for (const below of grid.below) {
  for (const above of grid.above) {
    const coverage: Record<string, number> = {};
    for (const [name, rows] of byScenario) {
      const inside = rows.filter((r) => {
        const e = rangeFromRuns(r.runs, { z: Z90, below, above, minMinutes });
        return r.realised >= e.low && r.realised <= e.high;
      }).length;
      coverage[name] = inside / Math.max(1, rows.length);
    }
    const worst = Math.max(...Object.values(coverage).map((c) => Math.abs(c - TARGET)));
    results.push({ below, above, minMinutes, coverage, worst });
  }
}
results.sort((a, b) => a.worst - b.worst);
const names = [...byScenario.keys()];
console.log(`\n| below | above | least ± min | ${names.join(' | ')} | worst distance from 80% |`);
console.log(`| --- | --- | --- | ${names.map(() => '---').join(' | ')} | --- |`);
for (const r of results.slice(0, Number(process.env.ROWS ?? 12))) {
  console.log(`| ${r.below} | ${r.above} | ${r.minMinutes} | ${names.map((n) => `${(r.coverage[n]! * 100).toFixed(1)}%`).join(' | ')} | ${(r.worst * 100).toFixed(1)} |`);
}

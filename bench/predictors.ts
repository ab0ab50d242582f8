// The wait-predictor benchmark: every scenario in bench/scenarios/ simulated through the real
// engine on its kind of day in a branch calendar (bench/sim/calendar.ts), the baselines
// (naive, QL, LES, smoothed LES, HOL, the class-aware ones and the regression), Atrium's own
// and the two oracles predicting at every ticket issue and screen update. Writes bench/results/predictors.json, predictors-by-hour.md
// and predictors-<scenario>.svg; returns the summary's section and the checks that missed
// (run.ts exits non-zero on any). `--quick` runs fewer days.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AtriumOptions, WaitPredictor } from '../main/hub/estimate/index.js';
import { loadScenarios, SCENARIO_DIR } from './sim/scenario.js';
import { byHourMarkdown, checksTable, scatterSvg, scenarioSection } from './predictors/report.js';
import { PREDICTOR_NAMES, runScenario, type ScenarioResult } from './predictors/run-scenario.js';
import { missedLines, pooledMae, targetChecks, validationChecks } from './predictors/targets.js';
import type { BenchResult } from './stats.js';

export interface PredictorsRun {
  quick: boolean;
  outDir?: string;
  /** Scored days per scenario instead of each scenario's own (a development run). */
  days?: number;
  /** Only these scenarios (by name). */
  scenarios?: string[];
  /** Where the scored scenarios are (the calendar's standard days always come from bench/scenarios). */
  scenarioDir?: string;
  /** Atrium's estimator as the hub makes it (the exit-code test passes a broken one). */
  atrium?: (options: AtriumOptions) => WaitPredictor;
}

export function benchPredictors(run: PredictorsRun): BenchResult & { missed: string[] } {
  const { quick } = run;
  const outDir = run.outDir ?? path.join(import.meta.dirname, 'results');
  const t0 = performance.now();
  const results: ScenarioResult[] = [];
  const standard = loadScenarios(SCENARIO_DIR);
  for (const scenario of loadScenarios(run.scenarioDir ?? SCENARIO_DIR)) {
    if (run.scenarios && !run.scenarios.includes(scenario.name)) continue;
    const days = run.days ?? (quick ? scenario.quickDays : scenario.days);
    const s0 = performance.now();
    results.push(runScenario(scenario, days, { hubOracle: !quick, standard, atrium: run.atrium }));
    console.log(`predictors: ${scenario.name}, ${days} days, ${Math.round(performance.now() - s0)} ms`);
  }
  if (results.length === 0) throw new Error('no scenario to run');
  const validation = results.find((r) => r.name === 'validation-mm8');
  // Issue 7's targets hold "on every scenario": the validation's M/M/8 is one of them.
  const checks = [...(validation ? validationChecks(validation) : []), ...targetChecks(results)];

  const json = {
    quick,
    checks,
    pooledMae: Object.fromEntries([...PREDICTOR_NAMES].filter((n) => results.every((r) => r.predictors.some((p) => p.name === n))).map((n) => [n, pooledMae(results, n)])),
    scenarios: results.map(({ issueRows: _rows, ...rest }) => rest),
  };
  writeFileSync(path.join(outDir, 'predictors.json'), JSON.stringify(json, null, 2) + '\n');
  writeFileSync(path.join(outDir, 'predictors-by-hour.md'), byHourMarkdown(results));
  for (const r of results) writeFileSync(path.join(outDir, `predictors-${r.name}.svg`), scatterSvg(r));

  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  const description = [
    `Wait predictors on simulated branch days (bench/sim, the real queue engine; bench/README.md says how), each scenario scored on its kind of day in a branch calendar of mixed days, the hub learning from the 20 business days before each. ${quick ? 'Quick run: ' : run.days !== undefined || run.scenarios ? 'Partial run: ' : ''}days per scenario: ${results.map((r) => `${r.name} ${r.days}`).join(', ')}; ${seconds} s in all. Minutes; error = predicted − realised, so "under" is a customer called later than promised. Per hour: predictors-by-hour.md; plots: predictors-<scenario>.svg.`,
    '',
    '#### Validation and targets',
    '',
    checksTable(checks),
    '',
    ...results.map((r) => scenarioSection(r, r !== validation)),
  ].join('\n');
  const figures: Record<string, number | string> = { seconds };
  for (const r of results) {
    for (const p of r.predictors) if (p.name === 'atrium' || p.name === 'oracle' || p.name === 'QL') figures[`${r.name} ${p.name} MAE`] = p.mae;
  }
  figures['checks met'] = `${checks.filter((c) => c.met).length} of ${checks.length}`;
  // Not "predictors": run.ts writes <name>.json, and predictors.json is the per-scenario file above.
  return { name: 'wait-predictors', description, figures, missed: missedLines(checks) };
}

// The sensitivity table of issue 15: how Atrium's MAE moves when the world differs from the
// values its hand-set priors share with the simulator. Each variant changes every day of the
// branch's calendar (the hub learns from the changed past days too), and Atrium, unchanged,
// learns and predicts as in the predictors bench; Atrium alone and QL-abandon beside it, no
// oracle, at ticket issue, served customers. Variants:
// - patience ×0.5 and ×2 (the estimator's leaving-rate prior is 1/300 per minute, every
//   scenario's own patience);
// - a closed counter back after 60 or 180 min instead of 120 (lunch-unannounced: the
//   estimator assumes 120 for a counter closed mid-day);
// - service-time CV ×0.5 and ×1.5.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { atriumPredictor } from '../main/hub/estimate/index.js';
import { calendarKnowledge, LEARNT_DAYS } from './predictors/branch-knowledge.js';
import { qlAbandonPredictor } from './predictors/class-baselines.js';
import { runDay, type Prediction } from './predictors/evaluate.js';
import { meanInterval } from './predictors/intervals.js';
import { score } from './predictors/metrics.js';
import { BranchCalendar } from './sim/calendar.js';
import { clockMinutes, loadScenarios, SCENARIO_DIR, type Scenario } from './sim/scenario.js';
import type { BenchResult } from './stats.js';

interface Variant {
  name: string;
  /** Scenarios it applies to (all when absent). */
  only?: string[];
  change: (s: Scenario) => Scenario;
}

const lunchLength = (s: Scenario, minutes: number): Scenario => {
  if (!s.lunch) return s;
  const from = clockMinutes(s.lunch.from) + minutes;
  const until = `${String(Math.floor(from / 60)).padStart(2, '0')}:${String(from % 60).padStart(2, '0')}`;
  return { ...s, lunch: { ...s.lunch, until } };
};

export const VARIANTS: Variant[] = [
  { name: 'as scored', change: (s) => s },
  { name: 'patience ×0.5', change: (s) => ({ ...s, patienceMeanMinutes: s.patienceMeanMinutes === null ? null : s.patienceMeanMinutes * 0.5 }) },
  { name: 'patience ×2', change: (s) => ({ ...s, patienceMeanMinutes: s.patienceMeanMinutes === null ? null : s.patienceMeanMinutes * 2 }) },
  { name: 'closed counter back after 60 min', only: ['lunch-unannounced'], change: (s) => (s.lunch?.mode === 'close' ? lunchLength(s, 60) : s) },
  { name: 'closed counter back after 180 min', only: ['lunch-unannounced'], change: (s) => (s.lunch?.mode === 'close' ? lunchLength(s, 180) : s) },
  { name: 'service CV ×0.5', change: (s) => ({ ...s, kinds: s.kinds.map((k) => ({ ...k, cv: k.cv * 0.5 })) }) },
  { name: 'service CV ×1.5', change: (s) => ({ ...s, kinds: s.kinds.map((k) => ({ ...k, cv: k.cv * 1.5 })) }) },
];

const SCENARIOS = ['ordinary-day', 'lunch-unannounced', 'month-end', 'pension-day'];

export function benchSensitivity(days: number, outDir: string, only?: string[]): BenchResult {
  const t0 = performance.now();
  const scenarios = loadScenarios(SCENARIO_DIR);
  const lines = ['| scenario | variant | Atrium MAE (daily mean ± 95%) | bias | in range | QL-abandon MAE |', '| --- | --- | --- | --- | --- | --- |'];
  const figures: Record<string, number | string> = {};
  for (const name of SCENARIOS) {
    if (only && !only.includes(name)) continue;
    for (const v of VARIANTS) {
      if (v.only && !v.only.includes(name)) continue;
      const changed = scenarios.map(v.change);
      const scored = changed.find((s) => s.name === name)!;
      const branch = BranchCalendar.of(scored, changed);
      const rows: Prediction[] = [];
      branch.scoredDays(days, LEARNT_DAYS).forEach((date, d) => {
        const knowledge = calendarKnowledge(branch, date.date);
        const day = runDay(scored, d, branch.world(date), () => [atriumPredictor({ ...knowledge, utcOffsetMinutes: 0 }), qlAbandonPredictor()]);
        rows.push(...day.predictions.filter((r) => r.moment === 'issue' && r.result === 'served'));
      });
      const of = (p: string) => rows.filter((r) => r.predictor === p);
      const m = score(of('atrium').map((r) => ({ predicted: r.minutes, low: r.low, high: r.high, realised: r.realised })));
      const q = score(of('QL-abandon').map((r) => ({ predicted: r.minutes, low: r.low, high: r.high, realised: r.realised })));
      const daily = meanInterval(
        [...new Set(rows.map((r) => r.day))].map((d) => {
          const mine = of('atrium').filter((r) => r.day === d);
          return mine.reduce((a, r) => a + Math.abs(r.minutes - r.realised), 0) / Math.max(1, mine.length);
        }),
      );
      lines.push(`| ${name} | ${v.name} | ${m.mae.toFixed(2)} (${daily.mean.toFixed(2)} ± ${Number.isFinite(daily.halfWidth) ? daily.halfWidth.toFixed(2) : '∞'}) | ${m.bias.toFixed(2)} | ${Math.round(m.coverage * 100)}% | ${q.mae.toFixed(2)} |`);
      figures[`${name} ${v.name} atrium MAE`] = m.mae;
      console.log(`sensitivity: ${name}, ${v.name}: atrium MAE ${m.mae}`);
    }
  }
  const table = lines.join('\n');
  writeFileSync(path.join(outDir, 'sensitivity.md'), `# Sensitivity of Atrium's estimate\n\nGenerated by \`npm run bench\` (bench/sensitivity.ts), ${days} scored days a scenario and variant. At ticket issue, served customers, minutes.\n\n${table}\n`);
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  figures.seconds = seconds;
  return {
    name: 'sensitivity',
    description: `Atrium's MAE when the world differs from its priors (bench/sensitivity.ts): each variant changes every day of the branch calendar, Atrium unchanged; ${days} scored days a scenario; ${seconds} s.\n\n${table}`,
    figures,
  };
}

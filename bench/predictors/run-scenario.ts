// One scenario's days with every predictor, scored: the figures the report is made of.
import { atriumPredictor } from '../../main/hub/estimate/index.js';
import type { Scenario } from '../sim/scenario.js';
import { branchKnowledge } from './branch-knowledge.js';
import { baselinePredictors } from './baselines.js';
import { runDay, type Prediction } from './evaluate.js';
import { score, type Metrics } from './metrics.js';
import { oraclePredictor } from './oracle.js';

export const PREDICTOR_NAMES = ['naive', 'QL', 'LES', 'LES-smoothed', 'HOL', 'atrium', 'oracle', 'oracle-hub-info'] as const;

export interface PredictorFigures extends Metrics {
  name: string;
}

export interface ScenarioResult {
  name: string;
  description: string;
  days: number;
  oracleRuns: number;
  customersPerDay: number;
  servedShare: number;
  noShowShare: number;
  meanServedWait: number;
  simMsPerDay: number;
  predictMsPerDay: Record<string, number>;
  /** At ticket issue, served customers (the validation: delayed ones only): the headline. */
  predictors: PredictorFigures[];
  /** At screen updates, served customers. */
  updates: PredictorFigures[];
  /** At ticket issue, customers who left before their call: the wait until a counter reached their ticket. */
  noShows: PredictorFigures[];
  byPriority: Record<string, PredictorFigures[]>;
  byHour: Record<string, PredictorFigures[]>;
  /** Kept for the pooled figures and the plots; not written to the JSON. */
  issueRows: Prediction[];
  /**
   * Atrium's printed range over more days than the comparison (the extra days run Atrium
   * alone): a day's waits share one future, so the share inside the range moves by ±4
   * points from one pair of days to the next, and 75–85% cannot be judged on two days.
   */
  range: { days: number; coverage: number; perDay: number[] };
}

/** A stable seed per scenario name, so adding a scenario does not change the others. */
export function scenarioSeed(name: string): number {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function byPredictor(rows: readonly Prediction[]): PredictorFigures[] {
  const present = new Set(rows.map((r) => r.predictor));
  return PREDICTOR_NAMES.filter((name) => present.has(name) || rows.length === 0).map((name) => ({
    name,
    ...score(rows.filter((r) => r.predictor === name).map((r) => ({ predicted: r.minutes, low: r.low, high: r.high, realised: r.realised }))),
  }));
}

function groupBy(rows: readonly Prediction[], key: (r: Prediction) => string): Record<string, PredictorFigures[]> {
  const groups = new Map<string, Prediction[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  return Object.fromEntries([...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([k, v]) => [k, byPredictor(v)]));
}

/** Share of served customers' realised waits inside Atrium's printed range, at ticket issue. */
function coverageOf(rows: readonly Prediction[]): number {
  const mine = rows.filter((r) => r.predictor === 'atrium');
  return mine.filter((r) => r.realised >= r.low && r.realised <= r.high).length / Math.max(1, mine.length);
}

/**
 * `hubOracle`: also run the oracle that knows only what the hub could (doubles the cost; off
 * in --quick). `rangeDays`: days over which Atrium's range is judged (at least `days`).
 */
export function runScenario(scenario: Scenario, days: number, hubOracle = true, rangeDays = days): ScenarioResult {
  const seed = scenarioSeed(scenario.name);
  const all: Prediction[] = [];
  let customers = 0;
  let served = 0;
  let noShows = 0;
  let waitSum = 0;
  let simMs = 0;
  const predictMs: Record<string, number> = {};
  const knowledge = branchKnowledge(scenario, seed);
  for (let d = 0; d < days; d++) {
    const day = runDay(scenario, d, seed + d, (sim, i) => [
      ...baselinePredictors(),
      atriumPredictor({ ...knowledge, utcOffsetMinutes: 0 }),
      oraclePredictor({ current: sim }, scenario.oracleRuns, (seed ^ 0x5eed) + i),
      // Not in the validation: there the hub knows everything the oracle does.
      ...(scenario.warmupMinutes > 0 || !hubOracle || !scenario.hubOracle ? [] : [oraclePredictor({ current: sim }, scenario.oracleRuns, (seed ^ 0x1f0) + i, 'hub')]),
    ]);
    all.push(...day.predictions);
    customers += day.customers;
    served += day.served;
    noShows += day.noShows;
    waitSum += day.meanServedWait * day.served;
    simMs += day.simMs;
    for (const [k, v] of Object.entries(day.predictMs)) predictMs[k] = (predictMs[k] ?? 0) + v;
  }
  // The validation scores delayed customers only, as the theory does (RASE = 1 − ρ).
  const validation = scenario.warmupMinutes > 0;
  const scored = (r: Prediction): boolean => r.moment === 'issue' && r.result === 'served' && (!validation || r.delayed);
  const issue = all.filter(scored);
  const perDay: number[] = [];
  for (let d = 0; d < Math.max(days, rangeDays); d++) {
    const rows = d < days ? issue.filter((r) => r.day === d) : runDay(scenario, d, seed + d, () => [atriumPredictor({ ...knowledge, utcOffsetMinutes: 0 })]).predictions.filter(scored);
    perDay.push(Math.round(coverageOf(rows) * 1000) / 1000);
  }
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    name: scenario.name,
    description: scenario.description,
    days,
    oracleRuns: scenario.oracleRuns,
    customersPerDay: r1(customers / days),
    servedShare: Math.round((served / customers) * 1000) / 1000,
    noShowShare: Math.round((noShows / customers) * 1000) / 1000,
    meanServedWait: r1(waitSum / Math.max(1, served)),
    simMsPerDay: r1(simMs / days),
    predictMsPerDay: Object.fromEntries(Object.entries(predictMs).map(([k, v]) => [k, r1(v / days)])),
    predictors: byPredictor(issue),
    updates: byPredictor(all.filter((r) => r.moment === 'update' && r.result === 'served')),
    noShows: byPredictor(all.filter((r) => r.moment === 'issue' && r.result === 'no_show')),
    byPriority: groupBy(issue, (r) => r.priority),
    byHour: groupBy(issue, (r) => String(r.hour).padStart(2, '0')),
    issueRows: issue,
    range: { days: perDay.length, coverage: Math.round((perDay.reduce((a, b) => a + b, 0) / perDay.length) * 1000) / 1000, perDay },
  };
}

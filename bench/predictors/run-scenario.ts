// One scenario's scored days with every predictor, put together: the figures the report is
// made of. The scored days are the first `days` days of the scenario's kind in its branch's
// calendar (bench/sim/calendar.ts), and on each the hub's knowledge is learnt as the hub
// learns from its ledger: from the latest 20 past days of its kind, or of any kind when fewer
// than 3 of its kind came before (learnForDayKind, branch-knowledge.ts). Each day is
// scored on its own (scored-day.ts) and stored (day-store.ts); this adds the stored days up.
import type { DayKind } from '../sim/calendar.js';
import type { Scenario } from '../sim/scenario.js';
import { issueRows, type DayRecord } from './day-record.js';
import type { Prediction } from './evaluate.js';
import { meanInterval, type Interval } from './intervals.js';
import { relativeWidth, score, sortedQuantile, WIDTH_FLOOR_MINUTES, type Metrics } from './metrics.js';
import { addSums, emptySums, metricsOf, type ScoreSums } from './score-sums.js';

export { scenarioSeed } from './scored-day.js';

export const PREDICTOR_NAMES = ['naive', 'QL', 'LES', 'LES-smoothed', 'HOL', 'LES-class', 'HOL-class', 'QL-abandon', 'HOL-refined', 'regression', 'atrium', 'oracle', 'oracle-hub-info'] as const;
/** Every predictor Atrium must be no worse than. */
export const BASELINE_NAMES = ['naive', 'QL', 'LES', 'LES-smoothed', 'HOL', 'LES-class', 'HOL-class', 'QL-abandon', 'HOL-refined', 'regression'];

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
  /** The scored dates of the branch calendar. */
  dates: string[];
  /** Kinds of the past days the hub learnt from, over all scored days (how many of each). */
  learntFrom: Partial<Record<DayKind, number>>;
  /** The scored days' factors on arrivals, lowest and highest. */
  dayFactors: [number, number];
  /** Per predictor, its MAE at ticket issue as the mean of its daily MAEs with the days' 95% interval. */
  dayMae: Record<string, Interval>;
  /** Mean Monte Carlo standard error (minutes) of each oracle's point, the median of its runs. */
  oracleSe: Record<string, number>;
  /**
   * Atrium's printed range over the scored days, day by day: a day's waits share one
   * future, so the share inside the range moves by ±4 points from one day to the next.
   */
  range: { days: number; coverage: number; perDay: number[] };
  /**
   * The range's relative width over the customers whose estimate was 1 min or more (those not
   * called at once), per predictor: in a quiet lobby half are called at once and make the
   * median width of all customers easy.
   */
  rangeWidthWaiting: Record<string, { n: number; median: number; p90: number }>;
  /** Seconds its days took when they were computed (stored with each day): wall clock in their worker, and CPU. */
  computeSeconds: { total: number; perDay: number; cpuTotal: number; cpuPerDay: number };
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

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

function widthsWhenWaiting(rows: readonly Prediction[]): ScenarioResult['rangeWidthWaiting'] {
  const out: ScenarioResult['rangeWidthWaiting'] = {};
  for (const name of PREDICTOR_NAMES) {
    const w = rows
      .filter((r) => r.predictor === name && r.minutes >= WIDTH_FLOOR_MINUTES)
      .map((r) => relativeWidth({ predicted: r.minutes, low: r.low, high: r.high }))
      .sort((a, b) => a - b);
    if (w.length > 0) out[name] = { n: w.length, median: r3(sortedQuantile(w, 0.5)), p90: r3(sortedQuantile(w, 0.9)) };
  }
  return out;
}

/** The scenario's figures from its scored days' records (in the order of the days). */
export function scenarioResult(scenario: Scenario, records: readonly DayRecord[]): ScenarioResult {
  const days = records.length;
  const learntFrom: Partial<Record<DayKind, number>> = {};
  const noise = new Map<string, { predictions: number; seSum: number }>();
  const updates = new Map<string, ScoreSums>();
  const all: Prediction[] = [];
  let customers = 0;
  let served = 0;
  let noShows = 0;
  let waitSum = 0;
  let simMs = 0;
  const predictMs: Record<string, number> = {};
  for (const day of records) {
    for (const [k, n] of Object.entries(day.learntFrom)) learntFrom[k as DayKind] = (learntFrom[k as DayKind] ?? 0) + n;
    for (const [name, o] of Object.entries(day.oracleNoise)) {
      const t = noise.get(name) ?? { predictions: 0, seSum: 0 };
      t.predictions += o.predictions;
      t.seSum += o.seSum;
      noise.set(name, t);
    }
    for (const [name, sums] of Object.entries(day.updates)) {
      const into = updates.get(name) ?? emptySums();
      addSums(into, sums);
      updates.set(name, into);
    }
    all.push(...issueRows(day));
    customers += day.customers;
    served += day.served;
    noShows += day.noShows;
    waitSum += day.meanServedWait * day.served;
    simMs += day.simMs;
    for (const [k, v] of Object.entries(day.predictMs)) predictMs[k] = (predictMs[k] ?? 0) + v;
  }
  const dayIndexes = records.map((r) => r.index);
  // The validation scores delayed customers only, as the theory does (RASE = 1 − ρ).
  const validation = scenario.warmupMinutes > 0;
  const scored = (r: Prediction): boolean => r.result === 'served' && (!validation || r.delayed);
  const issue = all.filter(scored);
  const perDay: number[] = [];
  for (const d of dayIndexes) perDay.push(r3(coverageOf(issue.filter((r) => r.day === d))));
  const dayMae: Record<string, Interval> = {};
  for (const name of new Set(issue.map((r) => r.predictor))) {
    const maes: number[] = [];
    for (const d of dayIndexes) {
      const rows = issue.filter((r) => r.day === d && r.predictor === name);
      if (rows.length > 0) maes.push(rows.reduce((a, r) => a + Math.abs(r.minutes - r.realised), 0) / rows.length);
    }
    const i = meanInterval(maes);
    dayMae[name] = { mean: r3(i.mean), halfWidth: r3(i.halfWidth), n: i.n };
  }
  const oracleSe: Record<string, number> = {};
  for (const [name, t] of noise) if (t.predictions > 0) oracleSe[name] = r3(t.seSum / t.predictions);
  const factors = records.map((r) => r.dayFactor);
  // No screen update at all (a tiny day): every predictor with no rows, as for the other tables.
  const presentUpdates = PREDICTOR_NAMES.filter((n) => updates.has(n) || updates.size === 0);
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
    updates: presentUpdates.map((name) => ({ name, ...metricsOf(updates.get(name) ?? emptySums()) })),
    noShows: byPredictor(all.filter((r) => r.result === 'no_show')),
    byPriority: groupBy(issue, (r) => r.priority),
    byHour: groupBy(issue, (r) => String(r.hour).padStart(2, '0')),
    issueRows: issue,
    dates: records.map((d) => d.date),
    learntFrom,
    dayFactors: [r3(Math.min(...factors)), r3(Math.max(...factors))],
    dayMae,
    oracleSe,
    range: { days: perDay.length, coverage: r3(coverageOf(issue)), perDay },
    rangeWidthWaiting: widthsWhenWaiting(issue),
    computeSeconds: {
      total: r1(records.reduce((a, r) => a + r.seconds, 0)),
      perDay: r1(records.reduce((a, r) => a + r.seconds, 0) / Math.max(1, days)),
      cpuTotal: r1(records.reduce((a, r) => a + r.cpuSeconds, 0)),
      cpuPerDay: r1(records.reduce((a, r) => a + r.cpuSeconds, 0) / Math.max(1, days)),
    },
  };
}

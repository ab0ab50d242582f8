// One scenario's days with every predictor, scored: the figures the report is made of.
// The scored days are the first `days` days of the scenario's kind in its branch's calendar
// (bench/sim/calendar.ts), and on each the hub's knowledge is learnt from the 20 business
// days before it, of any kind, as the hub learns from its ledger.
import { atriumPredictor, type AtriumOptions, type WaitPredictor } from '../../main/hub/estimate/index.js';
import { BranchCalendar, type DayKind } from '../sim/calendar.js';
import type { Scenario } from '../sim/scenario.js';
import { calendarKnowledge, learningDaysBefore, LEARNT_DAYS, type BranchKnowledge } from './branch-knowledge.js';
import { baselinePredictors } from './baselines.js';
import { classBaselinePredictors } from './class-baselines.js';
import { runDay, type Prediction } from './evaluate.js';
import { meanInterval, type Interval } from './intervals.js';
import { score, type Metrics } from './metrics.js';
import { oraclePredictor, type OraclePredictor } from './oracle.js';
import { RegressionTrainer } from './regression.js';

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

export interface RunOptions {
  /** Also run the oracle that knows only what the hub could (doubles the oracle's cost). */
  hubOracle: boolean;
  /** The scenarios of the other kinds of day in the branch's calendar. */
  standard: readonly Scenario[];
  /** Atrium's estimator as the hub makes it; the exit-code test passes a broken one. */
  atrium?: (options: AtriumOptions) => WaitPredictor;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export function runScenario(scenario: Scenario, days: number, options: RunOptions): ScenarioResult {
  const { hubOracle, standard } = options;
  const makeAtrium = options.atrium ?? atriumPredictor;
  const seed = scenarioSeed(scenario.name);
  const branch = BranchCalendar.of(scenario, standard);
  const dates = branch.scoredDays(days, LEARNT_DAYS);
  const learntFrom: Partial<Record<DayKind, number>> = {};
  const factors: number[] = [];
  const oracles: OraclePredictor[] = [];
  const regression = new RegressionTrainer(branch);
  // Each oracle's Monte Carlo noise, summed over days (the predictors themselves are dropped with their day).
  const noise = new Map<string, { predictions: number; seSum: number }>();
  const all: Prediction[] = [];
  let customers = 0;
  let served = 0;
  let noShows = 0;
  let waitSum = 0;
  let simMs = 0;
  const predictMs: Record<string, number> = {};
  for (let d = 0; d < dates.length; d++) {
    const date = dates[d]!;
    for (const past of learningDaysBefore(branch, date.date)) learntFrom[past.kind] = (learntFrom[past.kind] ?? 0) + 1;
    // Learnt on the morning of the day, from the days before it: frozen before it is scored.
    const knowledge: BranchKnowledge = calendarKnowledge(branch, date.date);
    const world = branch.world(date);
    const trained = regression.predictorFor(date.date, LEARNT_DAYS);
    factors.push(world.dayFactor);
    const day = runDay(scenario, d, world, (sim, i) => {
      const made = [
        oraclePredictor({ current: sim }, scenario.oracleRuns, (seed ^ 0x5eed) + i),
        // Not in the validation: there the hub knows everything the oracle does.
        ...(scenario.warmupMinutes > 0 || !hubOracle || !scenario.hubOracle ? [] : [oraclePredictor({ current: sim }, scenario.oracleRuns, (seed ^ 0x1f0) + i, 'hub')]),
      ];
      oracles.push(...made);
      return [...baselinePredictors(), ...classBaselinePredictors(), trained, makeAtrium({ ...knowledge, utcOffsetMinutes: 0 }), ...made];
    });
    for (const o of oracles) {
      const t = noise.get(o.name) ?? { predictions: 0, seSum: 0 };
      t.predictions += o.noise.predictions;
      t.seSum += o.noise.seSum;
      noise.set(o.name, t);
    }
    oracles.length = 0;
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
  for (let d = 0; d < dates.length; d++) perDay.push(r3(coverageOf(issue.filter((r) => r.day === d))));
  const dayMae: Record<string, Interval> = {};
  for (const name of new Set(issue.map((r) => r.predictor))) {
    const maes: number[] = [];
    for (let d = 0; d < dates.length; d++) {
      const rows = issue.filter((r) => r.day === d && r.predictor === name);
      if (rows.length > 0) maes.push(rows.reduce((a, r) => a + Math.abs(r.minutes - r.realised), 0) / rows.length);
    }
    const i = meanInterval(maes);
    dayMae[name] = { mean: r3(i.mean), halfWidth: r3(i.halfWidth), n: i.n };
  }
  const oracleSe: Record<string, number> = {};
  for (const [name, t] of noise) if (t.predictions > 0) oracleSe[name] = r3(t.seSum / t.predictions);
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
    dates: dates.map((d) => d.date),
    learntFrom,
    dayFactors: [r3(Math.min(...factors)), r3(Math.max(...factors))],
    dayMae,
    oracleSe,
    range: { days: perDay.length, coverage: r3(coverageOf(issue)), perDay },
  };
}

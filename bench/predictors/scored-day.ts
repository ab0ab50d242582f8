// One scored day of a scenario with every predictor watching, as `npm run bench` scores it:
// the hub's knowledge learnt as the hub learns it (learnForDayKind: past days of its kind),
// the regression trained on the 20 business days before it, the oracles seeded by the day's place among the
// scored days. A day depends on nothing computed for another day, so days can run in any
// order, in any process (day-pool.ts), and be stored (day-store.ts). A ScenarioDays keeps
// what several days of one scenario share (drawn days, the regression's past-day
// statistics), so a process that scores consecutive days simulates each past day once.
import { atriumPredictor, type AtriumOptions, type WaitPredictor } from '../../main/hub/estimate/index.js';
import { BranchCalendar, type CalendarDay, type DayKind } from '../sim/calendar.js';
import type { Scenario } from '../sim/scenario.js';
import { calendarKnowledge, learningDaysBefore, LEARNT_DAYS } from './branch-knowledge.js';
import { baselinePredictors } from './baselines.js';
import { classBaselinePredictors, qlAbandonPredictor } from './class-baselines.js';
import { packDay, type DayRecord } from './day-record.js';
import { runDay } from './evaluate.js';
import { oraclePredictor, type OracleNoise, type OraclePredictor } from './oracle.js';
import { RegressionTrainer } from './regression.js';

/** A stable seed per scenario name, so adding a scenario does not change the others. */
export function scenarioSeed(name: string): number {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

export interface DayOptions {
  /** `sensitivity`: Atrium and QL-abandon alone, no oracle, no regression (the sensitivity table's days). */
  predictors?: 'all' | 'sensitivity';
  /** Also run the oracle that knows only what the hub could (doubles the oracle's cost). */
  hubOracle: boolean;
  /** Atrium's estimator as the hub makes it; the exit-code test passes a broken one. */
  atrium?: (options: AtriumOptions) => WaitPredictor;
}

export class ScenarioDays {
  readonly branch: BranchCalendar;
  private readonly regression: RegressionTrainer;

  constructor(
    readonly scenario: Scenario,
    standard: readonly Scenario[],
  ) {
    this.branch = BranchCalendar.of(scenario, standard);
    this.regression = new RegressionTrainer(this.branch);
  }

  /** The scored days, in order: a day's index is its place here. */
  dates(count: number): CalendarDay[] {
    return this.branch.scoredDays(count, LEARNT_DAYS);
  }

  /** Every scenario the calendar draws its days from (what a day's figures depend on). */
  calendarScenarios(): Record<DayKind, Scenario> {
    const kinds: DayKind[] = ['stationary', 'ordinary', 'month-end', 'pension', 'holiday-eve'];
    return Object.fromEntries(kinds.map((k) => [k, this.branch.scenarioOf(k)])) as Record<DayKind, Scenario>;
  }

  score(date: CalendarDay, index: number, fingerprint: string, options: DayOptions): DayRecord {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { scenario, branch } = this;
    const seed = scenarioSeed(scenario.name);
    const makeAtrium = options.atrium ?? atriumPredictor;
    const learntFrom: Partial<Record<DayKind, number>> = {};
    for (const past of learningDaysBefore(branch, date.date)) learntFrom[past.kind] = (learntFrom[past.kind] ?? 0) + 1;
    // Learnt on the morning of the day, from the days before it: frozen before it is scored.
    const knowledge = calendarKnowledge(branch, date.date);
    const world = branch.world(date);
    const oracles: OraclePredictor[] = [];
    const sensitivity = options.predictors === 'sensitivity';
    const trained = sensitivity ? null : this.regression.predictorFor(date.date, LEARNT_DAYS);
    const day = runDay(scenario, index, world, (sim, i) => {
      if (trained === null) return [makeAtrium({ ...knowledge, utcOffsetMinutes: 0 }), qlAbandonPredictor()];
      const made = [
        oraclePredictor({ current: sim }, scenario.oracleRuns, (seed ^ 0x5eed) + i),
        // Not in the validation: there the hub knows everything the oracle does.
        ...(scenario.warmupMinutes > 0 || !options.hubOracle || !scenario.hubOracle ? [] : [oraclePredictor({ current: sim }, scenario.oracleRuns, (seed ^ 0x1f0) + i, 'hub')]),
      ];
      oracles.push(...made);
      return [...baselinePredictors(), ...classBaselinePredictors(), trained, makeAtrium({ ...knowledge, utcOffsetMinutes: 0 }), ...made];
    });
    const oracleNoise: Record<string, OracleNoise> = {};
    for (const o of oracles) oracleNoise[o.name] = { predictions: o.noise.predictions, seSum: Math.round(o.noise.seSum * 1000) / 1000 };
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = Math.round((cpu.user + cpu.system) / 100_000) / 10;
    return packDay({ scenario: scenario.name, date: date.date, index, computedAt: new Date().toISOString(), seconds, cpuSeconds, dayFactor: world.dayFactor, learntFrom, oracleNoise }, fingerprint, day, scenario.warmupMinutes > 0, sensitivity ? 'sums' : 'rows');
  }
}

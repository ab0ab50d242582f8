// The ground truth of one simulated day, drawn up front from the scenario and a seed: every
// customer (arrival, business, priority, service time, patience, walk to the counter) and
// every counter's rota (lunch, short pauses). Drawing it all before the run keeps a day the
// same whatever the predictors do while it runs.
import type { PauseReason, Priority } from '../../main/common/domain.js';
import { draw, type Duration } from './distributions.js';
import { Random } from './random.js';
import { clockMinutes, type Scenario } from './scenario.js';

export const MINUTE = 60_000;

export interface SimCustomer {
  id: string;
  arrivalAt: number;
  /** Index into scenario.kinds: the business, which the hub sees as a service and, when taken, a kiosk choice. */
  kind: number;
  /** The kiosk choice on the ticket (the business's, unless the customer took a generic tile); null: none. */
  choice: string | null;
  older: boolean;
  service: string;
  priority: Priority;
  duration: Duration;
  serviceMinutes: number;
  /** Infinity when the scenario has nobody leave. */
  patienceMinutes: number;
  walkMinutes: number;
}

export interface CounterPlan {
  counter: string;
  /** When the counter means to stop: it does so once its current customer is done. */
  at: number;
  mode: 'pause' | 'close';
  reason: PauseReason;
  /** A fixed clock time to come back (lunch), or null to come back after `minutes`. */
  endAt: number | null;
  minutes: number;
  /**
   * The rota's time for this stop before the day's jitter (a short break is due "about" then,
   * ±BREAK_JITTER_MINUTES): what an oracle may know, while `at` and `minutes` are the day's draws.
   */
  nominalAt: number;
}

/** A short break comes within this many minutes of its rota time. */
export const BREAK_JITTER_MINUTES = 10;

export interface World {
  scenario: Scenario;
  date: string;
  openAt: number;
  closeAt: number;
  customers: SimCustomer[];
  plans: CounterPlan[];
  /** Customers at the door at opening (their tickets come first, 5 s apart). */
  crowd: number;
  /** The day's factor on the mean flow of arrivals (1: the scenario's mean). */
  dayFactor: number;
}

/** A day's factor on its arrivals: Gamma with mean 1 and the given CV (1 when the CV is 0). */
export function drawDayFactor(cv: number, random: Random): number {
  if (cv <= 0) return 1;
  const shape = 1 / (cv * cv);
  return random.gamma(shape) / shape;
}

export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * Business of one customer, drawn from the scenario's mix. The kiosk choice is drawn from
 * `choiceRandom` (a stream of its own in drawWorld, so that adding choices changed no other
 * draw of a day).
 */
export function drawCustomer(scenario: Scenario, random: Random, id: string, arrivalAt: number, choiceRandom: Random = random): SimCustomer {
  const kind = random.pick(scenario.kinds.map((k) => k.share));
  const k = scenario.kinds[kind]!;
  const generic = choiceRandom.uniform() < scenario.genericChoiceShare;
  const older = random.uniform() < scenario.older.share;
  const duration: Duration = {
    kind: scenario.distribution,
    meanMinutes: k.meanMinutes * (older ? scenario.older.factor : 1),
    cv: scenario.distribution === 'exponential' ? 1 : k.cv,
  };
  const p = random.uniform();
  const priority: Priority = p < scenario.priorities.green ? 'green' : p < scenario.priorities.green + scenario.priorities.vip ? 'vip' : 'normal';
  return {
    id,
    arrivalAt,
    kind,
    choice: k.choice !== undefined && !generic ? k.choice : null,
    older,
    service: k.service,
    priority,
    duration,
    serviceMinutes: draw(duration, random),
    patienceMinutes: scenario.patienceMeanMinutes === null ? Number.POSITIVE_INFINITY : random.exponential(scenario.patienceMeanMinutes),
    walkMinutes: random.between(scenario.walkMinutes[0], scenario.walkMinutes[1]),
  };
}

/** Arrival times of a Poisson process with the scenario's hourly profile, in [from, closeAt). */
export function drawArrivalTimes(scenario: Scenario, random: Random, openAt: number, closeAt: number, from: number, meanCount: number): number[] {
  const shares = scenario.hourlyShares;
  const total = shares.reduce((a, b) => a + b, 0);
  const times: number[] = [];
  for (let h = 0; h < shares.length; h++) {
    const start = Math.max(openAt + h * 60 * MINUTE, from);
    const end = Math.min(openAt + (h + 1) * 60 * MINUTE, closeAt);
    if (end <= start) continue;
    const mean = (meanCount * shares[h]!) / total * ((end - start) / (60 * MINUTE));
    const n = random.poisson(mean);
    for (let i = 0; i < n; i++) times.push(random.between(start, end));
  }
  return times.sort((a, b) => a - b);
}

/** Expected arrivals of the profile in [from, to) for a day of `meanCount` (the oracle's yardstick for today's factor). */
export function expectedArrivals(scenario: Scenario, openAt: number, from: number, to: number, meanCount: number): number {
  const shares = scenario.hourlyShares;
  const total = shares.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let h = 0; h < shares.length; h++) {
    const start = Math.max(openAt + h * 60 * MINUTE, from);
    const end = Math.min(openAt + (h + 1) * 60 * MINUTE, to);
    if (end > start) sum += ((meanCount * shares[h]!) / total) * ((end - start) / (60 * MINUTE));
  }
  return sum;
}

/** Mean arrivals after the door crowd: the day's mean less the crowd's mean. */
export function flowPerDay(scenario: Scenario): number {
  return Math.max(0, scenario.customersPerDay - (scenario.doorCrowd[0] + scenario.doorCrowd[1]) / 2);
}

function drawPlans(scenario: Scenario, random: Random, openAt: number, closeAt: number, base: number): CounterPlan[] {
  const plans: CounterPlan[] = [];
  const lunch = scenario.lunch;
  const lunchFrom = lunch ? base + clockMinutes(lunch.from) * MINUTE : 0;
  const lunchUntil = lunch ? base + clockMinutes(lunch.until) * MINUTE : 0;
  if (lunch) {
    for (const counter of lunch.counters) plans.push({ counter, at: lunchFrom, mode: lunch.mode, reason: 'lunch', endAt: lunchUntil, minutes: 0, nominalAt: lunchFrom });
  }
  const pauses = scenario.pauses;
  if (pauses) {
    const n = scenario.counters.length;
    scenario.counters.forEach((c, i) => {
      // Staggered so that the counters do not all break at once, as a rota would have it.
      for (let at = openAt + ((i + 1) / (n + 1)) * pauses.everyMinutes * MINUTE; at < closeAt; at += pauses.everyMinutes * MINUTE) {
        const when = at + random.between(-BREAK_JITTER_MINUTES, BREAK_JITTER_MINUTES) * MINUTE;
        const atLunch = lunch !== null && lunch.counters.includes(c.id) && when >= lunchFrom - 30 * MINUTE && when < lunchUntil + 30 * MINUTE;
        const minutes = random.between(pauses.minMinutes, pauses.maxMinutes);
        if (!atLunch && when < closeAt) plans.push({ counter: c.id, at: when, mode: 'pause', reason: pauses.reason, endAt: null, minutes, nominalAt: at });
      }
    });
  }
  return plans.sort((a, b) => a.at - b.at);
}

export function drawWorld(scenario: Scenario, seed: number, date = '2025-03-13'): World {
  const random = new Random(seed);
  const base = dayStart(date);
  const openAt = base + clockMinutes(scenario.open) * MINUTE;
  const closeAt = base + clockMinutes(scenario.close) * MINUTE;
  const crowd = random.integer(scenario.doorCrowd[0], scenario.doorCrowd[1]);
  // Busy and quiet days, beyond Poisson's own spread: from a stream of its own, so a scenario
  // without it (CV 0) draws exactly the days it drew before.
  const dayFactor = drawDayFactor(scenario.dayFactorCv, new Random((seed ^ 0x0dfac7) >>> 0));
  // The crowd takes its tickets one after another at the kiosks, a few seconds apart.
  const times = [...Array.from({ length: crowd }, (_, i) => openAt + i * 5_000), ...drawArrivalTimes(scenario, random, openAt, closeAt, openAt, flowPerDay(scenario) * dayFactor)];
  times.sort((a, b) => a - b);
  const choices = new Random((seed ^ 0xc401ce) >>> 0);
  const customers = times.map((at, i) => drawCustomer(scenario, random, `c${i}`, at, choices));
  return { scenario, date, openAt, closeAt, customers, plans: drawPlans(scenario, random, openAt, closeAt, base), crowd, dayFactor };
}

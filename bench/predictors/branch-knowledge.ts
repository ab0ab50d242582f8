// What the branch knows before the day starts, as the hub would have it: the staffing rota
// (only where the scenario's lunch is announced: "lunch-unannounced" must stay unannounced)
// and the arrival profile and history learnt from past days, through the hub's own learning
// path: each past day is simulated once without predictors, read as the hub reads its ledger
// (its tickets, which of them a counter reached and whether the customer had left, its walks,
// its counters' breaks, pauses and closures: main/hub/estimate/past-day.ts), and the days are
// chosen and learnt by main/hub/estimate/day-kinds.ts `learnForDayKind`, as ledger-knowledge.ts
// does for the hub. So bench and hub share one learning path (issue 15).
//
// `calendarKnowledge` (what `npm run bench` uses) learns from the branch's calendar
// (bench/sim/calendar.ts): for a day of a kind, the last 20 business days of that kind within
// a year before it, or the last 20 of any kind when fewer than 3 of the kind are found.
// `branchKnowledge` is the older scheme (20 days of the scored scenario itself, other seeds),
// kept for the tuning scripts (tune-atrium.ts, calibrate-range.ts) that quote it; it learns
// through the same path.
import type { DayKind as HubDayKind } from '../../main/common/calendar.js';
import type { QueueEvent } from '../../main/common/events.js';
import { learnForDayKind, learningDays, LEARNING_DAYS, LOOKBACK_DAYS, type ArrivalProfile, type PastDay, type StaffRota } from '../../main/hub/estimate/index.js';
import type { BranchHistory } from '../../main/hub/estimate/branch-history.js';
import type { CounterEvent } from '../../main/hub/estimate/counter-days.js';
import { pastDayOf } from '../../main/hub/estimate/past-day.js';
import { CLIP_FACTOR } from '../../main/hub/estimate/service-times.js';
import type { BranchCalendar, CalendarDay, DayKind } from '../sim/calendar.js';
import type { Scenario } from '../sim/scenario.js';
import { BranchSimulator } from '../sim/simulator.js';
import { drawWorld, type World } from '../sim/world.js';

/** About a month of business days (the hub's LEARNING_DAYS). */
export const LEARNT_DAYS = LEARNING_DAYS;

export interface BranchKnowledge {
  rota: StaffRota;
  arrivalProfile: ArrivalProfile;
  history: BranchHistory;
}

export function branchRota(scenario: Scenario): StaffRota {
  const lunch = scenario.lunch;
  if (!lunch || lunch.mode !== 'pause') return [];
  return lunch.counters.map((counter) => ({ counter, from: lunch.from, until: lunch.until, reason: 'lunch' as const }));
}

/** The hub's name for a bench calendar's kind of day; the stationary validation's days are all one kind. */
export function hubKind(kind: DayKind): HubDayKind {
  switch (kind) {
    case 'month-end':
      return 'month_end';
    case 'pension':
      return 'pension_day';
    case 'holiday-eve':
      return 'holiday_eve';
    case 'ordinary':
    case 'stationary':
      return 'ordinary';
  }
}

const COUNTER_EVENT_TYPES = new Set<string>(['counter.opened', 'counter.paused', 'counter.resumed', 'counter.closed', 'day.closed']);

/**
 * A simulated day as the hub's records would have it: run once without predictors, its
 * tickets (the engine's) and its counter events read by the hub's own pastDayOf.
 */
export function simulatedPastDay(world: World, kind: HubDayKind): PastDay {
  const log: { event: QueueEvent; at: number }[] = [];
  const sim = BranchSimulator.forDay(world, {}, log);
  // The day is closed once its last customer is done, as a branch closes its day; run to an
  // empty heap, it would close at the last (moot) patience expiry, hours later, and the
  // counters' last stretch would run on until then.
  sim.run(() => sim.outcomes.size === world.customers.length && sim.present.size === 0);
  if (sim.state.day?.status === 'open') sim.command({ type: 'day.close' });
  const counterEvents: CounterEvent[] = log.flatMap(({ event, at }) => {
    if (!COUNTER_EVENT_TYPES.has(event.type)) return [];
    const e = event as { type: CounterEvent['type']; counter?: string; reason?: CounterEvent['reason'] };
    return [{ type: e.type, at, ...(e.counter !== undefined ? { counter: e.counter } : {}), ...(e.reason ? { reason: e.reason } : {}) }];
  });
  return pastDayOf(world.date, kind, Object.values(sim.state.tickets), counterEvents);
}

/** The hub's clip of a past job: CLIP_FACTOR × the configured service time (its servicePriors). */
function clipOf(scenario: Scenario): (service: string) => number {
  const prior = new Map(scenario.services.map((s) => [s.code, s.priorServiceMinutes]));
  return (service) => CLIP_FACTOR * (prior.get(service) ?? Number.POSITIVE_INFINITY);
}

/** Simulated past days by date, per calendar: a past day is learnt from by many scored days (and simulated once a run). */
const pastDays = new WeakMap<BranchCalendar, Map<string, PastDay>>();

function pastDayIn(branch: BranchCalendar, day: CalendarDay): PastDay {
  let cache = pastDays.get(branch);
  if (!cache) pastDays.set(branch, (cache = new Map()));
  let past = cache.get(day.date);
  if (!past) {
    past = simulatedPastDay(branch.world(day), hubKind(day.kind));
    cache.set(day.date, past);
  }
  return past;
}

/** Which business days before `date` the hub learns from for a day of the scored kind (day-kinds.ts `learningDays`), newest first. */
export function learningDaysBefore(branch: BranchCalendar, date: string): CalendarDay[] {
  const kind = hubKind(branch.scored.dayKind);
  const past = branch
    .before(date, LOOKBACK_DAYS)
    .reverse()
    .map((d) => ({ day: d, kind: hubKind(d.kind) }));
  return learningDays(past, kind).days.map((d) => d.day);
}

/**
 * What the hub knows on the morning of `date`: the rota of today's scenario and what
 * learnForDayKind learns from the calendar's past days for today's kind.
 */
export function calendarKnowledge(branch: BranchCalendar, date: string): BranchKnowledge {
  // Only the chosen days are simulated, as the hub reads only the chosen days' tickets.
  const days = learningDaysBefore(branch, date).map((d) => pastDayIn(branch, d));
  const rota = branchRota(branch.scored);
  const learnt = learnForDayKind(days, hubKind(branch.scored.dayKind), { clipAt: clipOf(branch.scored), utcOffsetMinutes: 0, rota });
  return { rota, ...learnt };
}

/** Past days of the same scenario, far from the scored days' seeds (seed + 0, 1, 2, …): the old scheme. */
export function branchKnowledge(scenario: Scenario, seed: number): BranchKnowledge {
  const kind = hubKind(scenario.dayKind);
  const days = Array.from({ length: LEARNT_DAYS }, (_, d) => simulatedPastDay(drawWorld(scenario, (seed + 100_000 + d * 7919) >>> 0), kind));
  const rota = branchRota(scenario);
  const learnt = learnForDayKind(days, kind, { clipAt: clipOf(scenario), utcOffsetMinutes: 0, rota });
  return { rota, ...learnt };
}

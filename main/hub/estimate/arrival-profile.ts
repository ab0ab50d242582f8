// The arrival profile a branch learns from its past days: expected tickets per minute of the
// day, per service and priority. With it the estimator expects the afternoon rise and the
// VIPs and green-channel customers who will arrive later and be called first at the right rate
// for the time of day, where today's average rate so far (arrival-rates.ts) lags behind.
//
// The hub keeps every day's tickets, so the profile is learnt from the ledger (start.ts); the
// benchmark learns it from simulated previous days of the same scenario. Today's traffic
// scales it: a day running 20% busier than usual so far is expected to stay busier.
//
// Why a minute and not a quarter hour (bench/README.md round ten): customers waiting at the
// door take their tickets in the first two or three minutes of the day. A quarter-hour slot
// spread them over its fifteen minutes, so a few minutes after opening the forward runs still
// expected most of the crowd to come (47 customers in the next quarter hour where 32 came, on
// two ordinary days), and today's count, the whole crowd against a fifth of it expected, scaled
// the rest of the day up by as much as a third. The mean count per minute over 20 days is as
// unbiased as per quarter hour, and the runs only ever read it summed over the minutes ahead.
//
// How far today's count moves the profile is learnt too: a day's factor on the profile varies
// from day to day by as much as the past days' totals spread beyond a Poisson count's (an
// empirical-Bayes gamma prior on the factor, worth 1 / its variance tickets). A branch whose days
// are alike should not read a busy first hour as a busy day.
import type { LobbyState, Priority } from '../../common/domain.js';
import { jumpingRank, type PriorityRate } from './arrival-rates.js';
import { localMidnight } from './rota.js';

export const SLOT_MINUTES = 1;
const SLOTS = (24 * 60) / SLOT_MINUTES;
const MINUTE = 60_000;
/**
 * How many tickets today's own count must reach before it moves the profile much, where the
 * past days do not say (fewer than MIN_DAYS_FOR_SPREAD of them).
 */
const SCALE_PRIOR_TICKETS = 40;
const MIN_DAYS_FOR_SPREAD = 5;
/**
 * Bounds of the learnt weight: at 10 tickets the first few of the day still barely move the
 * profile; at 400 (a day factor varying by 5%) today's count still tells a day twice as busy.
 */
const SCALE_PRIOR_BOUNDS = { min: 10, max: 400 };

export interface ArrivalProfile {
  /** How many past days it was learnt from. */
  days: number;
  /** Mean tickets a day per minute (local time, SLOTS entries), by service then priority. */
  perSlot: Record<string, Partial<Record<Priority, number[]>>>;
  /**
   * How many tickets of today's count weigh as much as the profile when scaling it: 1 / the
   * variance of a day's factor on the profile, from the past days' totals. Absent: SCALE_PRIOR_TICKETS.
   */
  scalePriorTickets?: number;
}

/**
 * 1 / the variance of the day factor f in "a day's count is Poisson with mean f × the mean
 * day": the totals' variance less their mean (the Poisson part), over the mean squared. Null
 * with too few days to say.
 */
export function learntScalePrior(totals: readonly number[]): number | null {
  if (totals.length < MIN_DAYS_FOR_SPREAD) return null;
  const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
  if (mean <= 0) return null;
  const variance = totals.reduce((a, b) => a + (b - mean) ** 2, 0) / (totals.length - 1);
  const factorVariance = (variance - mean) / (mean * mean);
  if (factorVariance <= 1 / SCALE_PRIOR_BOUNDS.max) return SCALE_PRIOR_BOUNDS.max;
  return Math.max(SCALE_PRIOR_BOUNDS.min, 1 / factorVariance);
}

export interface PastTicket {
  issuedAt: number;
  service: string;
  priority: Priority;
}

/** The mean day of `tickets`, which span `days` past business days. */
export function learnArrivalProfile(tickets: readonly PastTicket[], days: number, utcOffsetMinutes: number): ArrivalProfile {
  const perSlot: ArrivalProfile['perSlot'] = {};
  if (days <= 0) return { days: 0, perSlot };
  const totals = new Map<number, number>();
  for (const t of tickets) {
    const midnight = localMidnight(t.issuedAt, utcOffsetMinutes);
    const slot = Math.floor((t.issuedAt - midnight) / (SLOT_MINUTES * MINUTE));
    const byPriority = (perSlot[t.service] ??= {});
    const slots = (byPriority[t.priority] ??= new Array<number>(SLOTS).fill(0));
    slots[slot]! += 1 / days;
    totals.set(midnight, (totals.get(midnight) ?? 0) + 1);
  }
  // Past days without a ticket count as days of none.
  const prior = learntScalePrior([...totals.values(), ...new Array<number>(Math.max(0, days - totals.size)).fill(0)]);
  return { days, perSlot, ...(prior === null ? {} : { scalePriorTickets: prior }) };
}

/** Prefix sums of a slot table: entry i is the expected arrivals before slot i. */
function prefixOf(slots: readonly number[]): number[] {
  const prefix = [0];
  for (let i = 0; i < SLOTS; i++) prefix.push(prefix[i]! + (slots[i] ?? 0));
  return prefix;
}

/** Expected arrivals between midnight and `minuteOfDay` (fractional). */
function cumulativeAt(slots: readonly number[], prefix: readonly number[], minuteOfDay: number): number {
  const x = Math.max(0, Math.min(minuteOfDay, 24 * 60)) / SLOT_MINUTES;
  const whole = Math.floor(x);
  return whole >= SLOTS ? prefix[SLOTS]! : prefix[whole]! + slots[whole]! * (x - whole);
}

/**
 * The profile as the fluid arrivals of a forward run: for each class that can jump ahead,
 * expected arrivals from now until `t` minutes later, scaled by how busy today is so far.
 */
export function profileArrivalRates(profile: ArrivalProfile, state: LobbyState, now: number, horizonMinutes: number, utcOffsetMinutes: number): PriorityRate[] {
  if (!state.day || state.day.status !== 'open' || profile.days === 0) return [];
  const nowMinute = (now - localMidnight(now, utcOffsetMinutes)) / MINUTE;
  const tables = Object.entries(profile.perSlot).flatMap(([service, byPriority]) =>
    (Object.entries(byPriority) as [Priority, number[]][]).map(([priority, slots]) => ({ service, priority, slots, prefix: prefixOf(slots) })),
  );
  let expectedSoFar = 0;
  for (const x of tables) expectedSoFar += cumulativeAt(x.slots, x.prefix, nowMinute);
  const seenToday = Object.values(state.tickets).filter((t) => t.issuedAt <= now).length;
  const k = profile.scalePriorTickets ?? SCALE_PRIOR_TICKETS;
  const scale = Math.min(2, Math.max(0.5, (seenToday + k) / (expectedSoFar + k)));

  const rates: PriorityRate[] = [];
  const steps = Math.max(1, Math.ceil(horizonMinutes));
  for (const { service, priority, slots, prefix } of tables) {
    const rank = jumpingRank(priority, state.config);
    // A table per minute of the horizon: the forward runs ask for it at every step.
    const base = cumulativeAt(slots, prefix, nowMinute);
    const table = Array.from({ length: steps + 1 }, (_, i) => (cumulativeAt(slots, prefix, nowMinute + i) - base) * scale);
    if (table[steps]! <= 0) continue;
    const arrivedBy = (t: number): number => {
      const x = Math.max(0, Math.min(t, steps));
      const i = Math.floor(x);
      return i >= steps ? table[steps]! : table[i]! + (table[i + 1]! - table[i]!) * (x - i);
    };
    rates.push({ service, rank, perMinute: table[steps]! / steps, arrivedBy });
  }
  return rates;
}

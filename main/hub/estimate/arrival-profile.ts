// The arrival profile a branch learns from its past days: expected tickets per quarter hour of
// the day, per service and priority. With it the estimator expects the afternoon rise and the
// VIPs and green-channel customers who will arrive later and be called first at the right rate
// for the time of day, where today's average rate so far (arrival-rates.ts) lags behind.
//
// The hub keeps every day's tickets, so the profile is learnt from the ledger (start.ts); the
// benchmark learns it from simulated previous days of the same scenario. Today's traffic
// scales it: a day running 20% busier than usual so far is expected to stay busier.
import type { LobbyState, Priority } from '../../common/domain.js';
import { jumpingRank, type PriorityRate } from './arrival-rates.js';
import { localMidnight } from './rota.js';

export const SLOT_MINUTES = 15;
const SLOTS = (24 * 60) / SLOT_MINUTES;
const MINUTE = 60_000;
/** How many tickets today's own count must reach before it moves the profile much. */
const SCALE_PRIOR_TICKETS = 40;

export interface ArrivalProfile {
  /** How many past days it was learnt from. */
  days: number;
  /** Mean tickets a day per quarter hour (local time, SLOTS entries), by service then priority. */
  perSlot: Record<string, Partial<Record<Priority, number[]>>>;
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
  for (const t of tickets) {
    const slot = Math.floor((t.issuedAt - localMidnight(t.issuedAt, utcOffsetMinutes)) / (SLOT_MINUTES * MINUTE));
    const byPriority = (perSlot[t.service] ??= {});
    const slots = (byPriority[t.priority] ??= new Array<number>(SLOTS).fill(0));
    slots[slot]! += 1 / days;
  }
  return { days, perSlot };
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
  const scale = Math.min(2, Math.max(0.5, (seenToday + SCALE_PRIOR_TICKETS) / (expectedSoFar + SCALE_PRIOR_TICKETS)));

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

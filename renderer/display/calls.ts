// Which calls the display shows: pure, so the ordering rules are tested.
import type { LobbyTicket } from '../live/lobby-state';

export interface Call {
  number: string;
  counter: string;
  calledAt: string;
  recalls: number;
  /** Still waiting for the customer to come (called or recalled), not yet served. */
  current: boolean;
}

/** At most this many recent calls; the display shows those that fit on its screen (use-fit.ts). */
export const RECENT_CALLS = 12;

/** Every call of the day, newest first. A ticket counts once, at its latest call. */
export function callsOf(tickets: Iterable<LobbyTicket>): Call[] {
  const calls: Call[] = [];
  for (const t of tickets) {
    if (!t.calledAt || !t.counter) continue;
    calls.push({
      number: t.number,
      counter: t.counter,
      calledAt: t.calledAt,
      recalls: t.recalls,
      current: t.status === 'called' || t.status === 'recalled',
    });
  }
  return calls.sort((a, b) => b.calledAt.localeCompare(a.calledAt) || b.number.localeCompare(a.number));
}

export function displayCalls(tickets: Iterable<LobbyTicket>): { headline: Call | null; current: Call[]; recent: Call[] } {
  const all = callsOf(tickets);
  const current = all.filter((c) => c.current);
  return { headline: current[0] ?? null, current, recent: all.slice(0, RECENT_CALLS) };
}

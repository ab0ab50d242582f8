// The business day's state as the console shows it: 营业中 / 未开始 / 已结束. A day closed on an
// earlier date means today has not started.
import type { LobbyView } from '../live/lobby-state';

export type DayState = 'open' | 'notStarted' | 'closed';

export function localToday(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function dayState(day: LobbyView['day'], today: string): DayState {
  if (!day) return 'notStarted';
  if (day.status === 'open') return 'open';
  return day.date === today ? 'closed' : 'notStarted';
}

/** The counters a close was refused for, from the hub's `error.details`. */
export interface CounterHeld {
  counter: string;
  number: string;
  status: 'called' | 'recalled' | 'serving';
}

export function countersHeld(details: Record<string, unknown>): CounterHeld[] {
  const list = details.counters;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (c): c is CounterHeld =>
      typeof c === 'object' && c !== null && typeof (c as CounterHeld).counter === 'string' && typeof (c as CounterHeld).number === 'string',
  );
}

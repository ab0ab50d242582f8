// A counter's past day read from its events: how long it worked, how long its breaks took
// (pauses other than lunch), how long each pause lasted by reason, and how long it stayed
// away when it closed while the day was open and came back. Pure: the hub feeds it the
// ledger's counter events (ledger-knowledge.ts), the bench may feed it a simulated day's.
import type { PauseReason } from '../../common/domain.js';
import type { CounterStretch } from './branch-history.js';

export interface CounterEvent {
  type: 'counter.opened' | 'counter.paused' | 'counter.resumed' | 'counter.closed' | 'day.closed';
  /** Epoch milliseconds. */
  at: number;
  /** Absent on day.closed. */
  counter?: string;
  reason?: PauseReason;
}

export interface CounterDay {
  stretches: CounterStretch[];
  /** Pause-to-resume minutes, by the pause's reason. */
  pauses: { reason: PauseReason; minutes: number }[];
  /** Minutes from a close while the day was open to the same counter's reopening that day. */
  closures: number[];
}

/** One business day's counter events, in order (from the day's opening to the next day's). */
export function readCounterDay(events: readonly CounterEvent[]): CounterDay {
  const since = new Map<string, { kind: CounterStretch['kind'] | null; at: number; type: CounterEvent['type']; reason?: PauseReason }>();
  const day: CounterDay = { stretches: [], pauses: [], closures: [] };
  const end = (counter: string, at: number): void => {
    const s = since.get(counter);
    // A break keeps its counter, start and reason: whether the rota planned it is decided when learning (day-kinds.ts).
    if (s?.kind) day.stretches.push({ kind: s.kind, minutes: Math.max(0, at - s.at) / 60_000, ...(s.kind === 'break' ? { counter, at: s.at, reason: s.reason ?? 'other' } : {}) });
    since.delete(counter);
  };
  for (const e of events) {
    if (e.type === 'day.closed') {
      // A counter closed and never reopened before the day's close was gone for the day: not a closure that returns.
      for (const counter of [...since.keys()]) end(counter, e.at);
      continue;
    }
    const counter = e.counter ?? '';
    const before = since.get(counter);
    const minutes = before ? Math.max(0, e.at - before.at) / 60_000 : 0;
    if (before?.type === 'counter.paused' && e.type === 'counter.resumed') day.pauses.push({ reason: before.reason ?? 'other', minutes });
    if (before?.type === 'counter.closed' && e.type === 'counter.opened') day.closures.push(minutes);
    end(counter, e.at);
    const kind = e.type === 'counter.opened' || e.type === 'counter.resumed' ? 'open' : e.type === 'counter.paused' && e.reason !== 'lunch' ? 'break' : null;
    since.set(counter, { kind, at: e.at, type: e.type, ...(e.reason ? { reason: e.reason } : {}) });
  }
  return day;
}

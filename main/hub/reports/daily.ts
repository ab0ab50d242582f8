// A day's queue figures, recomputed from the ledger's events by replaying them through the
// engine: the report can never disagree with what happened.
import type { DailyReport } from '../../common/api.js';
import type { LobbyState, Ticket } from '../../common/domain.js';
import type { QueueEvent } from '../../common/events.js';
import { isQueueEventType, type Ledger } from '../ledger/index.js';
import { applyEvent, initialState } from '../queue/index.js';

const round1 = (x: number) => Math.round(x * 10) / 10;

export function ticketsOfDay(ledger: Ledger, date: string): { state: LobbyState; tickets: Ticket[] } {
  let state = initialState();
  let dayState: LobbyState | null = null;
  for (const stored of ledger.readEvents()) {
    if (!isQueueEventType(stored.type)) continue;
    const { seq: _seq, at, actor: _actor, ...event } = stored;
    state = applyEvent(state, event as QueueEvent, at);
    if (state.day?.date === date) dayState = state;
  }
  return { state: dayState ?? state, tickets: dayState ? Object.values(dayState.tickets) : [] };
}

export function dailyQueueFigures(ledger: Ledger, date: string): DailyReport {
  const { state, tickets } = ticketsOfDay(ledger, date);
  const services = Object.values(state.services).map((s) => {
    const mine = tickets.filter((t) => t.service === s.code);
    const waits = mine.filter((t) => t.calledAt !== null).map((t) => ((t.calledAt as number) - t.issuedAt) / 60_000);
    return {
      service: s.code,
      issued: mine.length,
      served: mine.filter((t) => t.status === 'done').length,
      noShow: mine.filter((t) => t.status === 'no_show').length,
      avgWaitMinutes: waits.length ? round1(waits.reduce((a, b) => a + b, 0) / waits.length) : 0,
      maxWaitMinutes: waits.length ? round1(Math.max(...waits)) : 0,
    };
  });
  return { date, services };
}

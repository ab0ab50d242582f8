// applyEvent(): the state after one event. Pure and copy-on-write: the input is never touched,
// and unchanged tickets and counters keep their identity.
import { DEFAULT_QUEUE_CONFIG, type Counter, type LobbyState, type Ticket } from '../../common/domain.js';
import type { QueueEvent } from '../../common/events.js';
import { applyTicketEvent } from './apply-ticket.js';
import { patchCounter } from './edit.js';

export function applyEvent(state: LobbyState, event: QueueEvent, at: number): LobbyState {
  switch (event.type) {
    case 'config.set':
      // An event written before a setting existed lacks it: that setting keeps its default.
      return { ...state, config: { ...DEFAULT_QUEUE_CONFIG, ...event.config } };
    case 'service.defined':
      return { ...state, services: { ...state.services, [event.service.code]: { ...event.service } } };
    case 'counter.defined': {
      const existing = state.counters[event.counter.id];
      const label = event.counter.label;
      if (existing) return patchCounter(state, existing.id, { services: [...event.counter.services], ...(label === undefined ? {} : { label }) });
      const counter: Counter = {
        id: event.counter.id,
        services: [...event.counter.services],
        status: 'closed',
        pauseReason: null,
        staffId: null,
        since: at,
        currentTicketId: null,
        label: label ?? null,
      };
      return { ...state, counters: { ...state.counters, [counter.id]: counter } };
    }
    case 'counter.services_set':
      return patchCounter(state, event.counter, { services: [...event.services] });
    case 'counter.opened':
      return patchCounter(state, event.counter, { status: 'open', staffId: event.staffId, pauseReason: null, since: at });
    case 'counter.paused':
      return patchCounter(state, event.counter, { status: 'paused', pauseReason: event.reason, since: at });
    case 'counter.resumed':
      return patchCounter(state, event.counter, { status: 'open', pauseReason: null, since: at });
    case 'counter.closed':
      return patchCounter(state, event.counter, { status: 'closed', pauseReason: null, staffId: null, since: at });
    case 'day.opened':
      return openDay(state, event.date, at);
    case 'day.closed':
      return closeDay(state, event.unserved, at);
    default:
      return applyTicketEvent(state, event, at);
  }
}

export function applyEvents(state: LobbyState, events: readonly { event: QueueEvent; at: number }[]): LobbyState {
  return events.reduce((s, { event, at }) => applyEvent(s, event, at), state);
}

// The previous day's tickets leave the state (the ledger keeps them) and numbering restarts.
function openDay(state: LobbyState, date: string, at: number): LobbyState {
  let counters = state.counters;
  for (const c of Object.values(state.counters)) {
    if (c.currentTicketId !== null) counters = { ...counters, [c.id]: { ...c, currentTicketId: null } };
  }
  return { ...state, day: { date, status: 'open', openedAt: at, closedAt: null }, tickets: {}, lastNumber: {}, counters };
}

function closeDay(state: LobbyState, unserved: readonly string[], at: number): LobbyState {
  const tickets: Record<string, Ticket> = { ...state.tickets };
  const ids = new Set<string>();
  for (const id of unserved) {
    const t = tickets[id];
    if (!t) continue;
    tickets[id] = { ...t, status: 'unserved_at_close', finishedAt: at };
    ids.add(id);
  }
  let counters = state.counters;
  for (const c of Object.values(state.counters)) {
    if (c.currentTicketId !== null && ids.has(c.currentTicketId)) counters = { ...counters, [c.id]: { ...c, currentTicketId: null } };
  }
  const day = state.day ? { ...state.day, status: 'closed' as const, closedAt: at } : null;
  return { ...state, day, tickets, counters };
}

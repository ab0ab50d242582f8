// Copy-on-write helpers: replace one ticket or counter and share everything else, so callers
// can tell what changed by comparing object identity before and after.
import type { Counter, LobbyState, Ticket } from '../../common/domain.js';

export function patchTicket(state: LobbyState, id: string, patch: Partial<Ticket>): LobbyState {
  const ticket = state.tickets[id];
  if (!ticket) return state;
  return { ...state, tickets: { ...state.tickets, [id]: { ...ticket, ...patch } } };
}

export function patchCounter(state: LobbyState, id: string, patch: Partial<Counter>): LobbyState {
  const counter = state.counters[id];
  if (!counter) return state;
  return { ...state, counters: { ...state.counters, [id]: { ...counter, ...patch } } };
}

/** Frees a counter of this ticket, and only of this ticket. */
export function releaseCounter(state: LobbyState, counterId: string | null, ticketId: string): LobbyState {
  if (counterId === null || state.counters[counterId]?.currentTicketId !== ticketId) return state;
  return patchCounter(state, counterId, { currentTicketId: null });
}

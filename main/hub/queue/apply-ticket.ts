// How ticket events change the state.
//
// Decisions:
// - calledAt is the FIRST call (kept across recalls and transfers): the customer's wait ends
//   there in the reports; startedAt is the latest start (reset by a transfer), so a finished
//   ticket's startedAt→finishedAt is the service it got at its last counter.
// - finishedAt is set for every end: done, no_show, cancelled, unserved_at_close.
// - A transfer resets recalls: the new counter gets its own recall allowance.
// - An event naming a ticket or counter the state does not know leaves the state unchanged:
//   decide() is where validation lives, and the ledger must stay replayable.
import type { LobbyState } from '../../common/domain.js';
import type { QueueEvent } from '../../common/events.js';
import { patchCounter, patchTicket, releaseCounter } from './edit.js';
import { numberValue } from './numbering.js';

type TicketEvent = Extract<QueueEvent, { type: `ticket.${string}` }>;

export function applyTicketEvent(state: LobbyState, event: TicketEvent, at: number): LobbyState {
  if (event.type === 'ticket.issued') {
    const ticket = event.ticket;
    const prefix = state.services[ticket.service]?.prefix ?? ticket.number.replace(/\d+$/, '');
    const last = Math.max(state.lastNumber[prefix] ?? 0, numberValue(ticket.number));
    return {
      ...state,
      // The choice rides on the event, beside the ticket (decide-ticket.ts): the ticket carries it from here on.
      tickets: { ...state.tickets, [ticket.id]: { ...ticket, tags: [...ticket.tags], ...(event.choice ? { choice: event.choice } : {}) } },
      lastNumber: { ...state.lastNumber, [prefix]: last },
    };
  }

  const ticket = state.tickets[event.ticket];
  if (!ticket) return state;
  switch (event.type) {
    case 'ticket.called': {
      const next = patchTicket(state, ticket.id, { status: 'called', counter: event.counter, calledAt: ticket.calledAt ?? at });
      return patchCounter(next, event.counter, { currentTicketId: ticket.id });
    }
    case 'ticket.recalled':
      return patchTicket(state, ticket.id, { status: 'recalled', recalls: event.recalls });
    case 'ticket.started':
      return patchTicket(state, ticket.id, { status: 'serving', startedAt: at });
    case 'ticket.finished': {
      const next = patchTicket(state, ticket.id, { status: 'done', finishedAt: at, tags: [...event.tags] });
      return releaseCounter(next, ticket.counter, ticket.id);
    }
    case 'ticket.no_show': {
      const next = patchTicket(state, ticket.id, { status: 'no_show', finishedAt: at });
      return releaseCounter(next, event.counter ?? ticket.counter, ticket.id);
    }
    case 'ticket.cancelled': {
      const next = patchTicket(state, ticket.id, { status: 'cancelled', finishedAt: at });
      return releaseCounter(next, ticket.counter, ticket.id);
    }
    case 'ticket.priority_set':
      return patchTicket(state, ticket.id, { priority: event.priority });
    case 'ticket.transferred': {
      const next = patchTicket(state, ticket.id, {
        status: 'waiting',
        service: event.toService,
        targetCounter: event.toCounter,
        counter: null,
        startedAt: null,
        recalls: 0,
        transfers: ticket.transfers + 1,
      });
      return releaseCounter(next, event.fromCounter ?? ticket.counter, ticket.id);
    }
  }
}

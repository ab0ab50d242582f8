// Lookups that turn a missing id into the 404 the caller should see.
import type { Counter, LobbyState, Service, Ticket } from '../../common/domain.js';
import { DomainError } from '../../common/errors.js';
import { own } from '../../common/own.js';

export function getTicket(state: LobbyState, id: string): Ticket {
  const ticket = own(state.tickets, id);
  if (!ticket) throw new DomainError('not_found', 'unknown_ticket', `There is no ticket ${id} today.`);
  return ticket;
}

export function getCounter(state: LobbyState, id: string): Counter {
  const counter = own(state.counters, id);
  if (!counter) throw new DomainError('not_found', 'unknown_counter', `There is no counter ${id}.`);
  return counter;
}

// Decision: an unknown service is always 404, whether it is named in the path or the body,
// so the hub has one rule to map.
export function getService(state: LobbyState, code: string): Service {
  const service = own(state.services, code);
  if (!service) throw new DomainError('not_found', 'unknown_service', `There is no service "${code}".`);
  return service;
}

// Commands about one counter: its open/paused/closed machine, its services, and calling.
import { PAUSE_REASONS, type Counter, type LobbyState } from '../../common/domain.js';
import type { QueueCommand, QueueEvent } from '../../common/events.js';
import { canCall, dispatchOrder } from './dispatch.js';
import { fairPick } from './fair.js';
import { DomainError } from '../../common/errors.js';
import { getCounter, getService, getTicket } from './lookup.js';
import { assertCounterMove, assertTicketMove } from './transitions.js';

type Cmd<T extends QueueCommand['type']> = Extract<QueueCommand, { type: T }>;

function assertFree(state: LobbyState, counter: Counter, doing: string): void {
  if (counter.currentTicketId === null) return;
  const number = state.tickets[counter.currentTicketId]?.number ?? counter.currentTicketId;
  throw new DomainError('conflict', 'counter_busy', `Counter ${counter.id} still has ticket ${number}; it cannot ${doing} until that ticket is finished or released.`);
}

function assertOpen(counter: Counter): void {
  if (counter.status === 'open') return;
  throw new DomainError('conflict', 'counter_not_open', `Counter ${counter.id} is ${counter.status}; it cannot call tickets.`);
}

/** Services named for a counter: at least one, each defined, none twice. */
export function checkServiceList(state: LobbyState, services: readonly string[]): void {
  if (!Array.isArray(services) || services.length === 0) {
    throw new DomainError('invalid', 'invalid_services', 'A counter serves at least one service.');
  }
  if (new Set(services).size !== services.length) {
    throw new DomainError('invalid', 'invalid_services', 'A service is listed twice for the same counter.');
  }
  for (const code of services) getService(state, code);
}

export function decideCounter(
  state: LobbyState,
  cmd: Cmd<'counter.open' | 'counter.pause' | 'counter.resume' | 'counter.close' | 'counter.set_services'>,
): QueueEvent[] {
  const counter = getCounter(state, cmd.counter);
  switch (cmd.type) {
    case 'counter.open': {
      if (!cmd.staffId) throw new DomainError('invalid', 'invalid_staff', 'Opening a counter needs the staff member who signs in.');
      assertCounterMove(counter, 'open');
      const elsewhere = Object.values(state.counters).find((c) => c.id !== counter.id && c.status !== 'closed' && c.staffId === cmd.staffId);
      if (elsewhere) {
        throw new DomainError('conflict', 'staff_elsewhere', `${cmd.staffId} is signed in at counter ${elsewhere.id}; close that counter first.`);
      }
      return [{ type: 'counter.opened', counter: counter.id, staffId: cmd.staffId }];
    }
    case 'counter.pause':
      if (!PAUSE_REASONS.includes(cmd.reason)) throw new DomainError('invalid', 'invalid_reason', `"${String(cmd.reason)}" is not a pause reason.`);
      assertCounterMove(counter, 'pause');
      // Decision: a counter with a called or served customer cannot pause; the customer comes first.
      assertFree(state, counter, 'pause');
      return [{ type: 'counter.paused', counter: counter.id, reason: cmd.reason }];
    case 'counter.resume':
      assertCounterMove(counter, 'resume');
      return [{ type: 'counter.resumed', counter: counter.id }];
    case 'counter.close':
      assertCounterMove(counter, 'close');
      assertFree(state, counter, 'close');
      return [{ type: 'counter.closed', counter: counter.id }];
    case 'counter.set_services':
      checkServiceList(state, cmd.services);
      return [{ type: 'counter.services_set', counter: counter.id, services: [...cmd.services] }];
  }
}

export function decideCallNext(state: LobbyState, cmd: Cmd<'counter.call_next'>, now: number): QueueEvent[] {
  const counter = getCounter(state, cmd.counter);
  assertOpen(counter);
  assertFree(state, counter, 'call another');
  const rule = cmd.maxPriorityInARow ?? null;
  if (rule !== null && !(Number.isInteger(rule) && rule >= 1)) {
    throw new DomainError('invalid', 'invalid_rule', 'Priority calls in a row are a whole number, 1 or more (or off).');
  }
  const next = fairPick(state, counter.id, dispatchOrder(state, counter.id, now), rule);
  // Nobody to call is not an error: the hub answers 204.
  if (!next) return [];
  return [{ type: 'ticket.called', ticket: next.id, counter: counter.id }];
}

export function decideCallTicket(state: LobbyState, cmd: Cmd<'counter.call_ticket'>): QueueEvent[] {
  const counter = getCounter(state, cmd.counter);
  assertOpen(counter);
  assertFree(state, counter, 'call another');
  const ticket = getTicket(state, cmd.ticket);
  assertTicketMove(ticket, 'call');
  if (!canCall(counter, ticket)) {
    const why =
      ticket.targetCounter !== null
        ? `it was transferred to counter ${ticket.targetCounter}`
        : `counter ${counter.id} does not serve ${ticket.service}`;
    throw new DomainError('conflict', 'not_serving_service', `Counter ${counter.id} cannot call ticket ${ticket.number}: ${why}.`);
  }
  return [{ type: 'ticket.called', ticket: ticket.id, counter: counter.id }];
}

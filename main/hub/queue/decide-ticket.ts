// Commands about one ticket: issuing it and moving it through its state machine.
import { PRIORITIES, type LobbyState, type Service, type Ticket } from '../../common/domain.js';
import type { QueueCommand, QueueEvent } from '../../common/events.js';
import { DomainError } from '../../common/errors.js';
import { getCounter, getService, getTicket } from './lookup.js';
import { formatNumber } from './numbering.js';
import { assertTicketMove } from './transitions.js';

type Cmd<T extends QueueCommand['type']> = Extract<QueueCommand, { type: T }>;

/** A ticket as issued: waiting, with the service's next number of the day. */
export function waitingTicket(
  state: LobbyState,
  service: Service,
  fields: Pick<Ticket, 'id' | 'priority' | 'businessDay' | 'issuedAt' | 'appointmentAt'>,
): Ticket {
  return {
    ...fields,
    number: formatNumber(service.prefix, (state.lastNumber[service.prefix] ?? 0) + 1),
    service: service.code,
    status: 'waiting',
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    counter: null,
    targetCounter: null,
    recalls: 0,
    transfers: 0,
    tags: [],
  };
}

export function decideIssue(state: LobbyState, cmd: Cmd<'ticket.issue'>, now: number): QueueEvent[] {
  const day = state.day;
  if (!day || day.status !== 'open') {
    throw new DomainError('conflict', 'day_not_open', 'The business day is not open; tickets cannot be issued.');
  }
  const service = getService(state, cmd.service);
  if (!PRIORITIES.includes(cmd.priority)) {
    throw new DomainError('invalid', 'invalid_priority', `"${String(cmd.priority)}" is not a ticket priority.`);
  }
  if (!cmd.id) throw new DomainError('invalid', 'invalid_ticket_id', 'A new ticket needs an id.');
  if (state.tickets[cmd.id]) throw new DomainError('conflict', 'duplicate_ticket', `A ticket with id ${cmd.id} already exists.`);

  // Only appointment tickets carry a time: on any other ticket it would mean nothing.
  const appointmentAt = cmd.priority === 'appointment' ? (cmd.appointmentAt ?? null) : null;
  const ticket = waitingTicket(state, service, { id: cmd.id, priority: cmd.priority, businessDay: day.date, issuedAt: now, appointmentAt });
  return [{ type: 'ticket.issued', ticket, ...(cmd.choice ? { choice: cmd.choice } : {}) }];
}

/** The counter a called or served ticket is at; the state machine guarantees there is one. */
function heldAt(ticket: Ticket): string {
  if (ticket.counter === null) throw new Error(`ticket ${ticket.id} is ${ticket.status} but has no counter`);
  return ticket.counter;
}

export function decideTicketMove(
  state: LobbyState,
  cmd: Cmd<'ticket.recall' | 'ticket.start' | 'ticket.finish' | 'ticket.no_show' | 'ticket.cancel'>,
): QueueEvent[] {
  const ticket = getTicket(state, cmd.ticket);
  switch (cmd.type) {
    case 'ticket.recall':
      assertTicketMove(ticket, 'recall');
      // Past the allowance a recall is the teller giving up: the ticket becomes a no-show.
      if (ticket.recalls >= state.config.maxRecalls) return [{ type: 'ticket.no_show', ticket: ticket.id, counter: ticket.counter }];
      return [{ type: 'ticket.recalled', ticket: ticket.id, counter: heldAt(ticket), recalls: ticket.recalls + 1 }];
    case 'ticket.start':
      assertTicketMove(ticket, 'start');
      return [{ type: 'ticket.started', ticket: ticket.id, counter: heldAt(ticket) }];
    case 'ticket.finish':
      assertTicketMove(ticket, 'finish');
      return [{ type: 'ticket.finished', ticket: ticket.id, counter: heldAt(ticket), tags: [...new Set(cmd.tags ?? [])] }];
    case 'ticket.no_show':
      assertTicketMove(ticket, 'no_show');
      return [{ type: 'ticket.no_show', ticket: ticket.id, counter: ticket.counter }];
    case 'ticket.cancel':
      assertTicketMove(ticket, 'cancel');
      return [{ type: 'ticket.cancelled', ticket: ticket.id }];
  }
}

export function decideTransfer(state: LobbyState, cmd: Cmd<'ticket.transfer'>): QueueEvent[] {
  const ticket = getTicket(state, cmd.ticket);
  assertTicketMove(ticket, 'transfer');
  if (cmd.service === undefined && cmd.counter === undefined) {
    throw new DomainError('invalid', 'invalid_transfer', 'A transfer names a service, a counter or both.');
  }
  const toService = cmd.service === undefined ? ticket.service : getService(state, cmd.service).code;
  let toCounter: string | null = null;
  if (cmd.counter !== undefined) {
    const counter = getCounter(state, cmd.counter);
    // A paused counter comes back; a closed one may not today, and the customer would be stranded.
    if (counter.status === 'closed') {
      throw new DomainError('conflict', 'counter_not_open', `Counter ${counter.id} is closed; a ticket cannot be transferred to it.`);
    }
    toCounter = counter.id;
  }
  return [
    {
      type: 'ticket.transferred',
      ticket: ticket.id,
      fromService: ticket.service,
      toService,
      toCounter,
      fromCounter: ticket.counter,
      note: cmd.note ?? null,
    },
  ];
}

/** The lobby manager's triage: e.g. an elderly or unwell customer raised to green channel. */
export function decideSetPriority(state: LobbyState, cmd: Cmd<'ticket.set_priority'>): QueueEvent[] {
  const ticket = getTicket(state, cmd.ticket);
  // An appointment needs its time, which only issuing records; triage chooses among the rest.
  if (!PRIORITIES.includes(cmd.priority) || cmd.priority === 'appointment') {
    throw new DomainError('invalid', 'invalid_priority', `A ticket's priority cannot be set to "${String(cmd.priority)}".`);
  }
  assertTicketMove(ticket, 'set_priority');
  // Setting the priority it already has changes nothing, so a double click writes one event.
  if (ticket.priority === cmd.priority) return [];
  return [{ type: 'ticket.priority_set', ticket: ticket.id, priority: cmd.priority, from: ticket.priority }];
}

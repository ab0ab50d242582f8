// The two state machines as tables: from which statuses each move is allowed. Everything not
// listed is a 409 illegal_transition whose message names the status and the move.
import type { Counter, CounterStatus, Ticket, TicketStatus } from '../../common/domain.js';
import { DomainError } from '../../common/errors.js';

export const TICKET_MOVES = {
  call: ['waiting'],
  recall: ['called', 'recalled'],
  start: ['called', 'recalled'],
  finish: ['serving'],
  no_show: ['called', 'recalled'],
  cancel: ['waiting', 'called', 'recalled'],
  transfer: ['waiting', 'called', 'recalled', 'serving'],
  // Only while waiting: the priority decides the order of calling, and a called ticket is past it.
  set_priority: ['waiting'],
} as const satisfies Record<string, readonly TicketStatus[]>;
export type TicketMove = keyof typeof TICKET_MOVES;

export const COUNTER_MOVES = {
  open: ['closed', 'paused'],
  pause: ['open'],
  resume: ['paused'],
  close: ['open', 'paused'],
} as const satisfies Record<string, readonly CounterStatus[]>;
export type CounterMove = keyof typeof COUNTER_MOVES;

const TICKET_STATUS_WORDS: Record<TicketStatus, string> = {
  waiting: 'waiting',
  called: 'called',
  recalled: 'recalled',
  serving: 'being served',
  done: 'done',
  no_show: 'a no-show',
  cancelled: 'cancelled',
  unserved_at_close: 'unserved at close',
};

const TICKET_MOVE_WORDS: Record<TicketMove, string> = {
  call: 'called',
  recall: 'recalled',
  start: 'started',
  finish: 'finished',
  no_show: 'marked as a no-show',
  cancel: 'cancelled',
  transfer: 'transferred',
  set_priority: 'given another priority',
};

const COUNTER_MOVE_WORDS: Record<CounterMove, string> = {
  open: 'opened',
  pause: 'paused',
  resume: 'resumed',
  close: 'closed',
};

export function assertTicketMove(ticket: Ticket, move: TicketMove): void {
  if ((TICKET_MOVES[move] as readonly TicketStatus[]).includes(ticket.status)) return;
  throw new DomainError(
    'conflict',
    'illegal_transition',
    `Ticket ${ticket.number} is ${TICKET_STATUS_WORDS[ticket.status]}; it cannot be ${TICKET_MOVE_WORDS[move]}.`,
  );
}

export function assertCounterMove(counter: Counter, move: CounterMove): void {
  if ((COUNTER_MOVES[move] as readonly CounterStatus[]).includes(counter.status)) return;
  throw new DomainError('conflict', 'illegal_transition', `Counter ${counter.id} is ${counter.status}; it cannot be ${COUNTER_MOVE_WORDS[move]}.`);
}

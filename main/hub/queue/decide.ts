// decide(): validate a command against the state and say what happened, as events. It never
// changes the state; the hub appends the events and applies them in one transaction.
import type { LobbyState } from '../../common/domain.js';
import type { QueueCommand, QueueEvent } from '../../common/events.js';
import { decideCallNext, decideCallTicket, decideCounter } from './decide-counter.js';
import { decideDayClose, decideDayOpen } from './decide-day.js';
import { decideConfigSet, decideCounterDefine, decideServiceDefine } from './decide-definitions.js';
import { decideIssue, decideSetPriority, decideTicketMove, decideTransfer } from './decide-ticket.js';
import { DomainError } from '../../common/errors.js';

export function decide(state: LobbyState, command: QueueCommand, now: number): QueueEvent[] {
  switch (command.type) {
    case 'ticket.issue':
      return decideIssue(state, command, now);
    case 'ticket.recall':
    case 'ticket.start':
    case 'ticket.finish':
    case 'ticket.no_show':
    case 'ticket.cancel':
      return decideTicketMove(state, command);
    case 'ticket.transfer':
      return decideTransfer(state, command);
    case 'ticket.set_priority':
      return decideSetPriority(state, command);
    case 'counter.call_next':
      return decideCallNext(state, command, now);
    case 'counter.call_ticket':
      return decideCallTicket(state, command);
    case 'counter.open':
    case 'counter.pause':
    case 'counter.resume':
    case 'counter.close':
    case 'counter.set_services':
      return decideCounter(state, command);
    case 'day.open':
      return decideDayOpen(state, command.date);
    case 'day.close':
      return decideDayClose(state, { finishAtCounters: command.finishAtCounters === true });
    case 'service.define':
      return decideServiceDefine(state, command.service);
    case 'counter.define':
      return decideCounterDefine(state, command.counter, command.services, command.label);
    case 'config.set':
      return decideConfigSet(state, command.config);
    default: {
      // Commands arrive from the network; an unknown one is the caller's mistake.
      const unknown: { type?: unknown } = command;
      throw new DomainError('invalid', 'unknown_command', `"${String(unknown.type)}" is not a command.`);
    }
  }
}

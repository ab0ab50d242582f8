// Fair calling (issue 14): a counter that has called `maxPriorityInARow` priority tickets in a
// row calls the longest-waiting normal ticket it serves next, if one waits.
//
// Decisions:
// - The run is read from the state, never kept beside it: the counter's tickets of the day in
//   the order of their call. So a rebuild from the events (or a hub restart) gives the same
//   run, and a new business day starts every counter at zero (opening a day clears tickets).
// - What counts is the ticket's priority, not its class at the call: every priority other than
//   normal and green counts (VIP, appointment, and any priority added later, e.g. elderly).
//   An aged normal ticket is a normal call and ends the run; an aged VIP still counts.
// - Green channel is outside the rule: it is always called first and neither counts nor ends
//   the run. It is a need (elderly, disabled, urgent), not a privilege the rule rations; if it
//   counted, a green-channel customer would cost the next VIP or appointment their turn, and a
//   pension morning's green calls would hold back appointments that had nothing to do with it.
// - A ticket called after a transfer is left out of the run too: its calledAt is its first call
//   (at another counter, perhaps), so it has no place in this counter's order, and a transfer
//   is addressed to the counter for a reason of its own.
// - Only tickets this counter may call are pulled; a normal ticket for a service it does not
//   serve stays where it is. With no normal ticket waiting, the priority ticket is called.
import type { LobbyState, Priority, Ticket } from '../../common/domain.js';
import { numberValue } from './numbering.js';

/** Whether a call of this priority adds to a counter's run (green and normal do not). */
export function countsTowardRun(priority: Priority): boolean {
  return priority !== 'normal' && priority !== 'green';
}

/** Priority tickets this counter has called since its last normal call today (green and transferred ones skipped). */
export function priorityRun(state: LobbyState, counterId: string): number {
  const calls = Object.values(state.tickets).filter((t) => t.counter === counterId && t.calledAt !== null && t.transfers === 0 && t.priority !== 'green');
  calls.sort((a, b) => b.calledAt! - a.calledAt! || numberValue(b.number) - numberValue(a.number));
  let run = 0;
  for (const t of calls) {
    if (!countsTowardRun(t.priority)) break;
    run++;
  }
  return run;
}

/**
 * The ticket to call from the counter's dispatch order under the rule (`maxInARow` null: off,
 * the head of the order). Pure: the same state and order give the same ticket.
 */
export function fairPick(state: LobbyState, counterId: string, order: readonly Ticket[], maxInARow: number | null): Ticket | undefined {
  const head = order[0];
  if (!head || maxInARow === null || !countsTowardRun(head.priority)) return head;
  if (priorityRun(state, counterId) < maxInARow) return head;
  let oldest: Ticket | undefined;
  for (const t of order) {
    if (t.priority !== 'normal') continue;
    if (!oldest || t.issuedAt < oldest.issuedAt || (t.issuedAt === oldest.issuedAt && numberValue(t.number) < numberValue(oldest.number))) oldest = t;
  }
  return oldest ?? head;
}

// The pad's rules, pure: which finished service the pad at a counter asks about, and whether a
// rating of a ticket may be recorded. The state is the lobby's; whether a ticket was rated and
// the time come from outside, so these are tested without SQLite or a clock.
import type { LobbyState, Ticket } from '../../common/domain.js';
import { DomainError } from '../../common/errors.js';
import { LOW_SCORE, RATING_WINDOW_MS, type RatingEvent, type RatingReason, type Score } from '../../common/rating.js';

export interface RateCommand {
  /** The ticket's number (A012), as the pad was asked about it. */
  ticket: string;
  score: Score;
  reasons?: RatingReason[];
}

/** Today's ticket with that number (numbers never repeat within a business day). */
function byNumber(state: LobbyState, number: string): Ticket | undefined {
  return Object.values(state.tickets).find((t) => t.number === number);
}

/**
 * The service the pad at `counter` asks about: the last ticket finished there, while the
 * counter has called no one since (the next customer must not be asked about the last one's
 * service) and for RATING_WINDOW_MS after the finish, unless it was rated.
 */
export function askAt(state: LobbyState, counter: string, rated: (ticketId: string) => boolean, now: number): Ticket | null {
  const c = state.counters[counter];
  if (!c || c.currentTicketId !== null) return null;
  let last: Ticket | null = null;
  for (const t of Object.values(state.tickets)) {
    if (t.status !== 'done' || t.counter !== counter || t.finishedAt === null) continue;
    if (!last || t.finishedAt > (last.finishedAt as number)) last = t;
  }
  if (!last || now - (last.finishedAt as number) > RATING_WINDOW_MS || rated(last.id)) return null;
  return last;
}

/**
 * A rating from the pad at `padCounter`: only of a ticket that finished at that counter, once,
 * and within RATING_WINDOW_MS of its finish. The teller is the one signed in at the counter
 * now, whom the pad showed the customer.
 */
export function decideRating(state: LobbyState, cmd: RateCommand, padCounter: string, rated: (ticketId: string) => boolean, now: number): RatingEvent {
  const t = byNumber(state, cmd.ticket);
  if (!t) throw new DomainError('not_found', 'unknown_ticket', `There is no ticket ${cmd.ticket} today.`);
  if (t.status !== 'done' || t.finishedAt === null) throw new DomainError('conflict', 'not_finished', `Ticket ${t.number} has not finished yet: it can be rated once its service is done.`);
  if (t.counter !== padCounter) throw new DomainError('forbidden', 'not_this_counter', `Ticket ${t.number} was served at counter ${t.counter}, not at this pad's counter ${padCounter}.`);
  if (rated(t.id)) throw new DomainError('conflict', 'already_rated', `Ticket ${t.number} has already been rated.`);
  if (now - t.finishedAt > RATING_WINDOW_MS) throw new DomainError('conflict', 'rating_closed', `Ticket ${t.number} finished more than ${RATING_WINDOW_MS / 60_000} minutes ago: it can no longer be rated.`);
  const reasons = cmd.score <= LOW_SCORE ? (cmd.reasons ?? []) : [];
  return {
    type: 'rating.recorded',
    ticket: t.id,
    number: t.number,
    businessDay: t.businessDay,
    counter: padCounter,
    staffId: state.counters[padCounter]?.staffId ?? null,
    service: t.service,
    score: cmd.score,
    reasons,
  };
}

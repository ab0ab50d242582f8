// Opening and closing the business day.
import type { LobbyState, Ticket } from '../../common/domain.js';
import type { QueueEvent } from '../../common/events.js';
import { isCalendarDate } from '../../common/dates.js';
import { DomainError } from '../../common/errors.js';

export function decideDayOpen(state: LobbyState, date: string): QueueEvent[] {
  if (typeof date !== 'string' || !isCalendarDate(date)) {
    throw new DomainError('invalid', 'invalid_date', `"${String(date)}" is not a date in the form YYYY-MM-DD.`);
  }
  const day = state.day;
  if (day?.status === 'open') {
    throw new DomainError('conflict', 'day_open', `Business day ${day.date} is still open; close it before opening another.`);
  }
  // Reopening the same date would restart numbering at 1 and repeat numbers within the day.
  if (day?.date === date) {
    throw new DomainError('conflict', 'day_closed', `Business day ${date} is closed; it cannot be opened again.`);
  }
  return [{ type: 'day.opened', date }];
}

/** A customer called to, or being served at, a counter: the day cannot close over them. */
export interface CustomerAtCounter {
  counter: string;
  ticket: string;
  number: string;
  status: 'called' | 'recalled' | 'serving';
}

const AT_COUNTER = new Set<Ticket['status']>(['called', 'recalled', 'serving']);

/** The customers at counters now, in counter order (numbers as on the counters' signs). */
export function customersAtCounters(state: LobbyState): CustomerAtCounter[] {
  return Object.values(state.tickets)
    .filter((t) => AT_COUNTER.has(t.status) && t.counter !== null)
    .map((t) => ({ counter: t.counter!, ticket: t.id, number: t.number, status: t.status as CustomerAtCounter['status'] }))
    .sort((a, b) => a.counter.localeCompare(b.counter, 'en', { numeric: true }));
}

/**
 * Closing the day. Decisions (issue 13):
 * - A customer called to or being served at a counter is never marked unserved behind their
 *   back: the close is refused (409 customers_at_counters, naming the counters) unless the
 *   manager asks to finish them (`finishAtCounters`): each is then finished (a called one is
 *   started first: they stand at the counter) in the same commit as the close.
 * - Only tickets still waiting become unserved_at_close.
 * - Every counter that is open or paused is closed with the day, so counter screens and the
 *   display show it closed; tellers open their counter again on the next day.
 */
export function decideDayClose(state: LobbyState, opts: { finishAtCounters?: boolean } = {}): QueueEvent[] {
  const day = state.day;
  if (!day || day.status !== 'open') throw new DomainError('conflict', 'day_not_open', 'No business day is open; there is nothing to close.');
  const atCounters = customersAtCounters(state);
  if (atCounters.length > 0 && !opts.finishAtCounters) {
    const list = atCounters.map((c) => `${c.number} at counter ${c.counter}`).join(', ');
    throw new DomainError(
      'conflict',
      'customers_at_counters',
      `Customers are still at counters (${list}): finish them before the day is closed.`,
      { counters: atCounters.map(({ counter, number, status }) => ({ counter, number, status })) },
    );
  }
  const finishing: QueueEvent[] = atCounters.flatMap((c): QueueEvent[] => [
    ...(c.status === 'serving' ? [] : [{ type: 'ticket.started' as const, ticket: c.ticket, counter: c.counter }]),
    { type: 'ticket.finished', ticket: c.ticket, counter: c.counter, tags: [] },
  ]);
  const closing: QueueEvent[] = Object.values(state.counters)
    .filter((c) => c.status !== 'closed')
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map((c) => ({ type: 'counter.closed', counter: c.id }));
  const unserved = Object.values(state.tickets)
    .filter((t) => t.status === 'waiting')
    .map((t) => t.id);
  return [...finishing, ...closing, { type: 'day.closed', date: day.date, unserved }];
}

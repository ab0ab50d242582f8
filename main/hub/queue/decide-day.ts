// Opening and closing the business day.
import type { LobbyState } from '../../common/domain.js';
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

export function decideDayClose(state: LobbyState): QueueEvent[] {
  const day = state.day;
  if (!day || day.status !== 'open') throw new DomainError('conflict', 'day_not_open', 'No business day is open; there is nothing to close.');
  const tickets = Object.values(state.tickets);
  const serving = tickets.filter((t) => t.status === 'serving');
  if (serving.length > 0) {
    const numbers = serving.map((t) => t.number).join(', ');
    throw new DomainError('conflict', 'tickets_in_service', `Tickets still being served (${numbers}) must be finished before the day is closed.`);
  }
  const unserved = tickets.filter((t) => t.status === 'waiting' || t.status === 'called' || t.status === 'recalled').map((t) => t.id);
  return [{ type: 'day.closed', date: day.date, unserved }];
}

// The customers' ratings: one row per ticket, a projection of `rating.recorded`, so rebuild
// recreates it and verify checks it. Its reads serve the pad's rules (rated yet?) and the
// reports (ratings-for.ts). The ticket's number, service and business day come in the event,
// so the reports need no replay of the queue.
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../common/events.js';
import type { RatingEvent, RatingReason, Score } from '../../common/rating.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Projector } from '../ledger/projector.js';

type Reader = Pick<Ledger, 'db'>;

/** A rating as the reports read it: the event's fields and when it was recorded. */
export type RatingRow = Omit<RatingEvent, 'type'> & { at: number };

export const ratingProjector: Projector = {
  name: 'ratings',
  tables: ['ratings'],
  apply(db: Database.Database, event: StoredEvent): void {
    if (event.type !== 'rating.recorded') return;
    db.prepare('INSERT INTO ratings (ticket, number, business_day, counter, staff_id, service, score, reasons, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      event.ticket,
      event.number,
      event.businessDay,
      event.counter,
      event.staffId,
      event.service,
      event.score,
      JSON.stringify(event.reasons),
      event.at,
    );
  },
};

interface Raw {
  ticket: string;
  number: string;
  business_day: string;
  counter: string;
  staff_id: string | null;
  service: string;
  score: number;
  reasons: string;
  at: number;
}

const toRow = (r: Raw): RatingRow => ({
  ticket: r.ticket,
  number: r.number,
  businessDay: r.business_day,
  counter: r.counter,
  staffId: r.staff_id,
  service: r.service,
  score: r.score as Score,
  reasons: JSON.parse(r.reasons) as RatingReason[],
  at: r.at,
});

export function isRated(ledger: Reader, ticket: string): boolean {
  return ledger.db.prepare('SELECT 1 FROM ratings WHERE ticket = ?').get(ticket) !== undefined;
}

/** The ratings of the business days `from` to `to` (YYYY-MM-DD, both included), oldest first. */
export function readRatings(ledger: Reader, from: string, to: string): RatingRow[] {
  return (ledger.db.prepare('SELECT * FROM ratings WHERE business_day >= ? AND business_day <= ? ORDER BY at, ticket').all(from, to) as Raw[]).map(toRow);
}

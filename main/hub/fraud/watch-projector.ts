// The tickets under fraud watch: one row per ticket, a projection of `ticket.fraud_watch`, so
// rebuild recreates it and verify checks it. The staff views read it to flag a ticket.
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../common/events.js';
import type { Projector } from '../ledger/projector.js';

export const fraudWatchProjector: Projector = {
  name: 'fraud_watch',
  tables: ['fraud_watch'],
  apply(db: Database.Database, event: StoredEvent): void {
    if (event.type !== 'ticket.fraud_watch') return;
    // A second watch of one ticket cannot come from watchForFraud; a replay keeps the first.
    db.prepare('INSERT OR IGNORE INTO fraud_watch (ticket, number, choice, at) VALUES (?, ?, ?, ?)').run(event.ticket, event.number, event.choice, event.at);
  },
};

// Prepared once per connection: every staff view of a ticket asks.
const lookups = new WeakMap<Database.Database, Database.Statement>();

export function isFraudWatched(db: Database.Database, ticketId: string): boolean {
  let s = lookups.get(db);
  if (!s) lookups.set(db, (s = db.prepare('SELECT 1 FROM fraud_watch WHERE ticket = ?')));
  return s.get(ticketId) !== undefined;
}

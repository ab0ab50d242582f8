// The records as the ledger's events make them: the records events replayed through the same
// reducer as the tables, into memory. Reports read this, not the tables.
import type Database from 'better-sqlite3';
import { rowToStored, type EventRow } from '../ledger/rows.js';
import { MemoryStore, type RecordTable } from '../records/document-projector.js';
import { applyRecordsEvent } from '../records/index.js';

const TYPES = [
  'checklist.started', 'checklist.answered', 'checklist.completed', 'checklist.signed',
  'fault.reported', 'fault.repair_requested', 'fault.repaired',
  'worklog.added', 'worklog.answered', 'worklog.day_completed',
  'opinion.recorded', 'opinion.replied', 'opinion.signed', 'opinion.phone_purged',
  'complaint.opened', 'complaint.escalated', 'complaint.resolved', 'complaint.signed',
  'card.created', 'card.followed_up', 'card.closed',
];

export function replayRecords(db: Database.Database): MemoryStore {
  const store = new MemoryStore();
  const rows = db.prepare(`SELECT seq, type, at, actor, data, prev_hash, hash FROM events WHERE type IN (${TYPES.map(() => '?').join(',')}) ORDER BY seq`);
  for (const row of rows.iterate(...TYPES) as Iterable<EventRow>) {
    applyRecordsEvent(store, rowToStored(row));
  }
  return store;
}

export function docs<T>(store: MemoryStore, table: RecordTable): T[] {
  return [...store.table(table).values()] as T[];
}

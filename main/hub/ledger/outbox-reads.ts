// The outbox's read: the ledger rows after the head office's cursor, as stored (the data
// text byte for byte, and both hashes), so the office checks the chain as `verify` does.
import type Database from 'better-sqlite3';
import type { EventRow } from './rows.js';

export function eventRowsAfter(db: Database.Database, afterSeq: number, limit: number): EventRow[] {
  return db.prepare('SELECT seq, type, at, actor, data, prev_hash, hash FROM events WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as EventRow[];
}

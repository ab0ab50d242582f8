// How an event is spelled in the events table, and back.
import type Database from 'better-sqlite3';
import type { ChainRow } from '../../node/chain-check.js';
import type { LedgerEvent, StoredEvent } from '../../common/events.js';

/** An events row: the shape the chain checker reads and the shipper sends (main/node/chain-check.ts). */
export type EventRow = ChainRow;

/** The event minus its type: what the `data` column holds (as canonical JSON). */
export function eventData(event: LedgerEvent): Record<string, unknown> {
  const { type: _type, ...data } = event;
  return data;
}

export function rowToStored(row: EventRow): StoredEvent {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  // seq/at/actor last: the row's columns win over anything smuggled into `data`.
  return { ...data, type: row.type, seq: row.seq, at: row.at, actor: row.actor } as StoredEvent;
}

/** Rows one by one in seq order, so a long ledger is never held in memory at once. */
export function iterateEventRows(db: Database.Database, fromSeq = 1): IterableIterator<EventRow> {
  return db.prepare('SELECT seq, type, at, actor, data, prev_hash, hash FROM events WHERE seq >= ? ORDER BY seq').iterate(fromSeq) as IterableIterator<EventRow>;
}

export function* iterateEvents(db: Database.Database, fromSeq = 1): Generator<StoredEvent> {
  for (const row of iterateEventRows(db, fromSeq)) yield rowToStored(row);
}

/** The events whose type starts with `prefix` (e.g. 'alert.'), in seq order, without reading the others. */
export function* iterateEventsOfType(db: Database.Database, prefix: string): Generator<StoredEvent> {
  const rows = db.prepare('SELECT seq, type, at, actor, data, prev_hash, hash FROM events WHERE substr(type, 1, ?) = ? ORDER BY seq').iterate(prefix.length, prefix);
  for (const row of rows as IterableIterator<EventRow>) yield rowToStored(row);
}

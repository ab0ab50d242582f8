// The records as reports read them: the kinds' document tables, which verify checks against
// the events, in the order they were first written.
import type Database from 'better-sqlite3';
import { listRecords, sqlStore, type RecordTable } from '../records/document-projector.js';

export interface RecordsView {
  /** Every record of a table, oldest first. */
  all<T>(table: RecordTable): T[];
  get<T>(table: RecordTable, key: string): T | undefined;
}

/** One view per report: a month's daily reports read each table once, not once a day. */
export function recordsOf(db: Database.Database): RecordsView {
  const store = sqlStore(db);
  const read = new Map<RecordTable, unknown[]>();
  return {
    all: <T>(table: RecordTable) => {
      if (!read.has(table)) read.set(table, listRecords<T>(db, table).reverse());
      return read.get(table) as T[];
    },
    get: <T>(table: RecordTable, key: string) => store.get<T>(table, key),
  };
}

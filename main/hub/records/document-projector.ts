// Where the record kinds' projection rows live: the SQLite tables at run time (inside the
// ledger's append transaction), or plain maps when reports and `verify` replay the events.
// The same reducer writes both, so a table row and its replay can only differ if someone
// edited one. A document table has `key` (the record's id), `date` and `status` columns
// (for lists and reports to filter on) and `doc`, the canonical JSON of the record. The
// kinds' projectors and read functions are the only callers of this file.
import type Database from 'better-sqlite3';
import { canonicalJson } from '../ledger/canonical.js';

/** A document table of one record kind (the kinds list their own). */
export type RecordTable = string;

export interface RecordStore {
  get<T>(table: RecordTable, key: string): T | undefined;
  put(table: RecordTable, key: string, doc: object): void;
}

export interface RecordRow {
  key: string;
  date: string;
  status: string;
  doc: string;
}

/** The row a record is stored as: date and status are columns so lists and reports can filter. */
export function recordRow(key: string, doc: object): RecordRow {
  const d = doc as { date?: unknown; status?: unknown };
  return { key, date: typeof d.date === 'string' ? d.date : '', status: typeof d.status === 'string' ? d.status : '', doc: canonicalJson(doc) };
}

export function sqlStore(db: Database.Database): RecordStore {
  return {
    get<T>(table: RecordTable, key: string) {
      const row = db.prepare(`SELECT doc FROM ${table} WHERE key = ?`).get(key) as { doc: string } | undefined;
      return row ? (JSON.parse(row.doc) as T) : undefined;
    },
    put(table, key, doc) {
      db.prepare(
        `INSERT INTO ${table} (key, date, status, doc) VALUES (@key, @date, @status, @doc)
         ON CONFLICT (key) DO UPDATE SET date = excluded.date, status = excluded.status, doc = excluded.doc`,
      ).run(recordRow(key, doc));
    },
  };
}

export class MemoryStore implements RecordStore {
  readonly tables = new Map<RecordTable, Map<string, object>>();
  /** The table's records by key (empty when no event wrote to it). */
  table(table: RecordTable): Map<string, object> {
    let rows = this.tables.get(table);
    if (!rows) this.tables.set(table, (rows = new Map()));
    return rows;
  }
  get<T>(table: RecordTable, key: string): T | undefined {
    return this.table(table).get(key) as T | undefined;
  }
  put(table: RecordTable, key: string, doc: object): void {
    // A copy through JSON, as a table row would read back.
    this.table(table).set(key, JSON.parse(JSON.stringify(doc)) as object);
  }
}

/** Reads a table's records (newest first by rowid), optionally for one date. */
export function listRecords<T>(db: Database.Database, table: RecordTable, where: { date?: string; status?: string; dateFrom?: string; dateTo?: string } = {}): T[] {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  for (const [column, key, op] of [
    ['date', 'date', '='],
    ['status', 'status', '='],
    ['date', 'dateFrom', '>='],
    ['date', 'dateTo', '<='],
  ] as const) {
    const value = where[key];
    if (value === undefined) continue;
    clauses.push(`${column} ${op} @${key}`);
    params[key] = value;
  }
  const sql = `SELECT doc FROM ${table}${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''} ORDER BY rowid DESC`;
  return (db.prepare(sql).all(params) as { doc: string }[]).map((r) => JSON.parse(r.doc) as T);
}

// Where the record kinds' projection rows live: SQLite tables, written inside the ledger's
// append transaction (and by `rebuild` and verify's in-memory rebuild). A document table has
// `key` (the record's id), `date` and `status` columns (for lists and reports to filter on)
// and `doc`, the canonical JSON of the record. The kinds' projectors and read functions, and
// the reports' view of the tables, are its only callers.
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../common/canonical.js';

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

// Prepared once per connection and statement: every records event reads and writes through these.
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function statement(db: Database.Database, sql: string): Database.Statement {
  let byText = prepared.get(db);
  if (!byText) prepared.set(db, (byText = new Map()));
  let s = byText.get(sql);
  if (!s) byText.set(sql, (s = db.prepare(sql)));
  return s;
}

export function sqlStore(db: Database.Database): RecordStore {
  return {
    get<T>(table: RecordTable, key: string) {
      const row = statement(db, `SELECT doc FROM ${table} WHERE key = ?`).get(key) as { doc: string } | undefined;
      return row ? (JSON.parse(row.doc) as T) : undefined;
    },
    put(table, key, doc) {
      statement(
        db,
        `INSERT INTO ${table} (key, date, status, doc) VALUES (@key, @date, @status, @doc)
         ON CONFLICT (key) DO UPDATE SET date = excluded.date, status = excluded.status, doc = excluded.doc`,
      ).run(recordRow(key, doc));
    },
  };
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

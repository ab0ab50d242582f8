// The second check of verify: every projection table against the same table rebuilt from the
// events, row by row and column by column, naming the first row that differs. Generic over
// the tables, so a table a projector owns cannot escape the comparison.
import type Database from 'better-sqlite3';
import { show, type VerifyProblem } from './verify-result.js';

interface Column {
  name: string;
  pk: number;
}

function columnsOf(db: Database.Database, table: string): Column[] {
  return db.prepare(`PRAGMA table_info(${quote(table)})`).all() as Column[];
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A row's key for the answer: its primary key's values, or its whole content when it has none. */
function keyOf(row: Record<string, unknown>, keyColumns: string[]): string {
  return keyColumns.map((c) => String(row[c])).join(' / ');
}

/** The first difference between `table` in the hub's database and in the rebuilt one, or null. */
export function compareTable(actual: Database.Database, rebuilt: Database.Database, table: string): VerifyProblem | null {
  const columns = columnsOf(rebuilt, table);
  const names = columns.map((c) => c.name);
  const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  const keyColumns = pk.length > 0 ? pk : names;
  const select = `SELECT ${names.map(quote).join(', ')} FROM ${quote(table)}`;
  const expected = new Map<string, Record<string, unknown>>();
  for (const row of rebuilt.prepare(select).iterate() as Iterable<Record<string, unknown>>) expected.set(keyOf(row, keyColumns), row);

  let rows: Iterable<Record<string, unknown>>;
  try {
    rows = actual.prepare(`${select} ORDER BY rowid`).iterate() as Iterable<Record<string, unknown>>;
  } catch (err) {
    return { ok: false, table, problem: `${table}: the table cannot be read as this release defines it (${(err as Error).message})` };
  }
  for (const row of rows) {
    const key = keyOf(row, keyColumns);
    const bad = (why: string): VerifyProblem => ({ ok: false, table, key, problem: `${table} row ${key}: ${why}` });
    const want = expected.get(key);
    if (!want) return bad('it is in the table but not in the events');
    expected.delete(key);
    for (const column of names) {
      if (!sameValue(row[column], want[column])) return bad(`${column} is ${show(row[column])} in the table but ${show(want[column])} from the events`);
    }
  }
  for (const key of expected.keys()) return { ok: false, table, key, problem: `${table} row ${key}: it is missing from the table, though the events have it` };
  return null;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return a === b;
}

/** The tables of a database, the ledger's own and SQLite's included. */
export function tablesOf(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

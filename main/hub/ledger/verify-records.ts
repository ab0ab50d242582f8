// The records' part of verify (issue 6). The records events are replayed through the same
// reducer the hub projects them with; then every signed record is checked against the
// content hash its signing event carries (the more telling problem, so it is named first),
// and every records table row against the replay.
import type Database from 'better-sqlite3';
import { MemoryStore, recordRow, type RecordTable } from '../records/document-store.js';
import { DOCUMENT_TABLES, applyRecordsEvent } from '../records/index.js';
import { SIGNED_KINDS, contentHash } from '../records/signing.js';
import { rowToStored, type EventRow } from './rows.js';
import type { VerifyProblem } from './verify-result.js';

interface Signature {
  seq: number;
  table: RecordTable;
  key: string;
  hash: string;
  actor: string | null;
}

export class RecordsReplay {
  readonly store = new MemoryStore();
  readonly signatures: Signature[] = [];

  apply(row: EventRow): void {
    const event = rowToStored(row);
    applyRecordsEvent(this.store, event);
    const signed = SIGNED_KINDS.find((k) => k.event === row.type);
    if (signed && 'contentHash' in event && 'id' in event) {
      this.signatures.push({ seq: row.seq, table: signed.table, key: event.id, hash: event.contentHash, actor: row.actor });
    }
  }
}

export function compareRecords(db: Database.Database, replay: RecordsReplay): VerifyProblem | null {
  // A database from before the records migration has no records to check.
  const has = (t: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
  for (const sig of replay.signatures) {
    if (!has(sig.table)) return { ok: false, table: sig.table, key: sig.key, problem: `${sig.table}: the table is missing, though event ${sig.seq} signed a record in it` };
    const row = db.prepare(`SELECT doc FROM ${sig.table} WHERE key = ?`).get(sig.key) as { doc: string } | undefined;
    const bad = (why: string): VerifyProblem => ({ ok: false, seq: sig.seq, table: sig.table, key: sig.key, problem: `${sig.table} row ${sig.key}: ${why}` });
    if (!row) return bad(`it was signed by ${sig.actor ?? 'the hub'} (event ${sig.seq}) but is missing from the table`);
    let doc: unknown;
    try {
      doc = JSON.parse(row.doc);
    } catch {
      return bad('it cannot be read (its JSON is malformed) — the signed record was edited');
    }
    const kind = SIGNED_KINDS.find((k) => k.table === sig.table)!;
    if (contentHash(kind.content(doc)) !== sig.hash) {
      return bad(`the signed record was edited: its content no longer matches the hash signed by ${sig.actor ?? 'the hub'} in event ${sig.seq}`);
    }
  }
  for (const table of DOCUMENT_TABLES) {
    if (!has(table)) continue;
    const expected = replay.store.table(table);
    const seen = new Set<string>();
    for (const raw of db.prepare(`SELECT key, date, status, doc FROM ${table} ORDER BY rowid`).iterate() as Iterable<{ key: string; date: string; status: string; doc: string }>) {
      seen.add(raw.key);
      const want = expected.get(raw.key);
      const bad = (why: string): VerifyProblem => ({ ok: false, table, key: raw.key, problem: `${table} row ${raw.key}: ${why}` });
      if (!want) return bad('it is in the table but not in the events');
      const wantRow = recordRow(raw.key, want);
      let got: string;
      try {
        got = recordRow(raw.key, JSON.parse(raw.doc) as object).doc;
      } catch {
        return bad('it cannot be read (its JSON is malformed) — the row was edited');
      }
      if (got !== wantRow.doc) return bad(`it differs from the events: ${firstDifference(JSON.parse(raw.doc), want)}`);
      if (raw.date !== wantRow.date) return bad(`date is '${raw.date}' in the table but '${wantRow.date}' from the events`);
      if (raw.status !== wantRow.status) return bad(`status is '${raw.status}' in the table but '${wantRow.status}' from the events`);
    }
    for (const key of expected.keys()) {
      if (!seen.has(key)) return { ok: false, table, key, problem: `${table} row ${key}: it is missing from the table, though the events have it` };
    }
  }
  return null;
}

function firstDifference(got: unknown, want: unknown, path = ''): string {
  if (typeof got === 'object' && got !== null && typeof want === 'object' && want !== null) {
    const keys = new Set([...Object.keys(got), ...Object.keys(want)]);
    for (const k of keys) {
      const a = (got as Record<string, unknown>)[k];
      const b = (want as Record<string, unknown>)[k];
      if (JSON.stringify(a) !== JSON.stringify(b)) return firstDifference(a, b, path ? `${path}.${k}` : k);
    }
  }
  return `${path || 'the record'} is ${JSON.stringify(got)} in the table but ${JSON.stringify(want)} from the events`;
}

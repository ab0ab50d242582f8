// Signed records against their signatures: each signing event carries the hash of the content
// it signed, and the record's row must still hash to it. Checked before the tables are
// compared, because "the signed checklist was edited" says more than "a row differs".
import type Database from 'better-sqlite3';
import { SIGNED_KINDS, contentHash } from '../records/signing.js';
import { rowToStored, type EventRow } from './rows.js';
import type { VerifyProblem } from './verify-result.js';

interface Signature {
  seq: number;
  table: string;
  key: string;
  hash: string;
  actor: string | null;
}

export class SignatureCollector {
  readonly signatures: Signature[] = [];

  see(row: EventRow): void {
    const signed = SIGNED_KINDS.find((k) => k.event === row.type);
    if (!signed) return;
    const event = rowToStored(row) as { id?: unknown; contentHash?: unknown };
    if (typeof event.id === 'string' && typeof event.contentHash === 'string') {
      this.signatures.push({ seq: row.seq, table: signed.table, key: event.id, hash: event.contentHash, actor: row.actor });
    }
  }

  check(db: Database.Database): VerifyProblem | null {
    const has = (t: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
    for (const sig of this.signatures) {
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
    return null;
  }
}

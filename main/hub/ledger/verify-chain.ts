// The first check of verify: the hash chain. It finds an edited row (its hash no longer
// matches its content), a deleted one (a gap in seq, or a head that points past the end)
// and a reordering (a prev_hash that is not the previous row's hash).
import type Database from 'better-sqlite3';
import { eventHash, GENESIS_HASH } from './hash.js';
import type { EventRow } from './rows.js';
import type { VerifyProblem } from './verify-result.js';

export class ChainChecker {
  private lastSeq = 0;
  private lastHash = GENESIS_HASH;

  /** Checks the next row in seq order; returns the problem, or the parsed data when sound. */
  check(row: EventRow): VerifyProblem | { data: unknown } {
    const expected = this.lastSeq + 1;
    const name = `event ${row.seq} (${row.type})`;
    if (row.seq !== expected) {
      return {
        ok: false,
        seq: expected,
        problem: `event ${expected} is missing: the events go from ${this.lastSeq} to ${row.seq} — a row was deleted`,
      };
    }
    if (row.prev_hash !== this.lastHash) {
      const previous = expected === 1 ? 'the start of the chain' : `event ${this.lastSeq}'s hash`;
      return {
        ok: false,
        seq: row.seq,
        problem: `${name}: its prev_hash does not match ${previous} — events were removed, inserted or reordered`,
      };
    }
    let data: unknown;
    try {
      data = JSON.parse(row.data);
    } catch {
      return { ok: false, seq: row.seq, problem: `${name}: its data is not valid JSON — the row was edited` };
    }
    const hash = eventHash(row.prev_hash, { seq: row.seq, type: row.type, at: row.at, actor: row.actor, data });
    if (hash !== row.hash) {
      return { ok: false, seq: row.seq, problem: `${name}: its hash does not match its content — the row was edited` };
    }
    this.lastSeq = row.seq;
    this.lastHash = row.hash;
    return { data };
  }

  get count(): number {
    return this.lastSeq;
  }

  /** After the last row: events cut off the end leave no gap, but the head row remembers. */
  checkHead(db: Database.Database): VerifyProblem | null {
    const head = db.prepare('SELECT seq, hash FROM ledger_head WHERE id = 1').get() as { seq: number; hash: string } | undefined;
    if (!head) {
      if (this.lastSeq === 0) return null;
      return { ok: false, table: 'ledger_head', problem: `the ledger head is missing, though there are ${this.lastSeq} events — it was deleted` };
    }
    if (head.seq > this.lastSeq) {
      return {
        ok: false,
        seq: this.lastSeq + 1,
        problem: `the ledger head records event ${head.seq} but the last event is ${this.lastSeq} — events were deleted from the end`,
      };
    }
    if (head.seq !== this.lastSeq || head.hash !== this.lastHash) {
      return {
        ok: false,
        table: 'ledger_head',
        problem: `the ledger head records event ${head.seq} but the last event is ${this.lastSeq} with another hash — events were added or changed outside Atrium`,
      };
    }
    return null;
  }
}

// The first check of verify: the hash chain, row by row as the head office checks it too
// (main/node/chain-check.ts), then the ledger head, which finds events cut off the end.
import type Database from 'better-sqlite3';
import { ChainChecker as RowChecker } from '../../node/chain-check.js';
import type { VerifyProblem } from './verify-result.js';

export class ChainChecker extends RowChecker {
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

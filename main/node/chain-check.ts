// Checking a hash chain row by row, in seq order: the check `atrium verify` makes of a hub's
// ledger, and the head office makes of each branch's events as they arrive. It finds an
// edited row (its hash no longer matches its content), a deleted one (a gap in seq) and a
// reordering (a prev_hash that is not the previous row's hash). It can start mid-chain, from
// a head already checked, so the office checks each batch against the last one it took.
import { eventHash, GENESIS_HASH } from './chain-hash.js';

/** An events row as the hub stores it and ships it: `data` is the stored JSON text. */
export interface ChainRow {
  seq: number;
  type: string;
  at: number;
  actor: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface ChainBreak {
  ok: false;
  /** The first seq that is not sound. */
  seq: number;
  problem: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export const CHAIN_START: ChainHead = { seq: 0, hash: GENESIS_HASH };

export class ChainChecker {
  protected lastSeq: number;
  protected lastHash: string;

  constructor(head: ChainHead = CHAIN_START) {
    this.lastSeq = head.seq;
    this.lastHash = head.hash;
  }

  /** Checks the next row in seq order; returns the problem, or the parsed data when sound. */
  check(row: ChainRow): ChainBreak | { data: unknown } {
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
    let hash: string;
    try {
      hash = eventHash(row.prev_hash, { seq: row.seq, type: row.type, at: row.at, actor: row.actor, data });
    } catch {
      return { ok: false, seq: row.seq, problem: `${name}: its data cannot be hashed — the row was edited` };
    }
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

  get head(): ChainHead {
    return { seq: this.lastSeq, hash: this.lastHash };
  }
}

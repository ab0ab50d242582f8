// Replays a ledger's events through fresh projectors into another database: `rebuild` writes
// a new data folder this way, and `verify` rebuilds every table in memory to compare.
import type Database from 'better-sqlite3';
import type { Projector } from './projector.js';
import { iterateEventRows, rowToStored } from './rows.js';

export interface ReplayFailure {
  seq: number;
  type: string;
  why: string;
}

/**
 * Runs every event of `source` through `projectors`, writing their rows into `target` (already
 * migrated), in one transaction. With `copyEvents` the events and the chain's head are copied
 * too, byte for byte, so the target is a ledger of its own. Returns the first event a
 * projector refused (nothing is then kept), or null.
 */
export function replayInto(source: Database.Database, target: Database.Database, projectors: readonly Projector[], copyEvents: boolean): ReplayFailure | null {
  const insert = copyEvents
    ? target.prepare('INSERT INTO events (seq, type, at, actor, data, prev_hash, hash) VALUES (@seq, @type, @at, @actor, @data, @prev_hash, @hash)')
    : null;
  const setHead = target.prepare('INSERT INTO ledger_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash');
  let failure: ReplayFailure | null = null;
  const run = target.transaction(() => {
    let last: { seq: number; hash: string } | null = null;
    for (const row of iterateEventRows(source)) {
      insert?.run(row);
      const event = rowToStored(row);
      try {
        for (const projector of projectors) projector.apply(target, event);
      } catch (err) {
        failure = { seq: row.seq, type: row.type, why: err instanceof Error ? err.message : String(err) };
        throw err;
      }
      last = row;
    }
    if (copyEvents && last) setHead.run(last.seq, last.hash);
  });
  try {
    run();
  } catch (err) {
    if (!failure) throw err;
  }
  return failure;
}

// `atrium verify`: is the ledger sound? First the hash chain, then the projection tables
// against a replay of the events. Reads only; the first problem found is the answer.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DB_FILE, openDatabase } from './ledger.js';
import { checkSchemaNotNewer } from './migrate.js';
import { HistoryReplay, queueEventOf } from './replay.js';
import { iterateEventRows } from './rows.js';
import { ChainChecker } from './verify-chain.js';
import { NumberChecker } from './verify-numbers.js';
import { compareProjections } from './verify-projections.js';
import { RecordsReplay, compareRecords } from './verify-records.js';
import type { VerifyProblem, VerifyResult } from './verify-result.js';

export type { VerifyResult, VerifyProblem } from './verify-result.js';

/** Verifies the ledger in a data directory, or on an open connection. */
export function verifyLedger(source: string | Database.Database): VerifyResult {
  if (typeof source !== 'string') return verifyDb(source);
  const file = path.join(source, DB_FILE);
  if (!existsSync(file)) return { ok: false, problem: `there is no ledger at ${file}` };
  // Opened without running migrations: verifying must not change the file it checks.
  const db = openDatabase(file, { fileMustExist: true });
  try {
    // Tables of a newer Atrium would be checked by rules that no longer hold: refuse, as the hub does.
    checkSchemaNotNewer(db);
    return verifyDb(db);
  } finally {
    db.close();
  }
}

function verifyDb(db: Database.Database): VerifyResult {
  const hasEvents = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
  if (!hasEvents) return { ok: false, problem: 'the database has no events table: it is not an Atrium ledger' };
  // One read transaction: a snapshot, so a hub appending meanwhile cannot cause a false alarm.
  return db.transaction(() => check(db))();
}

function check(db: Database.Database): VerifyResult {
  const chain = new ChainChecker();
  const replay = new HistoryReplay();
  const records = new RecordsReplay();
  // A replay failure is held back until the whole chain is checked: a broken chain is the
  // more basic problem and explains the failure.
  let replayProblem: VerifyProblem | null = null;
  const numbers = new NumberChecker();
  let numberProblem: VerifyProblem | null = null;
  for (const row of iterateEventRows(db)) {
    const result = chain.check(row);
    if ('ok' in result) return result;
    records.apply(row);
    numberProblem ??= numbers.check(row);
    if (replayProblem) continue;
    const event = queueEventOf(row);
    if (!event) continue;
    try {
      replay.apply(event, row.at);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      replayProblem = { ok: false, seq: row.seq, problem: `event ${row.seq} (${row.type}): the queue engine cannot apply it on replay: ${why}` };
    }
  }
  const headProblem = chain.checkHead(db);
  if (headProblem) return headProblem;
  if (numberProblem) return numberProblem;
  if (replayProblem) return replayProblem;
  replay.finish();
  return compareProjections(db, replay) ?? compareRecords(db, records) ?? { ok: true, events: chain.count };
}

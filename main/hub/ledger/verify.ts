// `atrium verify`: is the ledger sound? First the hash chain (and the numbers it issued), then
// the signed records against their signatures, then every table against a rebuild of it from
// the events, in memory. Reads only; the first problem found is the answer.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DB_FILE, openDatabase } from './ledger.js';
import Database from 'better-sqlite3';
import { createProjectors, isKnownTable, checkCopiedTables } from '../projectors.js';
import { KEY_STORE_FILE, readKeysFrom } from '../personal/key-store.js';
import { bindVault, openerOf, openerWithKeys, type Opener } from '../personal/vault.js';
import { checkSchemaNotNewer, migrate } from './migrate.js';
import { replayInto } from './replay-into.js';
import { iterateEventRows } from './rows.js';
import { ChainChecker } from './verify-chain.js';
import { NumberChecker } from './verify-numbers.js';
import { SignatureCollector } from './verify-signatures.js';
import { compareTable, tablesOf } from './verify-tables.js';
import type { VerifyProblem, VerifyResult } from './verify-result.js';

export type { VerifyResult, VerifyProblem } from './verify-result.js';

export interface VerifyOptions {
  /** Tables the file holds besides the ledger's (a backup's own), left out of the check. */
  besides?: readonly string[];
  /**
   * Opens the sealed values rows are derived from: the key store that belongs to this ledger.
   * A data folder's is read beside it; a backup brings its own; on an open connection, the
   * hub's vault.
   */
  opener?: Opener;
}

/** Verifies the ledger in a data directory, or on an open connection. */

export function verifyLedger(source: string | Database.Database, options: VerifyOptions = {}): VerifyResult {
  if (typeof source !== 'string') return verifyDb(source, options);
  const file = path.join(source, DB_FILE);
  if (!existsSync(file)) return { ok: false, problem: `there is no ledger at ${file}` };
  // Opened without running migrations: verifying must not change the file it checks.
  const db = openDatabase(file, { fileMustExist: true });
  // Read, never made: verifying a folder without a key store must not create one.
  const keys = options.opener ? null : readKeysFrom(path.join(source, KEY_STORE_FILE));
  try {
    // Tables of a newer Atrium would be checked by rules that no longer hold: refuse, as the hub does.
    checkSchemaNotNewer(db);
    return verifyDb(db, { ...options, opener: options.opener ?? openerWithKeys((id) => keys?.keyById(id) ?? null) });
  } finally {
    keys?.close();
    db.close();
  }
}

function verifyDb(db: Database.Database, options: VerifyOptions): VerifyResult {
  const hasEvents = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
  if (!hasEvents) return { ok: false, problem: 'the database has no events table: it is not an Atrium ledger' };
  // One read transaction: a snapshot, so a hub appending meanwhile cannot cause a false alarm.
  return db.transaction(() => check(db, options))();
}

function check(db: Database.Database, options: VerifyOptions): VerifyResult {
  const chain = new ChainChecker();
  const signatures = new SignatureCollector();
  const numbers = new NumberChecker();
  let numberProblem: VerifyProblem | null = null;
  for (const row of iterateEventRows(db)) {
    const result = chain.check(row);
    if ('ok' in result) return result;
    signatures.see(row);
    numberProblem ??= numbers.check(row);
  }
  const headProblem = chain.checkHead(db);
  if (headProblem) return headProblem;
  if (numberProblem) return numberProblem;
  return signatures.check(db) ?? compareWithRebuild(db, options) ?? { ok: true, events: chain.count };
}

/** Every table rebuilt in memory from the events, then compared with the file's, row by row. */
function compareWithRebuild(db: Database.Database, options: VerifyOptions): VerifyProblem | null {
  const unknown = tablesOf(db).find((t) => !isKnownTable(t) && !options.besides?.includes(t));
  if (unknown) return { ok: false, table: unknown, problem: `${unknown}: no projector derives this table from the events, so nothing can vouch for its rows` };
  const rebuilt = new Database(':memory:');
  try {
    migrate(rebuilt);
    // Sealed lookup keys are opened with the ledger's own keys, as the hub opened them.
    const opener = options.opener ?? openerOf(db);
    bindVault(rebuilt, () => opener);
    const projectors = createProjectors();
    const failure = replayInto(db, rebuilt, projectors, false);
    if (failure) return { ok: false, seq: failure.seq, problem: `event ${failure.seq} (${failure.type}): it cannot be applied on replay: ${failure.why}` };
    for (const table of projectors.flatMap((p) => p.tables)) {
      const problem = compareTable(db, rebuilt, table);
      if (problem) return problem;
    }
    return checkCopiedTables(db);
  } finally {
    rebuilt.close();
  }
}

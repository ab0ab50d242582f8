// One order wherever keys are shredded (an erasure, the opinion phones' purge, a replaced
// VIP register): the subjects are marked "to shred" under a token, the event naming that
// token is committed with its row changes, and only then are the keys shredded. The ledger
// and the key store are two files; whatever happens between the steps, the start settles it:
// a token whose event is in the ledger has its keys shredded, one whose event never got
// written has its marks dropped (nothing was erased, and nothing says so).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { someEventMentions } from '../ledger/event-reads.js';
import { KEY_STORE_FILE } from './key-store.js';
import { dataDirOf, vaultOf } from './vault.js';

/**
 * Runs `commit` (which must write an event carrying the token) and shreds the subjects after
 * it. A shred that fails is left marked for the next start; the commit stands either way.
 */
export function commitThenShred<T>(db: Database.Database, subjects: string[], commit: (token: string) => T): T {
  const keys = vaultOf(db).keys;
  const token = randomUUID();
  if (subjects.length > 0) keys.markToShred(subjects, token);
  let done: T;
  try {
    done = commit(token);
  } catch (e) {
    keys.unmark(token);
    throw e;
  }
  try {
    keys.shredMarked(token);
  } catch {
    // Left marked: settleShreds finishes it on the next start.
  }
  return done;
}

/** On start: finishes the shreds whose event was committed, drops those whose event was not. */
export function settleShreds(db: Database.Database): number {
  if (!existsSync(path.join(dataDirOf(db), KEY_STORE_FILE))) return 0;
  const keys = vaultOf(db).keys;
  let shredded = 0;
  for (const token of keys.pendingTokens()) {
    if (someEventMentions(db, token)) shredded += keys.shredMarked(token);
    else keys.unmark(token);
  }
  return shredded;
}

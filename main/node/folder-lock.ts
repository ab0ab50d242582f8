// One running service per data folder: a hub's (DATA/hub.lock) and a head office's
// (DATA/office.lock). Two hubs on one ledger both append to its chain and hand out every number
// twice; two offices on one PGlite folder both write PostgreSQL's files and corrupt them.
//
// The lock is a small SQLite file of its own held in EXCLUSIVE locking mode inside an open
// write transaction. SQLite locks with POSIX fcntl locks, which the kernel drops when the
// process ends in any way, SIGKILL and power loss included: no stale pid file to clean up.
// SQLite also tracks its locks per file within one process, so a second holder in the same
// process (a test, the Electron host) is refused as well.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The folder is held by another running service; the message is the sentence to print. */
export class FolderHeld extends Error {}

export interface FolderLock {
  close(): void;
}

/** Takes `dir` for this process through `dir/lockFile`, or throws FolderHeld with `heldMessage`. */
export function holdFolder(dir: string, lockFile: string, heldMessage: string): FolderLock {
  mkdirSync(dir, { recursive: true });
  // timeout 0: a held lock is an answer, not something to wait for.
  const db = new Database(path.join(dir, lockFile), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // Takes the exclusive lock now; nothing is ever written, so no journal file appears.
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new FolderHeld(heldMessage);
    throw err;
  }
  let released = false;
  return {
    close() {
      if (released) return;
      released = true;
      db.close();
    },
  };
}

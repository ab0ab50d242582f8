// One hub per data folder. Two hubs on one ledger both append to its chain, each with its own
// idea of the lobby, and hand out every number twice.
//
// The lock is a small SQLite file of its own (DATA/hub.lock) held in EXCLUSIVE locking mode
// inside an open write transaction. SQLite locks with POSIX fcntl locks, which the kernel drops
// when the process ends in any way, SIGKILL and power loss included: no stale pid file to
// clean up. SQLite also tracks its locks per file within one process, so a second hub in
// the same process (a test, the Electron host) is refused as well. The ledger itself is not
// opened in EXCLUSIVE mode: `atrium verify` and `atrium backup` must read it while the hub runs.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StorageFault } from './faults.js';

export const LOCK_FILE = 'hub.lock';

export interface DataFolderLock {
  close(): void;
}

/** Takes the data folder for this process, or throws a StorageFault naming the folder. */
export function holdDataFolder(dataDir: string): DataFolderLock {
  mkdirSync(dataDir, { recursive: true });
  // timeout 0: a held lock is an answer, not something to wait for.
  const db = new Database(path.join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // Takes the exclusive lock now; nothing is ever written, so no journal file appears.
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new StorageFault(`Another Atrium hub is already running on the data folder ${dataDir}; stop it first, or give this one its own folder with --data.`);
    }
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

/** True when a running hub holds the folder (for commands that must not run beside one). */
export function isHeldByHub(dataDir: string): boolean {
  try {
    holdDataFolder(dataDir).close();
    return false;
  } catch (err) {
    if (err instanceof StorageFault) return true;
    throw err;
  }
}

// One hub per data folder: two hubs on one ledger both append to its chain, each with its own
// idea of the lobby, and hand out every number twice. The lock itself (DATA/hub.lock, an
// fcntl lock the kernel drops when the process ends) is main/node/folder-lock.ts, which the
// head office uses for its own folder too. The ledger itself is not opened in EXCLUSIVE mode:
// `atrium verify` and `atrium backup` must read it while the hub runs.
import { FolderHeld, holdFolder, type FolderLock } from '../../node/folder-lock.js';
import { StorageFault } from './faults.js';

export const LOCK_FILE = 'hub.lock';

export type DataFolderLock = FolderLock;

/** Takes the data folder for this process, or throws a StorageFault naming the folder. */
export function holdDataFolder(dataDir: string): DataFolderLock {
  try {
    return holdFolder(dataDir, LOCK_FILE, `Another Atrium hub is already running on the data folder ${dataDir}; stop it first, or give this one its own folder with --data.`);
  } catch (err) {
    if (err instanceof FolderHeld) throw new StorageFault(err.message);
    throw err;
  }
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

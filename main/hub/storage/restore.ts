// `atrium restore --from FILE --data DIR`: writes a backup back as a data folder. It refuses a
// copy whose ledger does not verify, a folder that is not empty, and a folder a running hub
// holds; it holds the folder itself while it writes, so no hub starts on half a restore.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE, verifyLedger } from '../ledger/index.js';
import { checkSchemaNotNewer, SchemaTooNewError } from '../ledger/migrate.js';
import { FILES_TABLE, isBackup, META_TABLE, readFiles, readMeta, type BackedUpFile } from './backup-format.js';
import { holdDataFolder, isHeldByHub, LOCK_FILE } from './data-lock.js';
import { StorageFault } from './faults.js';

export interface RestoreResult {
  events: number;
  files: number;
}

/** Reads the backup and checks its ledger; nothing is written. */
function readBackup(from: string): { files: BackedUpFile[]; meta: Record<string, string>; events: number } {
  if (!existsSync(from)) throw new StorageFault(`There is no backup at ${from}.`);
  let db: Database.Database;
  try {
    db = new Database(from, { readonly: true, fileMustExist: true });
  } catch {
    throw new StorageFault(`${from} cannot be opened as an Atrium backup; nothing was restored.`);
  }
  try {
    if (!isBackup(db)) throw new StorageFault(`${from} is not an Atrium backup (made by \`atrium backup\`); nothing was restored.`);
    checkSchemaNotNewer(db);
    const verdict = verifyLedger(db);
    if (!verdict.ok) throw new StorageFault(`The backup ${from} does not verify (${verdict.problem}); nothing was restored.`);
    return { files: readFiles(db), meta: readMeta(db), events: verdict.events };
  } catch (err) {
    if (err instanceof StorageFault || err instanceof SchemaTooNewError) throw err;
    // Garbage bytes or a cut-short file: SQLite finds out on the first read.
    throw new StorageFault(`${from} is damaged and cannot be read as an Atrium backup; nothing was restored.`);
  } finally {
    db.close();
  }
}

function checkTarget(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  const entries = readdirSync(dataDir);
  if (entries.includes(LOCK_FILE) && isHeldByHub(dataDir)) {
    throw new StorageFault(`A hub is running on ${dataDir}: stop it, and restore into a new or empty folder.`);
  }
  if (entries.some((e) => e !== LOCK_FILE)) throw new StorageFault(`${dataDir} is not empty: restore into a new or empty folder, so nothing there is overwritten.`);
}

/** The file's place in the data folder; a path that would leave it is refused. */
function target(dataDir: string, relative: string): string {
  const full = path.resolve(dataDir, ...relative.split('/'));
  const inside = path.relative(dataDir, full);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) throw new StorageFault(`The backup holds a file outside the data folder (${relative}); nothing was restored.`);
  return full;
}

export function restoreDataFolder(from: string, dataDirIn: string): RestoreResult {
  const dataDir = path.resolve(dataDirIn);
  const backup = readBackup(path.resolve(from));
  checkTarget(dataDir);
  // Every path is checked before anything is written.
  const placed = backup.files.map((file) => ({ file, dest: target(dataDir, file.path) }));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = holdDataFolder(dataDir);
  try {
    for (const { file, dest } of placed) {
      mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
      // Permission bits only: a backup must not be able to make a set-uid file.
      const mode = file.mode & 0o777;
      writeFileSync(dest, file.bytes, { mode });
      // The umask may have cut the mode down: set exactly what was backed up (0600 stays 0600).
      chmodSync(dest, mode);
    }
    // The ledger goes in last, under a temporary name: a folder with atrium.db is a whole one.
    const restoring = path.join(dataDir, `${DB_FILE}.restoring`);
    copyFileSync(path.resolve(from), restoring);
    const db = new Database(restoring);
    try {
      // The keys must not stay in the database they protect: drop them, and zero their pages.
      db.pragma('secure_delete = ON');
      db.exec(`DROP TABLE ${FILES_TABLE}; DROP TABLE ${META_TABLE};`);
      db.exec('VACUUM');
    } finally {
      db.close();
    }
    const mode = Number(backup.meta.ledgerMode);
    chmodSync(restoring, Number.isInteger(mode) && mode > 0 ? mode & 0o777 : 0o600);
    renameSync(restoring, path.join(dataDir, DB_FILE));
    rmSync(`${restoring}-journal`, { force: true });
    return { events: backup.events, files: backup.files.length };
  } finally {
    lock.close();
  }
}

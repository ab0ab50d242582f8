// `atrium restore --from FILE --data DIR`: writes a backup back as a data folder. It refuses a
// copy whose ledger does not verify, a folder that is not empty, and a folder a running hub
// holds. Everything is written into a folder of its own beside DIR, `DIR.restoring-<pid>`
// (0700, held like a hub's folder so no hub starts on it), verified there, and only then
// renamed to DIR in one step: a crash midway leaves DIR as it was (absent or empty) and the
// unfinished folder, which the next restore removes. Every file comes back readable by this
// user only, whatever modes the backup recorded.
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE, verifyLedger } from '../ledger/index.js';
import { checkSchemaNotNewer, SchemaTooNewError } from '../ledger/migrate.js';
import { FILES_TABLE, isBackup, META_TABLE, readFiles, readMeta, withBackupKeys, type BackedUpFile } from './backup-format.js';
import { holdDataFolder, isHeldByHub, LOCK_FILE } from './data-lock.js';
import { StorageFault } from './faults.js';
import { pausePoint } from './test-pause.js';

export interface RestoreResult {
  events: number;
  files: number;
  /** Unfinished restores into the same folder (a crash, a kill) found beside it and removed. */
  removed: string[];
}

/** Whatever mode a backup says, no bit for the group or others, and none beyond permissions. */
const OWNER_ONLY = 0o700;

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
    const verdict = withBackupKeys(db, (opener) => verifyLedger(db, { besides: [META_TABLE, FILES_TABLE], opener }));
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

const RESTORING = '.restoring-';

/** Folders left by restores into `dataDir` that died midway; one still running holds its own and is left alone. */
function removeUnfinished(dataDir: string): string[] {
  const parent = path.dirname(dataDir);
  if (!existsSync(parent)) return [];
  const prefix = `${path.basename(dataDir)}${RESTORING}`;
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) continue;
    const folder = path.join(parent, name);
    if (isHeldByHub(folder)) continue;
    rmSync(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

function fsyncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes the backup's files and ledger into `folder`, then checks the ledger written there. */
function writeFolder(from: string, folder: string, placed: { file: BackedUpFile; dest: string }[], backup: { meta: Record<string, string> }): number {
  for (const { file, dest } of placed) {
    mkdirSync(path.dirname(dest), { recursive: true, mode: OWNER_ONLY });
    // No set-uid bit from a backup, and no group or other bits: a key backed up 0644 comes back 0600.
    writeFileSync(dest, file.bytes, { mode: file.mode & OWNER_ONLY, flag: 'wx' });
    // The umask may have cut it further: set exactly that (0600 stays 0600, 0644 becomes 0600).
    chmodOwnerOnly(dest, file.mode);
    fsyncPath(dest);
  }
  pausePoint('restore:files-written');
  const ledger = path.join(folder, DB_FILE);
  copyFileSync(from, ledger);
  const mode = Number(backup.meta.ledgerMode);
  const db = new Database(ledger);
  try {
    // The keys must not stay in the database they protect: drop them, and zero their pages.
    db.pragma('secure_delete = ON');
    db.exec(`DROP TABLE ${FILES_TABLE}; DROP TABLE ${META_TABLE};`);
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  chmodOwnerOnly(ledger, Number.isInteger(mode) && mode > 0 ? mode : 0o600);
  rmSync(`${ledger}-journal`, { force: true });
  fsyncPath(ledger);
  const verdict = verifyLedger(folder);
  if (!verdict.ok) throw new StorageFault(`The ledger restored from ${from} does not verify (${verdict.problem}); nothing was restored.`);
  for (const dir of new Set(placed.map((p) => path.dirname(p.dest)).concat(folder))) fsyncPath(dir);
  return verdict.events;
}

function chmodOwnerOnly(file: string, mode: number): void {
  chmodSync(file, mode & OWNER_ONLY);
}

export function restoreDataFolder(from: string, dataDirIn: string): RestoreResult {
  const dataDir = path.resolve(dataDirIn);
  const backup = readBackup(path.resolve(from));
  checkTarget(dataDir);
  const removed = removeUnfinished(dataDir);
  const folder = `${dataDir}${RESTORING}${process.pid}`;
  // Every path is checked before anything is written.
  const placed = backup.files.map((file) => ({ file, dest: target(folder, file.path) }));
  mkdirSync(path.dirname(dataDir), { recursive: true });
  mkdirSync(folder, { mode: OWNER_ONLY });
  chmodSync(folder, OWNER_ONLY);
  // Held while written, and still held once renamed: no hub starts on either name meanwhile.
  const lock = holdDataFolder(folder);
  let placedInto = false;
  try {
    const events = writeFolder(path.resolve(from), folder, placed, backup);
    pausePoint('restore:verified');
    moveIntoPlace(folder, dataDir);
    placedInto = true;
    fsyncPath(path.dirname(dataDir));
    return { events, files: backup.files.length, removed };
  } finally {
    lock.close();
    if (!placedInto) rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * One rename: the kernel replaces an empty DIR and refuses a non-empty one, so a file put
 * into DIR since it was checked is never overwritten. A lock file left by a stopped hub
 * (an empty folder a hub once opened) goes first.
 */
function moveIntoPlace(folder: string, dataDir: string): void {
  if (existsSync(dataDir)) {
    checkTarget(dataDir);
    try {
      unlinkSync(path.join(dataDir, LOCK_FILE));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  try {
    renameSync(folder, dataDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new StorageFault(`${dataDir} is not empty: restore into a new or empty folder, so nothing there is overwritten.`);
    throw err;
  }
}

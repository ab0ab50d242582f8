// Every file of a data folder besides the ledger and the lock, read for a backup. No list of
// names: whatever the hub keeps there (TLS key and certificate, the customer-key secret, a
// key store) is carried, so a new kind of file cannot be forgotten. A file that is itself a
// SQLite database is read through SQLite's online backup, as the ledger is, so a writer
// mid-copy cannot tear it; its -wal, -shm and -journal are then not copied on their own.
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { NOT_PLAIN_FILES, type BackedUpFile } from './backup-format.js';
import { createPrivateFile } from './private-files.js';
import { pausePoint } from './test-pause.js';

const SQLITE_MAGIC = 'SQLite format 3\0';
const SIDE_FILES = ['-wal', '-shm', '-journal'];

function isSqliteFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

function walk(root: string, dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(root, full, out);
    // Symbolic links, sockets and the like are not data: a link could point anywhere.
    else if (entry.isFile()) out.push(path.relative(root, full));
  }
}

async function sqliteSnapshot(file: string, scratch: string): Promise<Buffer> {
  try {
    // A key store's copy: 0600 before its first byte, like the backup file itself.
    rmSync(scratch, { force: true });
    createPrivateFile(scratch);
    const src = new Database(file, { readonly: true, fileMustExist: true });
    try {
      // One step copies every page under one read transaction: a consistent snapshot.
      await src.backup(scratch, { progress: () => 0x7fffffff });
    } finally {
      src.close();
    }
    const copy = new Database(scratch);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    pausePoint('backup:scratch-written');
    return readFileSync(scratch);
  } finally {
    rmSync(scratch, { force: true });
    rmSync(`${scratch}-journal`, { force: true });
  }
}

/** The folder's other files, SQLite ones as consistent snapshots; `scratch` is a free path for those. */
export async function readDataFiles(dataDir: string, scratch: string): Promise<BackedUpFile[]> {
  const names: string[] = [];
  walk(dataDir, dataDir, names);
  const plain = names.filter((n) => !(path.dirname(n) === '.' && NOT_PLAIN_FILES.has(n)));
  const sqlite = new Set(plain.filter((n) => isSqliteFile(path.join(dataDir, n))));
  const files: BackedUpFile[] = [];
  for (const name of plain) {
    if (SIDE_FILES.some((side) => name.endsWith(side) && sqlite.has(name.slice(0, -side.length)))) continue;
    const full = path.join(dataDir, name);
    const mode = lstatSync(full).mode & 0o777;
    const bytes = sqlite.has(name) ? await sqliteSnapshot(full, scratch) : readFileSync(full);
    files.push({ path: name.split(path.sep).join('/'), mode, bytes });
  }
  return files;
}

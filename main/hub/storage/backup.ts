// `atrium backup --data DIR --to FILE`: a consistent copy of a data folder, taken while the
// hub runs. The ledger is read from its own read-only connection with SQLite's online backup
// (WAL lets it read beside the hub's writes); the folder's other files are read after it, so
// the keys in a backup are never older than the data they open.
import { existsSync, lstatSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE, verifyLedger } from '../ledger/index.js';
import { createBackupTables, FILES_TABLE, FORMAT, META_TABLE, withBackupKeys } from './backup-format.js';
import { readDataFiles } from './data-files.js';
import { StorageFault } from './faults.js';
import { createPrivateFile } from './private-files.js';
import { pausePoint } from './test-pause.js';

export interface BackupResult {
  file: string;
  events: number;
  files: number;
  /** Set when the ledger copied does not verify: the backup is kept, but restore will refuse it. */
  problem: string | null;
}

export async function backupDataFolder(dataDir: string, toFile: string): Promise<BackupResult> {
  const dbFile = path.join(dataDir, DB_FILE);
  if (!existsSync(dbFile)) throw new StorageFault(`There is no Atrium ledger in ${dataDir} (no ${DB_FILE}): nothing to back up.`);
  const to = path.resolve(toFile);
  if (existsSync(to)) throw new StorageFault(`${to} already exists: name a new file for the backup (for example one with the date in its name).`);
  if (!existsSync(path.dirname(to))) throw new StorageFault(`The folder ${path.dirname(to)} does not exist: create it first.`);
  const relative = path.relative(path.resolve(dataDir), to);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    throw new StorageFault(`The backup must not go inside the data folder ${dataDir}: keep it on another disk or machine.`);
  }
  const partial = `${to}.partial-${process.pid}`;
  try {
    // 0600 before SQLite writes a byte into it (SQLite keeps an existing file's mode, and gives
    // its journal the same): the keys copied in below are never readable by others, not even
    // for the moment between writing them and renaming the file.
    rmSync(partial, { force: true });
    createPrivateFile(partial);
    const src = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      // One step copies every page under one read transaction: the copy is one moment of the
      // ledger even while the hub appends (a copy in small steps would restart on each write).
      await src.backup(partial, { progress: () => 0x7fffffff });
    } finally {
      src.close();
    }
    const files = await readDataFiles(dataDir, `${partial}.scratch`);
    const out = new Database(partial);
    try {
      // One file, no -wal beside it.
      out.pragma('journal_mode = DELETE');
      createBackupTables(out);
      const meta = out.prepare(`INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?)`);
      const file = out.prepare(`INSERT INTO ${FILES_TABLE} (path, mode, bytes) VALUES (?, ?, ?)`);
      out.transaction(() => {
        meta.run('format', FORMAT);
        meta.run('madeAt', new Date().toISOString());
        meta.run('source', path.resolve(dataDir));
        meta.run('ledgerMode', String(lstatSync(dbFile).mode & 0o777));
        for (const f of files) file.run(f.path, f.mode, f.bytes);
      })();
      pausePoint('backup:files-copied');
      const verdict = withBackupKeys(out, (opener) => verifyLedger(out, { besides: [META_TABLE, FILES_TABLE], opener }));
      out.close();
      renameSync(partial, to);
      return verdict.ok
        ? { file: to, events: verdict.events, files: files.length, problem: null }
        : { file: to, events: 0, files: files.length, problem: verdict.problem };
    } finally {
      if (out.open) out.close();
    }
  } finally {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
  }
}

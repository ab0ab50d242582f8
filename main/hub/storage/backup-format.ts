// The backup file: one SQLite database, the ledger's own pages copied by SQLite's online
// backup, plus two tables of ours: what the backup is, and every other file of the data
// folder (keys, certificates, secrets) with its bytes and mode. One file the user names,
// readable with any SQLite tool, and restore can check the ledger in it with `verify` before
// anything is written. The two tables are dropped from the restored ledger: the keys must
// not sit in the same database as the data they protect.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DB_FILE } from '../ledger/index.js';
import { KEY_STORE_FILE, readKeysFrom } from '../personal/key-store.js';
import { openerWithKeys, type Opener } from '../personal/vault.js';
import { LOCK_FILE } from './data-lock.js';

export const META_TABLE = 'atrium_backup';
export const FILES_TABLE = 'atrium_backup_files';
export const FORMAT = '1';

/** Names in the data folder that are the ledger or the lock, never copied as plain files. */
export const NOT_PLAIN_FILES = new Set([DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, `${DB_FILE}-journal`, LOCK_FILE, `${LOCK_FILE}-journal`]);

export interface BackedUpFile {
  /** Relative to the data folder, with '/' between folders. */
  path: string;
  mode: number;
  bytes: Buffer;
}

export function createBackupTables(db: Database.Database): void {
  db.exec(`CREATE TABLE ${META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE ${FILES_TABLE} (path TEXT PRIMARY KEY, mode INTEGER NOT NULL, bytes BLOB NOT NULL);`);
}

export function isBackup(db: Database.Database): boolean {
  const has = (t: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
  return has(META_TABLE) && has(FILES_TABLE);
}

export function readMeta(db: Database.Database): Record<string, string> {
  const rows = db.prepare(`SELECT key, value FROM ${META_TABLE}`).all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export function readFiles(db: Database.Database): BackedUpFile[] {
  return db.prepare(`SELECT path, mode, bytes FROM ${FILES_TABLE} ORDER BY path`).all() as BackedUpFile[];
}

/**
 * Runs `fn` with an opener over the key store the backup carries, so verifying the backup's
 * ledger opens its sealed values as the hub did. The store is read from a private scratch
 * copy, removed after; a backup without one opens nothing.
 */
export function withBackupKeys<T>(db: Database.Database, fn: (opener: Opener) => T): T {
  const store = (db.prepare(`SELECT bytes FROM ${FILES_TABLE} WHERE path = ?`).get(KEY_STORE_FILE) as { bytes: Buffer } | undefined)?.bytes;
  if (!store) return fn(openerWithKeys(() => null));
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'atrium-backup-keys-'));
  try {
    const file = path.join(scratch, KEY_STORE_FILE);
    writeFileSync(file, store, { mode: 0o600 });
    const keys = readKeysFrom(file)!;
    try {
      return fn(openerWithKeys((id) => keys.keyById(id)));
    } finally {
      keys.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

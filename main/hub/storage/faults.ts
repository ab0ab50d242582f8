// What went wrong with the disk, in one sentence a branch's IT person can act on. The hub and
// the command line print this instead of SQLite's stack trace; the HTTP layer asks
// isStorageFull to answer 503 storage_full rather than 500.
import path from 'node:path';
import { SchemaTooNewError } from '../ledger/migrate.js';

/** The answer to a write refused for lack of room (503 storage_full). */
export const STORAGE_FULL_MESSAGE = "The hub's disk is full: nothing was saved. Screens still show the lobby; free space on the hub's disk, then try again.";

/** A storage problem already put in words (a held lock, a folder that is not empty…). */
export class StorageFault extends Error {}

/**
 * SQLite's codes for a write that found no room. SQLite itself turns ENOSPC on write into
 * SQLITE_FULL; the other calls that can meet a full disk (fsync, growing the WAL index,
 * truncating the WAL after a checkpoint) report their IOERR code instead.
 */
const FULL_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC', 'SQLITE_IOERR_DIR_FSYNC', 'SQLITE_IOERR_SHMSIZE', 'SQLITE_IOERR_TRUNCATE']);

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** True when a write failed because the disk (or the database's page limit) is full. */
export function isStorageFull(err: unknown): boolean {
  const code = codeOf(err);
  // 'storage_full': our own answer, for a write refused because earlier ones still wait for room.
  return FULL_CODES.has(code) || code === 'ENOSPC' || code === 'storage_full';
}

/**
 * The plain sentence for a storage error met while opening or using the data folder `dataDir`,
 * or null when the error is something else (a bug, which keeps its stack trace).
 */
export function describeStorageFault(err: unknown, dataDir: string | undefined): string | null {
  if (err instanceof StorageFault) return err.message;
  const folder = dataDir ?? 'the data folder';
  const file = dataDir ? path.join(dataDir, 'atrium.db') : 'the database';
  if (err instanceof SchemaTooNewError) {
    return `The database ${file} was written by a newer version of Atrium (schema ${err.databaseVersion}; this program knows up to ${err.programVersion}): update Atrium, or restore a backup made with this version.`;
  }
  const code = codeOf(err);
  if (isStorageFull(err)) return `The disk holding ${folder} is full: free some space, then start again.`;
  if (['EACCES', 'EPERM', 'EROFS'].includes(code) || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') {
    return `Atrium cannot write to the data folder ${folder}: it is read-only or belongs to another user; give this user write access to it (and its files), or choose another folder with --data.`;
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return `The database ${file} is damaged (not a readable Atrium ledger, or cut short); keep it for inspection and restore the last backup with \`atrium restore\`.`;
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return `The disk holding ${folder} failed to read or write (${code}): check the disk, then restore the last backup if the problem stays.`;
  }
  return null;
}

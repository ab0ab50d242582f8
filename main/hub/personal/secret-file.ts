// The customer-key secret (the HMAC key of card and phone numbers) lives in its own file
// beside the ledger, DATA/customer-key.secret, mode 0600, and never in atrium.db: with the
// secret next to the keyed hashes, an 11-digit phone space is brute-forced in seconds.
// Decision: not Electron's safeStorage: the hub is a plain Node process that also runs
// headless on a server box, where a file readable only by the service account is the norm.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { requirePrivateFile } from '../storage/private-files.js';
import { moveSecretOutOfDatabase } from '../storage/earlier-releases/secret-out-of-database.js';

export const SECRET_FILE = 'customer-key.secret';
const SECRET = /^[0-9a-f]{64}$/;

export const secretPath = (dataDir: string): string => path.join(dataDir, SECRET_FILE);

function writeTemp(dataDir: string, secret: string): string {
  const tmp = path.join(dataDir, `.${SECRET_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${secret}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function readSecret(file: string): string | null {
  let text: string;
  try {
    // A secret others could read may be known to them: refuse it rather than use it.
    requirePrivateFile(file);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const secret = text.trim();
  if (!SECRET.test(secret)) throw new Error(`${file} does not hold a customer-key secret (64 hexadecimal characters); restore it from the backup.`);
  return secret;
}

/**
 * Writes the file only if there is none: written whole to a temporary file, fsynced, then
 * linked into place, so a crash never leaves half a secret and two starts never make two.
 */
export function createSecretFile(dataDir: string, secret: string): string {
  const tmp = writeTemp(dataDir, secret);
  try {
    linkSync(tmp, secretPath(dataDir));
    fsyncDir(dataDir);
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readSecret(secretPath(dataDir))!;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

/** Replaces the secret (IT sharing one secret between branches), atomically. */
export function writeSecretFile(dataDir: string, secret: string): void {
  const tmp = writeTemp(dataDir, secret);
  renameSync(tmp, secretPath(dataDir));
  fsyncDir(dataDir);
}

const moved = new WeakSet<Database.Database>();

/** The branch's customer-key secret, from the key file beside the ledger; made on first use. */
export function customerKeySecret(db: Database.Database, dataDir: string): string {
  if (!moved.has(db)) {
    moveSecretOutOfDatabase(db, dataDir);
    moved.add(db);
  }
  return readSecret(secretPath(dataDir)) ?? createSecretFile(dataDir, randomBytes(32).toString('hex'));
}

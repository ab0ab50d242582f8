// The data keys of personal fields, one per subject (a complaint, an opinion's phone, a VIP,
// a notebook customer…), kept in their own small SQLite file beside the ledger and never in
// atrium.db: the ledger file alone yields only ciphertext. Deleting a subject's key erases
// every field sealed with it (crypto-shredding) without touching the hash-chained events.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const KEY_STORE_FILE = 'personal-keys.db';

export interface DataKey {
  id: string;
  key: Buffer;
}

export class KeyStore {
  private readonly db: Database.Database;
  private readonly byId: Database.Statement;
  private readonly bySubject: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(dataDir: string) {
    const file = path.join(dataDir, KEY_STORE_FILE);
    // Made 0600 before SQLite opens it; SQLite gives its journal the same mode.
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
    this.db = new Database(file);
    // A rollback journal, not WAL: after each commit the one file is the whole store, so a
    // plain copy of the data folder (a backup) carries every key. FULL: a key a committed
    // event depends on survives a power cut. secure_delete: a shredded key's bytes are
    // overwritten in the file, not left in a free page.
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS data_keys (
      key_id     TEXT PRIMARY KEY,
      subject    TEXT NOT NULL UNIQUE,
      key        BLOB NOT NULL,
      created_at INTEGER NOT NULL
    )`);
    // Subjects whose keys are to be shredded once the event recording why is committed: the
    // ledger and this store are two files, so a shred that fails (or a stop between the two)
    // is finished on the next start rather than forgotten.
    this.db.exec(`CREATE TABLE IF NOT EXISTS to_shred (
      subject TEXT NOT NULL,
      token   TEXT NOT NULL,
      PRIMARY KEY (subject, token)
    )`);
    this.byId = this.db.prepare('SELECT key FROM data_keys WHERE key_id = ?');
    this.bySubject = this.db.prepare('SELECT key_id AS id, key FROM data_keys WHERE subject = ?');
    this.insert = this.db.prepare('INSERT INTO data_keys (key_id, subject, key, created_at) VALUES (?, ?, ?, ?)');
    this.remove = this.db.prepare('DELETE FROM data_keys WHERE subject = ?');
  }

  /**
   * Runs `fn` in one key-store transaction: the keys it makes reach the disk with one sync,
   * not one each (a register of 10 000 VIPs made 10 000 keys, one fsync'd commit apiece).
   */
  batch<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** The subject's key, made on first use. Keys are not cached: a key shredded by another process is gone at once. */
  keyFor(subject: string): DataKey {
    const found = this.bySubject.get(subject) as DataKey | undefined;
    if (found) return found;
    const made = { id: randomBytes(16).toString('hex'), key: randomBytes(32) };
    this.insert.run(made.id, subject, made.key, Date.now());
    return made;
  }

  keyById(id: string): Buffer | null {
    return (this.byId.get(id) as { key: Buffer } | undefined)?.key ?? null;
  }

  /** How many of these subjects have a key. */
  countKeys(subjects: string[]): number {
    const has = this.db.prepare('SELECT 1 FROM data_keys WHERE subject = ?');
    return subjects.filter((s) => has.get(s)).length;
  }

  /** Deletes the subjects' keys; true for each that existed. */
  shred(subjects: string[]): number {
    let n = 0;
    this.db.transaction(() => {
      for (const s of subjects) n += this.remove.run(s).changes;
    })();
    return n;
  }

  /** Notes the subjects as to be shredded once an event naming the token is committed. */
  markToShred(subjects: string[], token: string): void {
    const mark = this.db.prepare('INSERT OR IGNORE INTO to_shred (subject, token) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const s of subjects) mark.run(s, token);
    })();
  }

  /** Shreds the marked subjects and clears their marks, in one transaction. */
  shredMarked(token: string): number {
    let n = 0;
    this.db.transaction(() => {
      const subjects = (this.db.prepare('SELECT subject FROM to_shred WHERE token = ?').all(token) as { subject: string }[]).map((r) => r.subject);
      for (const s of subjects) n += this.remove.run(s).changes;
      this.db.prepare('DELETE FROM to_shred WHERE token = ?').run(token);
    })();
    return n;
  }

  /** Drops the marks of a token whose event was never committed: nothing was erased. */
  unmark(token: string): void {
    this.db.prepare('DELETE FROM to_shred WHERE token = ?').run(token);
  }

  pendingTokens(): string[] {
    return (this.db.prepare('SELECT DISTINCT token FROM to_shred').all() as { token: string }[]).map((r) => r.token);
  }

  close(): void {
    this.db.close();
  }
}

/**
 * A key store's keys by id, read without writing (verify reads a data folder or a backup and
 * must change nothing); null when there is no key store at `file`.
 */
export function readKeysFrom(file: string): { keyById(id: string): Buffer | null; close(): void } | null {
  if (!existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const byId = db.prepare('SELECT key FROM data_keys WHERE key_id = ?');
  return {
    keyById: (id) => (byId.get(id) as { key: Buffer } | undefined)?.key ?? null,
    close: () => db.close(),
  };
}

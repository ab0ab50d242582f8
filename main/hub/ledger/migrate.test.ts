import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { migrate, MIGRATIONS_DIR, readMigrations } from './migrate.js';
import { tempDir } from './testing.js';
import { openHubLedger } from '../projectors.js';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const versions = (db: Database.Database) => (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);

/** A migrations folder holding the real 0001 plus the given extra files. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = path.join(tempDir(), 'migrations');
  mkdirSync(dir);
  copyFileSync(path.join(MIGRATIONS_DIR, '0001_init.sql'), path.join(dir, '0001_init.sql'));
  for (const [name, sql] of Object.entries(extra)) writeFileSync(path.join(dir, name), sql);
  return dir;
}

describe('openLedger', () => {
  it('creates the data directory and atrium.db with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const dir = path.join(tempDir(), 'not', 'yet');
    const ledger = openHubLedger(dir);
    try {
      expect(existsSync(path.join(dir, 'atrium.db'))).toBe(true);
      expect(ledger.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(ledger.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(ledger.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(ledger.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    } finally {
      ledger.close();
    }
  });

  it('creates the schema once and records migration 1', () => {
    const dir = tempDir();
    openHubLedger(dir).close();
    const ledger = openHubLedger(dir); // a second start must not rerun 0001 (CREATE TABLE would fail)
    try {
      // Every numbered migration ran once (features add their own after 0001).
      expect(versions(ledger.db)).toEqual(readMigrations().map((m) => m.version));
      expect(versions(ledger.db)[0]).toBe(1);
      expect(tables(ledger.db)).toEqual(
        expect.arrayContaining(['events', 'config', 'services', 'counters', 'tickets', 'business_days', 'numbering', 'staff', 'sessions', 'devices', 'settings', 'schema_migrations']),
      );
    } finally {
      ledger.close();
    }
  });

  it('enforces foreign keys', () => {
    const ledger = openHubLedger(tempDir());
    try {
      expect(() =>
        ledger.db.prepare("INSERT INTO sessions (token_hash, staff_id, role, created_at, expires_at) VALUES ('t', 'nobody', 'teller', 0, 1)").run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      ledger.close();
    }
  });
});

describe('migrate', () => {
  it('runs new numbered migrations in order, once each', () => {
    const dir = migrationsWith({ '0003_c.sql': 'CREATE TABLE c (x);', '0002_b.sql': 'CREATE TABLE b (x);', 'README.txt': 'not a migration' });
    const db = new Database(path.join(tempDir(), 'x.db'));
    try {
      expect(migrate(db, dir)).toEqual([1, 2, 3]);
      expect(migrate(db, dir)).toEqual([]);
      expect(versions(db)).toEqual([1, 2, 3]);
      expect(tables(db)).toEqual(expect.arrayContaining(['b', 'c']));
    } finally {
      db.close();
    }
  });

  it('runs each migration in its own transaction: a failing one leaves nothing of itself and keeps the earlier ones', () => {
    const dir = migrationsWith({ '0002_ok.sql': 'CREATE TABLE ok (x);', '0003_bad.sql': 'CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);' });
    const db = new Database(path.join(tempDir(), 'x.db'));
    try {
      expect(() => migrate(db, dir)).toThrow(/nowhere/);
      expect(versions(db)).toEqual([1, 2]);
      expect(tables(db)).toContain('ok');
      expect(tables(db)).not.toContain('half');
    } finally {
      db.close();
    }
  });

  it('refuses two migrations with one number', () => {
    expect(() => readMigrations(migrationsWith({ '0002_a.sql': '', '0002_b.sql': '' }))).toThrow(/two migrations are numbered 2/);
  });

  it('refuses a database migrated by a newer program', () => {
    const db = new Database(path.join(tempDir(), 'x.db'));
    try {
      migrate(db, migrationsWith({ '9998_b.sql': 'CREATE TABLE b (x);' }));
      expect(() => migrate(db, MIGRATIONS_DIR)).toThrow(/newer than this program/);
    } finally {
      db.close();
    }
  });
});

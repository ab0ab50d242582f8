// Numbered SQL migrations (0001_init.sql, 0002_….sql), run at start-up in order, each in
// its own transaction so a failing one leaves the database at the previous version.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

/** The .sql files sit next to this module (the build must copy them alongside). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

const FILE_NAME = /^(\d{4})_[\w-]+\.sql$/;

/** The database was written by a newer Atrium: this program must not touch it. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly programVersion: number,
  ) {
    super(`the database has migration ${databaseVersion}, newer than this program knows (${programVersion})`);
  }
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const name of readdirSync(dir)) {
    const m = FILE_NAME.exec(name);
    if (!m) continue;
    migrations.push({ version: Number(m[1]), name, sql: readFileSync(`${dir}/${name}`, 'utf8') });
  }
  migrations.sort((a, b) => a.version - b.version);
  // Two files with one number would run in an order that depends on the file system.
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(`two migrations are numbered ${migrations[i]!.version}: ${migrations[i - 1]!.name} and ${migrations[i]!.name}`);
    }
  }
  return migrations;
}

/** A database written by a newer Atrium has tables this program does not know how to keep. */
function refuseNewerSchema(applied: Set<number>, migrations: Migration[]): void {
  const newest = migrations.at(-1)?.version ?? 0;
  const tooNew = [...applied].filter((v) => v > newest);
  if (tooNew.length > 0) throw new SchemaTooNewError(Math.max(...tooNew), newest);
}

/** For readers that must not migrate (verify): throws SchemaTooNewError as migrate would. */
export function checkSchemaNotNewer(db: Database.Database, dir: string = MIGRATIONS_DIR): void {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()) return;
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  refuseNewerSchema(applied, readMigrations(dir));
}

/** Applies the migrations not yet recorded in schema_migrations; returns their versions. */
export function migrate(db: Database.Database, dir: string = MIGRATIONS_DIR, now: () => number = Date.now): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const migrations = readMigrations(dir);
  refuseNewerSchema(applied, migrations);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const ran: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, now());
    }).immediate();
    ran.push(m.version);
  }
  return ran;
}

// Numbered SQL migrations (0001_init.sql, …) as the hub's: run at start in order, each in
// its own transaction with its row in office_migrations, so a failing one changes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Sql } from './sql.js';

export const OFFICE_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE_NAME = /^(\d{4})_[\w-]+\.sql$/;

export async function migrateOffice(sql: Sql, dir = OFFICE_MIGRATIONS_DIR): Promise<number[]> {
  await sql.exec('CREATE TABLE IF NOT EXISTS office_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied = new Set((await sql.query<{ version: number }>('SELECT version FROM office_migrations')).map((r) => Number(r.version)));
  const files = readdirSync(dir)
    .map((name) => ({ name, m: FILE_NAME.exec(name) }))
    .filter((f) => f.m)
    .map((f) => ({ name: f.name, version: Number(f.m![1]) }))
    .sort((a, b) => a.version - b.version);
  const newest = files.at(-1)?.version ?? 0;
  const tooNew = [...applied].filter((v) => v > newest);
  if (tooNew.length > 0) throw new Error(`the office database has migration ${Math.max(...tooNew)}, newer than this program knows (${newest})`);
  const ran: number[] = [];
  for (const f of files) {
    if (applied.has(f.version)) continue;
    const text = readFileSync(path(dir, f.name), 'utf8');
    await sql.transaction(async (tx) => {
      await tx.exec(text);
      await tx.query('INSERT INTO office_migrations (version, name) VALUES ($1, $2)', [f.version, f.name]);
    });
    ran.push(f.version);
  }
  return ran;
}

const path = (dir: string, name: string) => `${dir.replace(/\/$/, '')}/${name}`;

// The embedded PostgreSQL: one command tries the office, with no server to install.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Queryable, Sql } from './sql.js';

export const PGLITE_FOLDER = 'pgdata';

export async function openPglite(dataDir: string): Promise<Sql> {
  const dir = path.join(dataDir, PGLITE_FOLDER);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const db = await PGlite.create(dir);
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(text: string, params: unknown[] = []) {
      return (await q.query<T>(text, params)).rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
  });
  return {
    engine: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}

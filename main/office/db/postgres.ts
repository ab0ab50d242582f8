// A PostgreSQL server (14 or later) through node-postgres: a pool, each transaction on one client.
import pg from 'pg';
import type { Queryable, Sql } from './sql.js';

/** Connections to the server; ingest takes at most POOL_SIZE - 2 of them (ingest.ts), so the dashboard never queues behind it. */
export const POOL_SIZE = 8;

export async function openPostgres(url: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // A wrong URL or a server that is down is said at start, not at the first request.
  const client = await pool.connect();
  client.release();
  const on = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(text: string, params: unknown[] = []) {
      return (await c.query(text, params)).rows as T[];
    },
    // No parameters: the simple protocol, which runs several statements.
    async exec(text: string) {
      await c.query(text);
    },
  });
  return {
    engine: 'postgres',
    ...on(pool),
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const result = await fn(on(c));
        await c.query('COMMIT');
        return result;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}

// A PostgreSQL server (14 or later) through node-postgres: a pool, each transaction on one client.
import pg from 'pg';
import type { Queryable, Sql } from './sql.js';

/** Connections to the server; ingest takes at most POOL_SIZE - 2 of them (ingest.ts), so the dashboard never queues behind it. */
export const POOL_SIZE = 8;

export async function openPostgres(url: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle connection the server ends (a restart, an administrator's terminate) is an 'error' on
  // the pool; unheard, it would end the office's process. The pool drops that client and the next
  // query opens a new one: said once per kind, and the office goes on.
  let lastIdleError = '';
  pool.on('error', (err) => {
    if (err.message !== lastIdleError) console.warn(`head office database: an idle connection was ended (${err.message}); the next query opens a new one`);
    lastIdleError = err.message;
  });
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

// Starts the head office: opens its database (PGlite in DATA/pgdata, or a PostgreSQL server
// with --pg), runs the migrations, adds the demo admin on request, and serves the API.
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { holdFolder } from '../../node/folder-lock.js';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from '../../common/throttle.js';
import { OfficeLogin } from '../auth/login.js';
import { demoPinCount, ensureDemoAdmin } from '../auth/staff.js';
import { migrateOffice } from '../db/migrate.js';
import { openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import type { Sql } from '../db/sql.js';
import { Ingest } from '../ingest/ingest.js';
import { buildOfficeServer } from './app.js';
import { orgSecret } from './org-secret.js';
import { officeTls } from './tls.js';

export interface StartOfficeOptions {
  dataDir: string;
  port: number;
  host?: string;
  /** A PostgreSQL server's URL; the embedded PGlite in dataDir when absent. */
  pgUrl?: string | null;
  demo?: boolean;
  tls?: boolean;
  logger?: boolean;
  throttle?: ThrottlePolicy;
  clock?: () => number;
}

export interface RunningOffice {
  url: string;
  port: number;
  sql: Sql;
  app: FastifyInstance;
  certFingerprint: string | null;
  close(): Promise<void>;
}

const version = (): string => {
  const pkg = fileURLToPath(new URL('../../../package.json', import.meta.url));
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
};

export const OFFICE_LOCK_FILE = 'office.lock';

export async function startOffice(opts: StartOfficeOptions): Promise<RunningOffice> {
  // First of all, before any file is made or opened: a second office on this folder changes nothing.
  const lock = holdFolder(
    opts.dataDir,
    OFFICE_LOCK_FILE,
    `Another Atrium head office is already running on the data folder ${opts.dataDir}; stop it first, or give this one its own folder with --data.`,
  );
  let sql: Sql;
  try {
    sql = opts.pgUrl ? await openPostgres(opts.pgUrl) : await openPglite(opts.dataDir);
  } catch (err) {
    lock.close();
    throw err;
  }
  try {
    await migrateOffice(sql);
    if (opts.demo) await ensureDemoAdmin(sql);
    const demoPins = await demoPinCount(sql);
    if (demoPins > 0) console.warn(`warning: ${demoPins} head-office staff still use the demo PIN 000000: for demonstration only, change them before real use`);
    const clock = opts.clock ?? Date.now;
    const tls = opts.tls ? await officeTls(opts.dataDir) : null;
    const app = await buildOfficeServer(
      { sql, clock, version: version(), orgSecret: orgSecret(opts.dataDir), login: new OfficeLogin(sql, opts.throttle ?? DEFAULT_THROTTLE, clock), ingest: new Ingest(sql, clock) },
      { logger: opts.logger ?? false, https: tls ? { key: tls.key, cert: tls.cert } : null },
    );
    const host = opts.host ?? '127.0.0.1';
    await app.listen({ port: opts.port, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    let closed = false;
    return {
      url: `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      sql,
      app,
      certFingerprint: tls?.fingerprint ?? null,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await sql.close();
        lock.close();
      },
    };
  } catch (err) {
    await sql.close().catch(() => undefined);
    lock.close();
    throw err;
  }
}

export const OFFICE_DB_NOTE = (opts: StartOfficeOptions) => (opts.pgUrl ? 'PostgreSQL server' : `embedded PostgreSQL (PGlite) in ${path.join(opts.dataDir, 'pgdata')}`);

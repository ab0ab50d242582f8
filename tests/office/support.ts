// A real head office for tests: on PGlite in a temp folder, or, when ATRIUM_TEST_PG_URL names
// a PostgreSQL server (a role that may create databases), on a fresh database of its own there,
// so the same test file runs on both. Talks to it over HTTP on loopback.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { startOffice, type RunningOffice, type StartOfficeOptions } from '../../main/office/server/start.js';
import { enrollBranch } from '../../main/hub/office-link/enroll.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';

export const PG_URL = process.env.ATRIUM_TEST_PG_URL ?? null;

export interface TestOffice extends RunningOffice {
  dataDir: string;
  pgUrl: string | null;
  api<T = any>(method: string, url: string, opts?: { token?: string | null; body?: unknown }): Promise<{ status: number; body: T }>;
  login(staffId?: string, pin?: string): Promise<string>;
}

async function asAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL! });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** The databases this test file made, dropped when it ends so a developer's server does not fill up. */
const made: string[] = [];
/** Offices this file started and has not closed. */
const running = new Set<TestOffice>();
// Registered when the file imports this module, so it runs after the file's own afterAll hooks
// (Vitest runs after-hooks last-registered first). An office a test left running is closed
// first: FORCE would end its pool's idle connections under it, and each would be an unhandled
// error ("terminating connection due to administrator command") that fails the whole run.
// Only under Vitest: the Playwright specs import this module too, and have no suite to hook.
if (process.env.VITEST) afterAll(async () => {
  for (const office of [...running]) await office.close().catch(() => {});
  if (PG_URL) for (const name of made.splice(0)) await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

/** A database of its own on the test server, so each office starts empty; null on PGlite. */
export async function freshPgDatabase(): Promise<string | null> {
  if (!PG_URL) return null;
  const name = `atrium_office_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  made.push(name);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function api(base: string, method: string, url: string, opts: { token?: string | null; body?: unknown } = {}): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + url, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}

/** `again` restarts an office on the same folder, database and port (where enrolled hubs find it). */
export async function startTestOffice(again?: { dataDir: string; pgUrl: string | null; port: number }, extra: Partial<StartOfficeOptions> = {}): Promise<TestOffice> {
  const dataDir = again?.dataDir ?? tempDir('atrium-office-');
  const pgUrl = again ? again.pgUrl : await freshPgDatabase();
  const started = await startOffice({ dataDir, port: again?.port ?? 0, demo: true, pgUrl, throttle: { baseDelayMs: 1, maxDelayMs: 4, lockAfter: 5, lockMs: 60_000 }, ...extra });
  const office: TestOffice = {
    ...started,
    dataDir,
    pgUrl,
    async close() {
      if (!running.delete(office)) return;
      await started.close();
    },
    api: (method, url, opts) => api(started.url, method, url, opts),
    async login(staffId = 'hq-admin', pin = '000000') {
      const res = await office.api('POST', '/api/auth/login', { body: { staffId, pin } });
      if (res.status !== 200) throw new Error(`office login ${staffId}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
  };
  running.add(office);
  return office;
}

/** Polls `check` until it holds (or the time is up, when the last answer is returned for the assertion). */
export async function eventually<T>(read: () => Promise<T> | T, check: (value: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!check(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

export type BranchKey = 'a' | 'b';
export const BRANCH_KEYS = ['a', 'b'] as const;
/** The shipper's timings for tests: fast retries, so a test waits on behaviour, not on backoff. */
export const FAST_LINK = { pollMs: 100, retryBaseMs: 100, retryMaxMs: 800, brokenRetryMs: 300 };

/**
 * A real office and two real demo hubs, A and B, enrolled with it (each made as a demo
 * folder, stopped, enrolled with a code from POST /api/office/branches, started again).
 * `beforeEnrol` runs on each hub before its enrolment (what it did then stays local).
 */
export interface TwoBranches {
  office: TestOffice;
  admin: string;
  dirs: Record<BranchKey, string>;
  hubs: Record<BranchKey, TestHub | null>;
  branchIds: Record<BranchKey, string>;
  start(k: BranchKey): Promise<TestHub>;
  stop(k: BranchKey): Promise<void>;
  close(): Promise<void>;
}

export async function twoEnrolledBranches(opts: { dirPrefix: string; notebookPollMs: number; beforeEnrol?: (k: BranchKey, hub: TestHub) => Promise<void> }): Promise<TwoBranches> {
  const office = await startTestOffice();
  const admin = await office.login();
  const dirs: Record<BranchKey, string> = { a: '', b: '' };
  const hubs: Record<BranchKey, TestHub | null> = { a: null, b: null };
  const branchIds: Record<BranchKey, string> = { a: '', b: '' };
  const start = async (k: BranchKey) => (hubs[k] = await startTestHub({ dataDir: dirs[k], officeLink: FAST_LINK, notebookPollMs: opts.notebookPollMs }));
  const stop = async (k: BranchKey) => {
    await hubs[k]?.close();
    hubs[k] = null;
  };
  for (const k of BRANCH_KEYS) {
    dirs[k] = tempDir(`${opts.dirPrefix}-${k}-`);
    const hub = await start(k);
    await opts.beforeEnrol?.(k, hub);
    await stop(k);
    const created = await office.api('POST', '/api/office/branches', { token: admin, body: { name: `Branch ${k}` } });
    branchIds[k] = created.body.branchId;
    await enrollBranch(dirs[k], office.url, created.body.enrolmentCode, () => undefined);
    await start(k);
  }
  return {
    office,
    admin,
    dirs,
    hubs,
    branchIds,
    start,
    stop,
    async close() {
      for (const k of BRANCH_KEYS) await stop(k);
      await office.close();
    },
  };
}

// The head office under a bank's load (issue 16, point 5): 1,000 simulated branches, each
// enrolled through the real API, each sending a busy day (bench/office-day.ts: the simulator's
// ordinary day, ~2,300 hub ledger rows with a valid hash chain) through the real ingest route
// in the hub shipper's batches of 500, several branches at once, into a real PostgreSQL server.
//
// The office runs as a user starts it (`atrium office --pg URL`), in a process of its own:
// the bench's own work (hashing each branch's chain, sending) then cannot steal the office's
// event loop, and the figures include everything a real office does (HTTP, JSON, zod, the
// chain check, the SQL), with the two processes and PostgreSQL sharing the machine's cores.
//
// Measured: events/s over the whole day of every branch; the catch-up of one branch back
// after a three-day outage (three busy days queued, sent batch after batch as the shipper
// does) while the others keep sending; p50/p95 of the dashboard's queries (the branch list,
// the daily and monthly reports, a branch's live view) while ingest runs and after it.
// The targets below make the run exit non-zero when a figure misses.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { MAX_BATCH, type ShippedEvent } from '../main/common/office/wire.js';
import { addDays, BRANCH_ZONE, BranchLedger, branchDate, recordDay } from './office-day.js';
import { percentile, type BenchResult } from './stats.js';

/**
 * What a bank needs, not what this machine happens to do:
 * - a whole day of every branch (1,000 × ~2,300 events) taken in a quarter of a business hour,
 *   so a network-wide outage of the WAN is caught up long before the next morning: 2,500 events/s;
 * - one branch back after three days away is current within a minute;
 * - a dashboard query answers within half a second (p95), also while branches ship.
 */
export const OFFICE_TARGETS = { eventsPerSecond: 2_500, catchUpSeconds: 60, dashboardP95Ms: 500 };
export type OfficeTargets = typeof OFFICE_TARGETS;

export interface OfficeFigures {
  eventsPerSecond: number;
  catchUpSeconds: number;
  /** route → p95 in ms, during ingest and after it. */
  dashboard: Record<string, { p50Ms: number; p95Ms: number; n: number }>;
}

/** The targets missed, one line each (empty: every target met). */
export function officeMisses(f: OfficeFigures, t: OfficeTargets = OFFICE_TARGETS): string[] {
  const missed: string[] = [];
  if (!(f.eventsPerSecond >= t.eventsPerSecond)) missed.push(`target missed: office ingest ${f.eventsPerSecond} events/s < ${t.eventsPerSecond}`);
  if (!(f.catchUpSeconds <= t.catchUpSeconds)) missed.push(`target missed: office catch-up after a three-day outage ${f.catchUpSeconds} s > ${t.catchUpSeconds} s`);
  for (const [route, d] of Object.entries(f.dashboard)) {
    if (!(d.p95Ms <= t.dashboardP95Ms)) missed.push(`target missed: office dashboard ${route} p95 ${d.p95Ms} ms > ${t.dashboardP95Ms} ms`);
  }
  return missed;
}

export interface OfficeBenchOptions {
  pgUrl?: string | null;
  branches?: number;
  senders?: number;
  /** Stricter or looser targets (the exit-code test gives one no office can meet). */
  targets?: Partial<OfficeTargets>;
  /** A folder for the office process's CPU profile (node --cpu-prof), for development. */
  profileDir?: string;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** Why no server can be used, or null when it answers. */
async function unreachable(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** A database of the bench's own on that server (dropped at the end), so the office starts empty. */
async function freshDatabase(url: string): Promise<{ url: string; version: string; drop(): Promise<void> }> {
  const name = `atrium_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const version = ((await admin.query('SHOW server_version')).rows[0] as { server_version: string }).server_version;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    version,
    // Without FORCE (which a role without pg_signal_backend may not use): PostgreSQL stops its
    // own autovacuum there; the office's connections may take a moment to go after it exits.
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name}`);
            return;
          } catch (err) {
            if (attempt >= 10) throw err;
            await new Promise((r) => setTimeout(r, 1_000));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

/** `atrium office` as a user starts it; resolves with its address once it listens. */
function startOfficeProcess(dataDir: string, pgUrl: string, profileDir?: string): Promise<{ url: string; child: ChildProcess }> {
  const root = path.join(import.meta.dirname, '..');
  const args = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', 'main/cli.ts', 'office', '--data', dataDir, '--port', '0', '--pg', pgUrl, '--demo'];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`the office exited (${code}) before it listened: ${err || out}`)));
  });
}

async function call<T = unknown>(base: string, method: string, url: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(300_000) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

async function ok<T = unknown>(base: string, method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  const res = await call<T>(base, method, url, token, body);
  if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

/** Sends a branch's rows as the hub's shipper does: batch after batch, each after the last is answered; returns how many. */
async function ship(base: string, credential: string, batches: Iterable<ShippedEvent[]>): Promise<number> {
  let sent = 0;
  for (const batch of batches) {
    sent += batch.length;
    const answer = await ok<{ lastSeq: number }>(base, 'POST', '/api/office/ingest', credential, { timeZone: BRANCH_ZONE, events: batch });
    if (answer.lastSeq !== batch.at(-1)!.seq) throw new Error(`the office holds up to ${answer.lastSeq}, not ${batch.at(-1)!.seq}`);
  }
  return sent;
}

function* inBatches(rows: readonly ShippedEvent[]): Generator<ShippedEvent[]> {
  for (let i = 0; i < rows.length; i += MAX_BATCH) yield rows.slice(i, i + MAX_BATCH);
}

/** The figures written when no PostgreSQL server can be used: the summary says "not run". */
export function notRun(reason: string): BenchResult {
  return { name: 'office', description: `not run: ${reason}`, figures: { result: 'not run' } };
}

export async function benchOffice(opts: OfficeBenchOptions = {}): Promise<BenchResult> {
  const given = opts.pgUrl ?? process.env.ATRIUM_BENCH_PG_URL ?? null;
  if (!given) {
    console.error('office bench: no PostgreSQL server given (--pg URL or ATRIUM_BENCH_PG_URL): not run');
    process.exitCode = 1;
    return notRun('no PostgreSQL server given (--pg URL or ATRIUM_BENCH_PG_URL)');
  }
  const why = await unreachable(given);
  if (why) {
    console.error(`office bench: the PostgreSQL server at ${new URL(given).host} cannot be used (${why}): not run`);
    process.exitCode = 1;
    return notRun(`the PostgreSQL server at ${new URL(given).host} cannot be used (${why})`);
  }
  const targets = { ...OFFICE_TARGETS, ...opts.targets };
  const branchCount = opts.branches ?? 1000;
  const senders = opts.senders ?? 8;
  const t0 = performance.now();
  const log = (line: string) => console.log(`office bench ${r1((performance.now() - t0) / 1000)} s: ${line}`);

  // Today in the branches' zone; the outage branch was away for the three days before it.
  const today = branchDate(Date.now());
  const SEEDS = 8;
  const days = Array.from({ length: SEEDS }, (_, s) => recordDay(today, 1 + s));
  const outageDays = [3, 2, 1].map((back, i) => recordDay(addDays(today, -back), 100 + i));
  const perDay = days.reduce((n, d) => n + d.events.length, 0) / SEEDS;
  log(`${SEEDS} busy days recorded from the simulator (${Math.round(perDay)} events each on average)`);

  const db = await freshDatabase(given);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atrium-office-bench-'));
  const { url: base, child } = await startOfficeProcess(dataDir, db.url, opts.profileDir);
  try {
    const admin = (await ok<{ token: string }>(base, 'POST', '/api/auth/login', null, { staffId: 'hq-admin', pin: '000000' })).token;
    // Enrolment through the real API: created by the admin, enrolled by the "hub" with its code.
    const tEnrol = performance.now();
    const branches: { id: string; credential: string; ledger: BranchLedger }[] = [];
    for (let i = 0; i < branchCount; i++) {
      const made = await ok<{ branchId: string; enrolmentCode: string }>(base, 'POST', '/api/office/branches', admin, { name: `支行 ${String(i).padStart(4, '0')}` });
      const enrolled = await ok<{ credential: string }>(base, 'POST', '/api/office/enrol', null, { code: made.enrolmentCode });
      branches.push({ id: made.branchId, credential: enrolled.credential, ledger: new BranchLedger(i) });
    }
    const enrolSeconds = (performance.now() - tEnrol) / 1000;
    log(`${branchCount} branches created and enrolled in ${r1(enrolSeconds)} s`);

    // The dashboard, asked the whole time by one head-office screen: each route in turn.
    const month = today.slice(0, 7);
    const routes: [string, () => string][] = [
      ['GET /api/office/branches', () => '/api/office/branches'],
      ['GET /api/office/reports/daily', () => `/api/office/reports/daily?date=${today}`],
      ['GET /api/office/reports/monthly', () => `/api/office/reports/monthly?month=${month}`],
      ['GET /api/office/branches/:id/live', () => `/api/office/branches/${branches[Math.floor(Math.random() * branches.length)]!.id}/live`],
    ];
    const samples = { during: new Map<string, number[]>(), after: new Map<string, number[]>() };
    const ask = async (phase: 'during' | 'after') => {
      for (const [route, url] of routes) {
        const s = performance.now();
        await ok(base, 'GET', url(), admin);
        const list = samples[phase].get(route) ?? [];
        list.push(performance.now() - s);
        samples[phase].set(route, list);
      }
    };
    let ingesting = true;
    const dashboard = (async () => {
      while (ingesting) {
        await ask('during');
        await new Promise((r) => setTimeout(r, 500));
      }
    })();

    // The outage branch (the first) holds its three days; the others ship today's, `senders` at once.
    const [away, ...others] = branches;
    const backlog = outageDays.flatMap((d, i) => away!.ledger.rows(d, 0, i > 0));
    let events = 0;
    let catchUpSeconds = NaN;
    let catchUp: Promise<void> | null = null;
    const startCatchUp = () => {
      catchUp ??= (async () => {
        const s = performance.now();
        await ship(base, away!.credential, inBatches(backlog));
        catchUpSeconds = (performance.now() - s) / 1000;
        events += backlog.length;
        log(`catch-up of ${backlog.length} events (three days) in ${r1(catchUpSeconds)} s`);
        // Then its today, as the others.
        // (Not `events += await …`: that reads `events` before the wait, losing the other senders' counts.)
        const itsToday = await ship(base, away!.credential, away!.ledger.batches(days[0]!, 0, true, MAX_BATCH));
        events += itsToday;
      })();
    };
    let next = 0;
    let done = 0;
    const tIngest = performance.now();
    await Promise.all(
      Array.from({ length: senders }, async () => {
        while (next < others.length) {
          const b = others[next++]!;
          // Each branch a few minutes apart (spread over a quarter of an hour), its own ids and chain.
          const sent = await ship(base, b.credential, b.ledger.batches(days[b.ledger.index % SEEDS]!, (b.ledger.index % 180) * 5_000, false, MAX_BATCH));
          events += sent;
          done++;
          if (done === Math.ceil(others.length / 3)) startCatchUp();
          if (done % 100 === 0) log(`${done} branches sent, ${events} events, ${Math.round(events / ((performance.now() - tIngest) / 1000))} events/s`);
        }
      }),
    );
    startCatchUp();
    await catchUp;
    const ingestSeconds = (performance.now() - tIngest) / 1000;
    ingesting = false;
    await dashboard;
    const eventsPerSecond = Math.round(events / ingestSeconds);
    log(`${events} events in ${r1(ingestSeconds)} s: ${eventsPerSecond} events/s`);

    // The office's copy checked against what was sent.
    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    const held = Number(((await check.query('SELECT count(*) AS n FROM office_events')).rows[0] as { n: string }).n);
    const broken = Number(((await check.query("SELECT count(*) AS n FROM office_branches WHERE status = 'chain_broken'")).rows[0] as { n: string }).n);
    await check.end();
    if (held !== events || broken !== 0) throw new Error(`the office holds ${held} events of ${events} sent, ${broken} chains broken`);

    for (let i = 0; i < 20; i++) await ask('after');
    const dash: OfficeFigures['dashboard'] = {};
    const figures: Record<string, number | string> = {
      branches: branchCount,
      events,
      'events per branch-day (mean)': Math.round(perDay),
      'senders at once': senders,
      'enrolment of every branch (s)': r1(enrolSeconds),
      'ingest (s)': r1(ingestSeconds),
      'events per second': eventsPerSecond,
      'catch-up after a three-day outage (s)': r1(catchUpSeconds),
      'catch-up events': backlog.length,
    };
    for (const phase of ['during', 'after'] as const) {
      for (const [route, list] of samples[phase]) {
        const sorted = [...list].sort((a, b) => a - b);
        const d = { p50Ms: Math.round(percentile(sorted, 50)), p95Ms: Math.round(percentile(sorted, 95)), n: sorted.length };
        dash[`${route} (${phase} ingest)`] = d;
        figures[`${route} ${phase} ingest p50 / p95 (ms)`] = `${d.p50Ms} / ${d.p95Ms} (n ${d.n})`;
      }
    }
    const measured: OfficeFigures = { eventsPerSecond, catchUpSeconds: r1(catchUpSeconds), dashboard: dash };
    const missed = officeMisses(measured, targets);
    figures[`targets: ≥ ${targets.eventsPerSecond} events/s, catch-up ≤ ${targets.catchUpSeconds} s, dashboard p95 ≤ ${targets.dashboardP95Ms} ms`] = missed.length === 0 ? 'met' : `MISSED: ${missed.map((m) => m.replace('target missed: office ', '')).join('; ')}`;
    for (const line of missed) console.error(line);
    if (missed.length > 0) process.exitCode = 1;
    return {
      name: 'office',
      description: `The head office (\`atrium office --pg\`, its own process) on PostgreSQL ${db.version}: ${branchCount} branches enrolled through the API, each sending a busy day (the simulator's ordinary day, ${Math.round(perDay)} events on average, re-chained per branch) through POST /api/office/ingest in batches of ${MAX_BATCH}, ${senders} branches at once; one branch back after a three-day outage (${backlog.length} events) catching up while the others send; the dashboard's queries asked in turn during ingest and 20 times after. Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, shared.`,
      figures,
      ...{ branches: branchCount, events, eventsPerSecond, catchUpSeconds: measured.catchUpSeconds, dashboard: dash, targets, pg: db.version, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? null, memGb: Math.round(os.totalmem() / 2 ** 30) } },
    } as BenchResult;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    await db.drop().catch((err: unknown) => console.error(`office bench: could not drop its database: ${(err as Error).message}`));
  }
}

// `node --import tsx bench/office.ts --pg URL [--branches=N]` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    return process.argv[i]!.includes('=') ? process.argv[i]!.split('=').slice(1).join('=') : process.argv[i + 1];
  };
  console.log(JSON.stringify(await benchOffice({ pgUrl: arg('pg'), branches: arg('branches') ? Number(arg('branches')) : undefined, senders: arg('senders') ? Number(arg('senders')) : undefined, profileDir: arg('profile') }), null, 2));
}

// Issue 16, the first slice, end to end with real components: a demo hub enrolled with a real
// head office (PGlite in a temp folder, or the PostgreSQL server of ATRIUM_TEST_PG_URL), the
// real `atrium enroll` command, the hub's shipper over HTTP on loopback. The office's counts
// equal the hub's daily report; the office can go away and the hub catches up in order when it
// returns; an event edited before it was shipped marks the branch chain_broken; a re-sent batch
// changes nothing; enrolment and the routes refuse whom they should.
import { statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_STAFF_ROUTES } from '../../main/common/office/staff-routes.js';
import { OFFICE_REPORT_ROUTES } from '../../main/common/office/report-routes.js';
import * as routes from '../../main/common/office/routes.js';
import { OFFICE_ROUTES, type OfficeRouteDef } from '../../main/common/office/routes.js';
import { eventRowsAfter } from '../../main/hub/ledger/outbox-reads.js';
import { readCursor, readOfficeLink } from '../../main/hub/office-link/link-file.js';
import { ChainChecker } from '../../main/node/chain-check.js';
import { runCli } from '../support/cli.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';
import { eventually, FAST_LINK as FAST, PG_URL, startTestOffice, type TestOffice } from './support.js';

const LONG = 180_000;

let office: TestOffice;
let admin: string;
let hub: TestHub | null = null;
let dataDir: string;
let branchId: string;
/** Routes whose answer was checked against the table's schema. */
const checked = new Set<string>();

async function call(def: OfficeRouteDef, opts: { token?: string | null; body?: unknown; params?: Record<string, string> } = {}) {
  const url = def.path.replace(/:(\w+)/g, (_m, k: string) => encodeURIComponent(opts.params?.[k] ?? ''));
  const res = await office.api(def.method, url, opts);
  if (res.status < 300) {
    const parsed = def.answer.safeParse(res.body);
    expect(parsed.success ? 'ok' : `${def.method} ${def.path} answered ${JSON.stringify(res.body).slice(0, 300)}: ${parsed.error?.message}`).toBe('ok');
    checked.add(`${def.method} ${def.path}`);
  }
  return res;
}

const branchView = async () => (await call(routes.listBranches, { token: admin })).body.branches.find((b: { branchId: string }) => b.branchId === branchId);

async function startHub(): Promise<TestHub> {
  hub = await startTestHub({ dataDir, officeLink: FAST });
  return hub;
}

async function stopHub(): Promise<void> {
  await hub?.close();
  hub = null;
}

/** A morning at the branch: `n` tickets issued, two served, one no-show, the rest waiting. */
async function someCustomers(h: TestHub, n: number): Promise<void> {
  const manager = await h.login('manager');
  const teller = await h.login('teller1');
  await h.api('POST', '/api/counters/1/open', { token: teller });
  for (let i = 0; i < n; i++) expect((await h.api('POST', '/api/tickets', { token: manager, body: { service: 'cash' } })).status).toBe(200);
  for (let i = 0; i < 3; i++) {
    const called = await h.api('POST', '/api/counters/1/call-next', { token: teller });
    if (called.status !== 200) break;
    const id = called.body.ticket.id;
    if (i === 2) {
      await h.api('POST', `/api/tickets/${id}/no-show`, { token: teller });
      continue;
    }
    await h.api('POST', `/api/tickets/${id}/start`, { token: teller });
    expect((await h.api('POST', `/api/tickets/${id}/finish`, { token: teller, body: { tags: [] } })).status).toBe(200);
  }
}

/** The hub's own figures for today: its daily report and its lobby's waiting tickets. */
async function hubToday(h: TestHub) {
  const manager = await h.login('manager');
  const date = new Date().toLocaleDateString('en-CA');
  const report = (await h.api('GET', `/api/reports/daily?date=${date}`, { token: manager })).body;
  const lobby = (await h.api('GET', '/api/lobby', { token: manager })).body;
  const waiting = lobby.tickets.filter((t: { status: string; businessDay?: string }) => t.status === 'waiting').length;
  return { issued: report.totals.issued, served: report.totals.served, noShow: report.totals.noShow, waiting };
}

const shipped = (h: TestHub) => eventually(branchView, (b) => b?.lastSeq === h.hub.ledger.lastSeq(), 60_000);

beforeAll(async () => {
  office = await startTestOffice();
  admin = await office.login();
  dataDir = tempDir('atrium-enrolled-');
}, LONG);
afterAll(async () => {
  await stopHub();
  await office?.close();
});

describe('the head office, first slice', () => {
  it('serves exactly the routes of its table, and says the demo PIN is demo-only', async () => {
    // ATRIUM_TEST_PG_URL set: the same tests on a PostgreSQL server.
    expect(office.sql.engine).toBe(PG_URL ? 'postgres' : 'pglite');
    expect([...office.app.officeRoutes].sort()).toEqual(OFFICE_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    expect((await call(routes.officeHealth)).body.ok).toBe(true);
    const login = await call(routes.officeLogin, { body: { staffId: 'hq-admin', pin: '000000' } });
    expect(login.body).toMatchObject({ role: 'hq_admin', staffId: 'hq-admin', demoPin: true });
    expect((await office.api('POST', '/api/auth/login', { body: { staffId: 'hq-admin', pin: '111111' } })).status).toBe(401);
  });

  it('enrols a demo hub with the real command, refusing a running hub and a wrong code', async () => {
    const created = await call(routes.createBranch, { token: admin, body: { name: 'East Branch' } });
    expect(created.status).toBe(200);
    branchId = created.body.branchId;
    // A demo hub's folder, running: the command refuses, naming why.
    await startHub();
    const locked = await runCli(['enroll', '--data', dataDir, '--office', office.url, '--code', created.body.enrolmentCode]);
    expect(locked.status).toBe(1);
    expect(locked.stderr).toContain(`A hub is running on ${dataDir}: stop it first`);
    await stopHub();
    const wrong = await runCli(['enroll', '--data', dataDir, '--office', office.url, '--code', 'NOTTHECODE12']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('The office refused the enrolment: This enrolment code is not valid');
    expect(readOfficeLink(dataDir)).toBeNull();
    const ok = await runCli(['enroll', '--data', dataDir, '--office', office.url, '--code', created.body.enrolmentCode]);
    expect(ok.stderr).toContain('plain HTTP: allowed on this machine');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`enrolled as branch ${branchId} (East Branch)`);
    const link = readOfficeLink(dataDir)!;
    expect(link).toMatchObject({ branchId, officeUrl: office.url, certFingerprint: null });
    expect(statSync(path.join(dataDir, 'office-link.json')).mode & 0o077).toBe(0);
    // The code was good once.
    const again = await runCli(['enroll', '--data', dataDir, '--office', office.url, '--code', created.body.enrolmentCode]);
    expect(again.status).toBe(1);
    expect((await branchView()).status).toBe('active');
  }, LONG);

  it("ships the hub's ledger, and the office's counts equal the hub's daily report", async () => {
    const h = await startHub();
    await someCustomers(h, 6);
    // Its figures first: signing in to read them is an event too, shipped with the rest.
    const own = await hubToday(h);
    const view = await shipped(h);
    expect(view.lastSeq).toBe(h.hub.ledger.lastSeq());
    expect(view.lastSeenAt).not.toBeNull();
    expect(own).toMatchObject({ issued: 6, served: 2, noShow: 1, waiting: 3 });
    expect(view.today).toEqual(own);
    expect(readCursor(dataDir)).toBe(h.hub.ledger.lastSeq());
  }, LONG);

  it('a re-sent batch changes nothing', async () => {
    const h = hub!;
    const rows = eventRowsAfter(h.hub.ledger.db, 0, 40);
    const before = await shipped(h);
    const countRows = async () =>
      Number((await office.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM office_events WHERE branch_id = $1 AND seq <= $2', [branchId, before.lastSeq]))[0]!.n);
    const n = await countRows();
    const link = readOfficeLink(dataDir)!;
    for (let i = 0; i < 2; i++) {
      const res = await call(routes.ingest, { token: link.credential, body: { timeZone: 'UTC', events: rows } });
      expect(res.status).toBe(200);
      expect(res.body.accepted).toBe(0);
      expect(res.body.lastSeq).toBeGreaterThanOrEqual(before.lastSeq);
    }
    expect(await countRows()).toBe(n);
    expect(n).toBe(before.lastSeq);
    const after = await branchView();
    expect(after.today).toEqual(before.today);
    expect(after.status).toBe('active');
  }, LONG);

  it('refuses callers by role: a branch credential is no admin, a hub token means nothing here', async () => {
    const link = readOfficeLink(dataDir)!;
    const hubAdmin = await hub!.login('admin');
    for (const def of [routes.listBranches, routes.createBranch, routes.officeAlerts, routes.officeAudit, routes.resetChain] as OfficeRouteDef[]) {
      const body = def.body ? (def === routes.createBranch ? { name: 'x' } : { reason: 'x' }) : undefined;
      const asBranch = await office.api(def.method, def.path.replace(':id', branchId), { token: link.credential, body });
      expect(asBranch.status, `${def.path} as a branch`).toBe(403);
      expect(asBranch.body.error.code).toBe('forbidden');
      const asHub = await office.api(def.method, def.path.replace(':id', branchId), { token: hubAdmin, body });
      expect(asHub.status, `${def.path} with a hub token`).toBe(401);
      expect((await office.api(def.method, def.path.replace(':id', branchId), { body })).status).toBe(401);
    }
    const asAdmin = await office.api('POST', '/api/office/ingest', { token: admin, body: { timeZone: 'UTC', events: [] } });
    expect(asAdmin.status).toBe(403);
    expect((await office.api('POST', '/api/office/ingest', { token: hubAdmin, body: { timeZone: 'UTC', events: [] } })).status).toBe(401);
  }, LONG);

  it('the hub keeps serving with the office gone, and catches up in order when it returns', async () => {
    const h = hub!;
    const officeDir = { dataDir: office.dataDir, pgUrl: office.pgUrl, port: office.port };
    await office.close();
    const t0 = performance.now();
    await someCustomers(h, 20);
    // The lobby did not wait on the office: 20 tickets and a few calls well within a second or two each.
    expect(performance.now() - t0).toBeLessThan(20_000);
    await eventually(() => h.officeShipper!.state, (s) => s === 'retrying', 10_000);
    expect(h.officeShipper!.state).toBe('retrying');
    const cursorWhileDown = readCursor(dataDir);
    expect(cursorWhileDown).toBeLessThan(h.hub.ledger.lastSeq());

    office = await startTestOffice(officeDir);
    admin = await office.login();
    const own = await hubToday(h);
    const view = await shipped(h);
    expect(view.status).toBe('active');
    expect(view.today).toEqual(own);
    // In order: every seq from 1 once, and the chain the office holds checks as verify checks it.
    const rows = await office.sql.query<{ seq: number; type: string; at_ms: number; actor: string | null; data: string; prev_hash: string; hash: string }>(
      'SELECT seq, type, at_ms, actor, data, prev_hash, hash FROM office_events WHERE branch_id = $1 ORDER BY seq',
      [branchId],
    );
    expect(rows.length).toBe(h.hub.ledger.lastSeq());
    const chain = new ChainChecker();
    for (const r of rows) expect(chain.check({ ...r, seq: Number(r.seq), at: Number(r.at_ms) })).not.toHaveProperty('ok');
    // The events table is partitioned by month, the partition made when the batch came.
    const parts = await office.sql.query<{ name: string }>("SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'office_events'::regclass");
    expect(parts.map((p) => p.name)).toContain(`office_events_${new Date().toISOString().slice(0, 7).replace('-', '_')}`);
  }, LONG);

  it('an event edited at the hub before it was shipped marks the branch chain_broken, and the office takes nothing more', async () => {
    let h = hub!;
    const officeDir = { dataDir: office.dataDir, pgUrl: office.pgUrl, port: office.port };
    await office.close();
    await someCustomers(h, 3);
    const lastGood = readCursor(dataDir);
    await stopHub();
    // With the hub stopped, someone edits an event not yet shipped: a ticket's number.
    const db = new Database(path.join(dataDir, 'atrium.db'));
    const target = db.prepare("SELECT seq, data FROM events WHERE seq > ? AND type = 'ticket.issued' ORDER BY seq LIMIT 1").get(lastGood) as { seq: number; data: string };
    expect(target).toBeDefined();
    const edited = target.data.replace(/"number":"A(\d+)"/, '"number":"A999"');
    expect(edited).not.toBe(target.data);
    db.prepare('UPDATE events SET data = ? WHERE seq = ?').run(edited, target.seq);
    db.close();

    office = await startTestOffice(officeDir);
    admin = await office.login();
    h = await startHub();
    const view = await eventually(branchView, (b) => b?.status === 'chain_broken', 60_000);
    expect(view.status).toBe('chain_broken');
    // What came before the edited event is kept; nothing from it on.
    expect(view.lastSeq).toBe(target.seq - 1);
    const alerts = (await call(routes.officeAlerts, { token: admin })).body.alerts;
    expect(alerts[0]).toMatchObject({ branchId, kind: 'chain_broken', seq: target.seq });
    expect(alerts[0].message).toContain('its hash does not match its content');
    await eventually(() => h.officeShipper!.state, (s) => s === 'chain_broken', 10_000);
    // The lobby carries on regardless.
    const manager = await h.login('manager');
    expect((await h.api('POST', '/api/tickets', { token: manager, body: { service: 'cash' } })).status).toBe(200);
    // Any further batch is refused with a clear 409, the next sound-looking one included.
    const link = readOfficeLink(dataDir)!;
    const next = eventRowsAfter(h.hub.ledger.db, target.seq, 5);
    const refused = await office.api('POST', '/api/office/ingest', { token: link.credential, body: { timeZone: 'UTC', events: next } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('chain_broken');
    expect(refused.body.error.details.lastSeq).toBe(target.seq - 1);
    expect((await branchView()).lastSeq).toBe(target.seq - 1);

    // An admin resets the chain (audited); the hub's next batch still holds the edited event, so it breaks again.
    expect((await office.api('POST', `/api/office/branches/${branchId}/reset-chain`, { token: admin, body: {} })).status).toBe(400);
    const reset = await call(routes.resetChain, { token: admin, params: { id: branchId }, body: { reason: 'checked with the branch manager' } });
    expect(reset.body).toEqual({ branchId, status: 'active', lastSeq: target.seq - 1 });
    const audit = (await call(routes.officeAudit, { token: admin })).body.entries;
    expect(audit[0]).toMatchObject({ actor: 'hq-admin', action: 'branch.chain_reset', branchId, detail: 'checked with the branch manager' });
    expect(audit.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['branch.created', 'branch.enrolled']));
    const again = await eventually(branchView, (b) => b?.status === 'chain_broken', 30_000);
    expect(again.lastSeq).toBe(target.seq - 1);
    expect((await office.api('POST', `/api/office/branches/${branchId}/reset-chain`, { token: admin, body: { reason: 'x' } })).status).toBe(200);
    expect((await office.api('POST', '/api/office/branches/nope/reset-chain', { token: admin, body: { reason: 'x' } })).status).toBe(404);
  }, LONG);

  it('has checked the answer of every route against its schema', () => {
    // The shared notebook's routes are checked in notebook.test.ts, the reports' routes in office-reports.test.ts,
    // the branch configuration's in config.test.ts, the staff routes in office-staff.test.ts.
    const elsewhere = new Set([
      'POST /api/office/enrol',
      'POST /api/office/notebook/erasures',
      ...[...OFFICE_REPORT_ROUTES, ...OFFICE_STAFF_ROUTES, routes.publishConfig, routes.pullConfig, routes.configStatus].map((r) => `${r.method} ${r.path}`),
    ]);
    expect(OFFICE_ROUTES.map((r) => `${r.method} ${r.path}`).filter((k) => !checked.has(k) && !elsewhere.has(k) && !k.endsWith(' /api/office/notebook'))).toEqual([]);
  });
});

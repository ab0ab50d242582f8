// Issue 16 point 3 end to end: two demo hubs enrolled with a real office (PGlite, or the server
// of ATRIUM_TEST_PG_URL) ship a morning each; the office's daily and monthly reports and each
// branch's live view equal what the hubs say themselves (their daily reports and lobbies) and
// what is recomputed here from the shipped rows; only hq_admin reads them; a bad date is a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as rr from '../../main/common/office/report-routes.js';
import { openSession } from '../../main/office/auth/staff.js';
import { eventRowsAfter } from '../../main/hub/ledger/outbox-reads.js';
import { runCli } from '../support/cli.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';
import { eventually, FAST_LINK as FAST, startTestOffice, type TestOffice } from './support.js';

const LONG = 180_000;
const today = () => new Date().toLocaleDateString('en-CA');

let office: TestOffice;
let admin: string;
const hubs: { id: string; hub: TestHub }[] = [];
/** Minutes the hubs' clock runs behind the office's: tickets issued "earlier" have waited. */
let behind = 0;

async function enrolledHub(name: string): Promise<{ id: string; hub: TestHub }> {
  const created = await office.api('POST', '/api/office/branches', { token: admin, body: { name } });
  const dataDir = tempDir('atrium-report-');
  await (await startTestHub({ dataDir })).close(); // a demo folder, then enrolled while stopped
  const ok = await runCli(['enroll', '--data', dataDir, '--office', office.url, '--code', created.body.enrolmentCode]);
  expect(ok.status, ok.stderr).toBe(0);
  return { id: created.body.branchId, hub: await startTestHub({ dataDir, officeLink: FAST, clock: () => Date.now() - behind * 60_000 }) };
}

/**
 * Tickets issued `ago` minutes before now (oldest first) at counter 1: `served` served (each
 * rated `score` on the pad), one no-show, the rest waiting.
 */
async function morning(h: TestHub, ago: number[], served: number, score: number): Promise<void> {
  const manager = await h.login('manager');
  const teller = await h.login('teller1');
  const pad = await h.device('rating', 'pad at 1', '1');
  // A customer asks the kiosk for help: an open alert at any hour (the waits' alerts depend on
  // the time of day the suite runs), so the live view's alert count is tested against one or more.
  const kiosk = await h.device('kiosk', 'kiosk at the door');
  expect((await h.api('POST', '/api/kiosk/help', { token: kiosk, body: { choice: 'cash' } })).status).toBe(200);
  await h.api('POST', '/api/counters/1/open', { token: teller });
  for (const minutes of ago) {
    behind = minutes;
    expect((await h.api('POST', '/api/tickets', { token: manager, body: { service: 'cash' } })).status).toBe(200);
  }
  behind = 0;
  for (let i = 0; i <= served; i++) {
    const called = await h.api('POST', '/api/counters/1/call-next', { token: teller });
    const { id, number } = called.body.ticket;
    if (i === served) {
      await h.api('POST', `/api/tickets/${id}/no-show`, { token: teller });
      break;
    }
    await h.api('POST', `/api/tickets/${id}/start`, { token: teller });
    await h.api('POST', `/api/tickets/${id}/finish`, { token: teller, body: { tags: [] } });
    expect((await h.api('POST', '/api/ratings', { token: pad, body: { ticket: number, score } })).status).toBe(200);
  }
}

/** The shares recomputed from the hub's own rows: first call − issue, of called tickets. */
function sharesFromRows(h: TestHub) {
  const rows = eventRowsAfter(h.hub.ledger.db, 0, 100_000);
  const issued = new Map<string, number>();
  const waits: number[] = [];
  for (const r of rows) {
    const d = JSON.parse(r.data);
    if (r.type === 'ticket.issued') issued.set(d.ticket.id, d.ticket.issuedAt);
    if (r.type === 'ticket.called' && issued.has(d.ticket)) {
      waits.push((r.at - issued.get(d.ticket)!) / 60_000);
      issued.delete(d.ticket); // the first call ends the wait
    }
  }
  const pct = (k: number) => Math.round((waits.filter((w) => w <= k).length / waits.length) * 1000) / 10;
  return { called: waits.length, within15: pct(15), within30: pct(30) };
}

beforeAll(async () => {
  office = await startTestOffice();
  admin = await office.login();
  hubs.push(await enrolledHub('North Branch'), await enrolledHub('South Branch'));
  // North: waits of 50, 40 and 20 minutes called; 10 and 5 still waiting.
  await morning(hubs[0]!.hub, [50, 40, 20, 10, 5], 2, 5);
  await morning(hubs[1]!.hub, [0, 0, 0, 0], 1, 2);
  for (const { id, hub } of hubs) {
    const lastSeq = () => hub.hub.ledger.lastSeq();
    const view = await eventually(
      async () => (await office.api('GET', '/api/office/branches', { token: admin })).body.branches.find((b: { branchId: string }) => b.branchId === id),
      (b) => b?.lastSeq === lastSeq(),
      60_000,
    );
    expect(view.lastSeq).toBe(lastSeq());
  }
}, LONG);
afterAll(async () => {
  for (const { hub } of hubs) await hub.close();
  await office?.close();
});

describe('cross-branch reports and the live view', () => {
  it("the daily report equals each hub's own daily report and the waits recomputed from its rows", async () => {
    const res = await office.api('GET', `/api/office/reports/daily?date=${today()}`, { token: admin });
    expect(res.status).toBe(200);
    expect(rr.dailyReport.answer.safeParse(res.body).success).toBe(true);
    for (const { id, hub } of hubs) {
      const manager = await hub.login('manager');
      const own = (await hub.api('GET', `/api/reports/daily?date=${today()}`, { token: manager })).body;
      const mine = res.body.branches.find((b: { branchId: string }) => b.branchId === id);
      expect(mine).toMatchObject({ issued: own.totals.issued, served: own.totals.served, noShow: own.totals.noShow, ...sharesFromRows(hub) });
      expect(mine.satisfaction).toEqual({ count: own.ratings.total.ratings, mean: own.ratings.total.avgRating });
    }
    const [north, south] = hubs.map(({ id }) => res.body.branches.find((b: { branchId: string }) => b.branchId === id));
    expect(north).toMatchObject({ issued: 5, served: 2, noShow: 1, called: 3, within15: 0, within30: 33.3, satisfaction: { count: 2, mean: 5 } });
    expect(south).toMatchObject({ issued: 4, served: 1, noShow: 1, called: 2, within15: 100, within30: 100, satisfaction: { count: 1, mean: 2 } });
    // Nothing happened the day before.
    const before = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA');
    const empty = await office.api('GET', `/api/office/reports/daily?date=${before}`, { token: admin });
    expect(empty.body.branches.map((b: { issued: number }) => b.issued)).toEqual([0, 0]);
  }, LONG);

  it('the monthly report holds the day', async () => {
    const month = today().slice(0, 7);
    const res = await office.api('GET', `/api/office/reports/monthly?month=${month}`, { token: admin });
    expect(res.status).toBe(200);
    expect(rr.monthlyReport.answer.safeParse(res.body).success).toBe(true);
    expect(res.body.period).toBe(month);
    expect(res.body.branches.map((b: { issued: number; served: number }) => [b.issued, b.served])).toEqual([[5, 2], [4, 1]]);
  }, LONG);

  it("a branch's live view equals its lobby: waiting, counters open, the longest wait", async () => {
    for (const { id, hub } of hubs) {
      const manager = await hub.login('manager');
      const lobby = (await hub.api('GET', '/api/lobby', { token: manager })).body;
      const queues = lobby.queues as { waiting: number; longestWaitMinutes: number }[];
      const alerts = (await hub.api('GET', '/api/alerts', { token: manager })).body.alerts as { acknowledgedAt: unknown; resolvedAt: unknown }[];
      const openAlerts = alerts.filter((a) => a.acknowledgedAt === null && a.resolvedAt === null).length;
      const open = (lobby.counters as { status: string }[]).filter((c) => c.status !== 'closed').length;
      const res = await office.api('GET', `/api/office/branches/${id}/live`, { token: admin });
      expect(res.status).toBe(200);
      expect(rr.branchLive.answer.safeParse(res.body).success).toBe(true);
      expect(open).toBe(1);
      expect(openAlerts).toBeGreaterThan(0); // the kiosk's call for help at least (morning()): the count is tested, not zero against zero
      expect(res.body).toMatchObject({ branchId: id, waiting: queues.reduce((a, q) => a + q.waiting, 0), countersOpen: open, openAlerts, openingChecklist: { signed: false, beforeFirstTicket: false } });
      // The hub rounds its lobby's minutes; the office gives tenths.
      expect(Math.abs(res.body.longestWaitMinutes - Math.max(...queues.map((q) => q.longestWaitMinutes)))).toBeLessThanOrEqual(1);
    }
    const north = (await office.api('GET', `/api/office/branches/${hubs[0]!.id}/live`, { token: admin })).body;
    expect(north.longestWaitMinutes).toBeGreaterThanOrEqual(10);
    expect(north.longestWaitMinutes).toBeLessThan(12);
  }, LONG);

  it('hq_admin reads them all, a regional manager only theirs; impossible dates and unknown branches are refused in the error shape', async () => {
    const enrolled = await office.api('POST', '/api/office/branches', { token: admin, body: { name: 'Spare' } });
    const branch = (await office.api('POST', '/api/office/enrol', { body: { code: enrolled.body.enrolmentCode } })).body.credential;
    // A regional manager with no branches (a row made by hand: the staff routes require one)
    // reads empty reports and is 403 on any branch's live view (tests/office/office-staff.test.ts).
    await office.sql.query("INSERT INTO office_staff (staff_id, role, pin_hash) VALUES ('rm-east', 'regional_manager', 'x')");
    const regional = await openSession(office.sql, { staffId: 'rm-east', role: 'regional_manager' }, Date.now());
    for (const url of [`/api/office/reports/daily?date=${today()}`, `/api/office/reports/monthly?month=${today().slice(0, 7)}`, `/api/office/branches/${hubs[0]!.id}/live`]) {
      expect((await office.api('GET', url, { token: branch })).status).toBe(403);
      const asRegional = await office.api('GET', url, { token: regional });
      if (url.endsWith('/live')) expect(asRegional.body.error.code).toBe('not_your_branch');
      else expect(asRegional.body.branches).toEqual([]);
      expect((await office.api('GET', url)).status).toBe(401);
    }
    for (const url of ['/api/office/reports/daily?date=2026-02-30', '/api/office/reports/daily', '/api/office/reports/monthly?month=2026-13', '/api/office/reports/daily?date=2026-02-01&x=1']) {
      const res = await office.api('GET', url, { token: admin });
      expect(res.status, url).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', message: expect.any(String) });
    }
    const unknown = await office.api('GET', '/api/office/branches/nope/live', { token: admin });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('unknown_branch');
  }, LONG);
});

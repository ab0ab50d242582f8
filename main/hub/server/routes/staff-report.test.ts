// Teller figures over HTTP on a real hub: a day at two counters with a controlled clock, then
// who reads what. The manager and supervisor see every teller; a teller sees their own row and
// nothing of another's, in JSON and in CSV, by day and by month, however they ask; the daily
// report stays closed to tellers; an impossible date is a 400 with a code and a sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../../tests/support/hub.js';

const DATE = '2026-06-09';
let now = new Date(2026, 5, 9, 8, 30).getTime();
const at = (h: number, m: number) => (now = new Date(2026, 5, 9, h, m).getTime());
let hub: TestHub;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now, options: { staffIdleMinutes: 24 * 60 } });
  for (const id of ['manager', 'supervisor', 'admin', 'teller1', 'teller2', 'teller3']) tokens[id] = await hub.login(id);
  const kiosk = await hub.device('kiosk');
  const move = (who: string, id: string, m: string, body: unknown = {}) => hub.api('POST', `/api/tickets/${id}/${m}`, { token: tokens[who], body });
  const call = async (who: string, counter: string) => (await hub.api('POST', `/api/counters/${counter}/call-next`, { token: tokens[who] })).body.ticket;
  const issue = async (service: string) => (await hub.api('POST', '/api/tickets', { token: kiosk, body: { service } })).body.ticket;

  at(8, 50);
  await hub.api('POST', '/api/counters/1/open', { token: tokens.teller1 });
  await hub.api('POST', '/api/counters/2/open', { token: tokens.teller2 });
  at(9, 0);
  await issue('cash');
  await issue('cash');
  at(9, 2);
  const a = await call('teller1', '1');
  at(9, 4);
  await move('teller1', a.id, 'start');
  const b = await call('teller2', '2');
  at(9, 14);
  await move('teller1', a.id, 'finish');
  at(9, 15);
  await move('teller2', b.id, 'recall');
  at(9, 17);
  await move('teller2', b.id, 'no-show');
  at(11, 30);
  await hub.api('POST', '/api/counters/2/pause', { token: tokens.teller2, body: { reason: 'lunch' } });
  at(12, 30);
  await hub.api('POST', '/api/counters/2/resume', { token: tokens.teller2 });
  at(17, 0);
  for (const c of ['1', '2']) await hub.api('POST', `/api/counters/${c}/close`, { token: tokens.manager });
});
afterAll(() => hub.close());

const get = (who: string, url: string) => hub.api('GET', url, { token: tokens[who] });
const ids = (rows: { staffId: string }[]) => rows.map((r) => r.staffId);

describe('teller figures over HTTP', () => {
  it('the manager and the supervisor see every teller who worked a counter, with the figures of the day', async () => {
    for (const who of ['manager', 'supervisor']) {
      const res = await get(who, `/api/reports/staff?date=${DATE}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ date: DATE, month: null });
      expect(ids(res.body.staff)).toEqual(['teller1', 'teller2']);
    }
    const { staff } = (await get('manager', `/api/reports/staff?date=${DATE}`)).body;
    expect(staff[0]).toMatchObject({ staffId: 'teller1', counters: ['1'], served: 1, avgServiceMinutes: 10, walkMinutes: 2, recalls: 0, noShows: 0, ratings: 0, avgRating: null });
    expect(staff[1]).toMatchObject({ staffId: 'teller2', counters: ['2'], served: 0, recalls: 1, noShows: 1, pauseMinutes: 60 });
    expect(staff[1].pauseByReason).toEqual({ lunch: 60, cash_replenishment: 0, meeting: 0, other: 0 });
    // The daily and monthly reports carry the same rows for their readers.
    expect((await get('supervisor', `/api/reports/daily?date=${DATE}`)).body.staff).toEqual(staff);
    expect((await get('supervisor', '/api/reports/monthly?month=2026-06')).body.staff).toEqual(staff);
  });

  it('a teller sees only their own row, by day and by month, in JSON and CSV', async () => {
    const day = await get('teller1', `/api/reports/staff?date=${DATE}`);
    expect(day.status).toBe(200);
    expect(ids(day.body.staff)).toEqual(['teller1']);
    const month = await get('teller2', '/api/reports/staff?month=2026-06');
    expect(month.body).toMatchObject({ date: null, month: '2026-06' });
    expect(ids(month.body.staff)).toEqual(['teller2']);
    // A teller who worked no counter that day gets no row at all, not someone else's.
    expect((await get('teller3', `/api/reports/staff?date=${DATE}`)).body.staff).toEqual([]);

    const csv = await get('teller1', `/api/reports/staff.csv?date=${DATE}`);
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text).toContain(`${DATE},teller1,1,1,10,2`);
    expect(text).not.toContain('teller2');
  });

  it("another teller's figures never leak: no query asks for them, and the daily report stays closed", async () => {
    for (const url of [`/api/reports/staff?date=${DATE}&staffId=teller2`, `/api/reports/staff?date=${DATE}&month=2026-06`]) {
      const res = await get('teller1', url);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).not.toContain('"served"');
    }
    for (const url of [`/api/reports/daily?date=${DATE}`, `/api/reports/daily.csv?date=${DATE}`, '/api/reports/monthly?month=2026-06', '/api/reports/monthly.csv?month=2026-06']) {
      expect((await get('teller1', url)).status).toBe(403);
    }
    const device = await hub.device('counter');
    expect((await hub.api('GET', `/api/reports/staff?date=${DATE}`, { token: device })).status).toBe(403);
    expect((await hub.api('GET', `/api/reports/staff?date=${DATE}`, { token: null })).status).toBe(401);
  });

  it('an impossible date or month, or neither, is 400 with a code and a sentence', async () => {
    for (const q of ['date=2026-02-30', 'date=2026-13-01', 'date=yesterday', 'month=2026-13', 'month=2026-6', '']) {
      const res = await get('manager', `/api/reports/staff?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.message.length).toBeGreaterThan(10);
    }
    expect((await get('manager', '/api/reports/staff')).body.error.message).toContain('date=YYYY-MM-DD or month=YYYY-MM');
    expect((await get('teller1', '/api/reports/staff.csv?date=2026-02-30')).status).toBe(400);
  });
});

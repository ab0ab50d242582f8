// The satisfaction pad through a real hub: pads paired to counters 1 and 2, a teller finishing
// at counter 1, what each pad is told, and who may rate what, when and how often.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';

let hub: TestHub;
let now = Date.parse('2026-03-02T02:00:00Z');
const tokens = {} as Record<'admin' | 'manager' | 'teller1' | 'kiosk' | 'display' | 'pad1' | 'pad2', string>;

async function ok<T = any>(method: string, url: string, token: string, body?: unknown): Promise<T> {
  const res = await hub.api(method, url, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** A ticket issued at the kiosk, called, served and finished at counter 1; its number. */
async function serveAtCounter1(): Promise<string> {
  await ok('POST', '/api/tickets', tokens.kiosk, { service: 'cash' });
  const t = (await ok('POST', '/api/counters/1/call-next', tokens.teller1)).ticket;
  await ok('POST', `/api/tickets/${t.id}/start`, tokens.teller1);
  await ok('POST', `/api/tickets/${t.id}/finish`, tokens.teller1);
  return t.number as string;
}

const rate = (token: string, body: unknown) => hub.api('POST', '/api/ratings', { token, body });
const ratingEvents = () => hub.hub.ledger.readEventsOfType('rating.');

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now });
  tokens.admin = await hub.login('admin');
  tokens.manager = await hub.login('manager');
  tokens.teller1 = await hub.login('teller1');
  tokens.kiosk = await hub.device('kiosk');
  tokens.display = await hub.device('display');
  tokens.pad1 = await hub.device('rating', 'pad at 1', '1');
  tokens.pad2 = await hub.device('rating', 'pad at 2', '2');
  await ok('POST', '/api/counters/1/open', tokens.teller1);
});
afterAll(() => hub.close());

describe('pairing a satisfaction pad', () => {
  it('needs the counter, an existing one, and only for a pad (400, nothing written)', async () => {
    const before = hub.hub.lastSeq();
    for (const body of [{ role: 'rating', name: 'pad' }, { role: 'kiosk', name: 'kiosk', counter: '1' }, { role: 'rating', name: 'pad', counter: '' }]) {
      const res = await hub.api('POST', '/api/devices', { token: tokens.admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', message: expect.any(String) });
    }
    const unknown = await hub.api('POST', '/api/devices', { token: tokens.admin, body: { role: 'rating', name: 'pad', counter: '99' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_counter');
    expect(hub.hub.lastSeq()).toBe(before);
  });

  it('gives the pad no lobby: GET /api/lobby 403, the live feed refused on its socket', async () => {
    expect((await hub.api('GET', '/api/lobby', { token: tokens.pad1 })).status).toBe(403);
    const socket = new WebSocket(hub.url.replace('http', 'ws') + '/api/live');
    const first = await new Promise<any>((resolve) => {
      socket.on('open', () => socket.send(JSON.stringify({ token: tokens.pad1 })));
      socket.on('message', (raw) => resolve(JSON.parse(raw.toString())));
    });
    socket.close();
    expect(first).toMatchObject({ type: 'error', error: { code: 'forbidden' } });
  });

  it('lists the pad with its counter for the admin', async () => {
    const { devices } = await ok('GET', '/api/devices', tokens.admin);
    expect(devices.filter((d: any) => d.role === 'rating').map((d: any) => [d.name, d.counter])).toEqual([['pad at 1', '1'], ['pad at 2', '2']]);
    expect(devices.find((d: any) => d.role === 'kiosk').counter).toBeNull();
  });
});

describe('the pad at a counter', () => {
  let number = '';

  it('shows the counter and its teller (工号 and name), and asks nothing before a finish', async () => {
    expect(await ok('GET', '/api/rating/current', tokens.pad1)).toEqual({ counter: '1', teller: { staffId: 'teller1', name: expect.any(String) }, ask: null });
    expect(await ok('GET', '/api/rating/current', tokens.pad2)).toEqual({ counter: '2', teller: null, ask: null });
  });

  it('asks after a finish at its counter, by the ticket\'s number; the other counter\'s pad does not', async () => {
    number = await serveAtCounter1();
    const current = await ok('GET', '/api/rating/current', tokens.pad1);
    expect(current.ask).toEqual({ ticket: number, finishedAt: new Date(now).toISOString() });
    expect(JSON.stringify(current)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect((await ok('GET', '/api/rating/current', tokens.pad2)).ask).toBeNull();
  });

  it('refuses a bad body with 400 and a code, writing nothing', async () => {
    const before = hub.hub.lastSeq();
    for (const body of [{ ticket: number, score: 6 }, { ticket: number }, { ticket: number, score: 4, reasons: ['attitude'] }, { ticket: number, score: 1, reasons: ['rude'] }, { ticket: number, score: 5, extra: 1 }]) {
      const res = await rate(tokens.pad1, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', message: expect.any(String) });
    }
    expect(hub.hub.lastSeq()).toBe(before);
  });

  it('refuses another counter\'s pad (403 not_this_counter) and every other role (403 forbidden)', async () => {
    const other = await rate(tokens.pad2, { ticket: number, score: 5 });
    expect([other.status, other.body.error.code]).toEqual([403, 'not_this_counter']);
    for (const who of ['admin', 'manager', 'teller1', 'kiosk', 'display'] as const) {
      const res = await rate(tokens[who], { ticket: number, score: 5 });
      expect([who, res.status, res.body.error.code]).toEqual([who, 403, 'forbidden']);
      expect((await hub.api('GET', '/api/rating/current', { token: tokens[who] })).status).toBe(403);
    }
    expect(ratingEvents()).toEqual([]);
  });

  it('records a low rating once, as rating.recorded, with a low_rating alert for the manager', async () => {
    now += 2 * 60_000;
    expect(await ok('POST', '/api/ratings', tokens.pad1, { ticket: number, score: 1, reasons: ['long_wait', 'attitude'] })).toEqual({ recorded: true });
    expect(ratingEvents()).toEqual([
      expect.objectContaining({ type: 'rating.recorded', number, counter: '1', staffId: 'teller1', service: 'cash', score: 1, reasons: ['long_wait', 'attitude'] }),
    ]);
    const alert = (await ok('GET', '/api/alerts', tokens.manager)).alerts.find((a: any) => a.kind === 'low_rating');
    expect(alert).toMatchObject({ ticket: number, counter: '1', details: { score: 1, reasons: 'long_wait,attitude', staffId: 'teller1' } });
    const again = await rate(tokens.pad1, { ticket: number, score: 5 });
    expect([again.status, again.body.error.code]).toEqual([409, 'already_rated']);
    expect(ratingEvents()).toHaveLength(1);
    // Rated: the pad goes back to its counter's card.
    expect((await ok('GET', '/api/rating/current', tokens.pad1)).ask).toBeNull();
  });

  it('stops asking and refuses a rating more than 5 minutes after the finish (409 rating_closed)', async () => {
    const late = await serveAtCounter1();
    now += 5 * 60_000 + 1;
    expect((await ok('GET', '/api/rating/current', tokens.pad1)).ask).toBeNull();
    const res = await rate(tokens.pad1, { ticket: late, score: 4 });
    expect([res.status, res.body.error.code]).toEqual([409, 'rating_closed']);
  });

  it('a satisfied customer raises no alert; the daily report counts per teller and per service', async () => {
    const good = await serveAtCounter1();
    await ok('POST', '/api/ratings', tokens.pad1, { ticket: good, score: 5 });
    const alerts = (await ok('GET', '/api/alerts', tokens.manager)).alerts.filter((a: any) => a.kind === 'low_rating');
    expect(alerts).toHaveLength(1);
    const report = await ok('GET', `/api/reports/daily?date=${hub.hub.state.day!.date}`, tokens.manager);
    expect(report.ratings.byStaff).toEqual([{ staffId: 'teller1', ratings: 2, avgRating: 3, satisfiedShare: 50 }]);
    expect(report.ratings.byService).toEqual([{ service: 'cash', ratings: 2, avgRating: 3, satisfiedShare: 50 }]);
    expect(report.ratings.reasons).toEqual([{ reason: 'long_wait', count: 1 }, { reason: 'attitude', count: 1 }]);
    const month = await ok('GET', `/api/reports/monthly?month=${hub.hub.state.day!.date.slice(0, 7)}`, tokens.manager);
    expect(month.ratings.total).toEqual({ ratings: 2, avgRating: 3, satisfiedShare: 50 });
    // The teller figures carry the same ratings, by the teller the pad showed.
    const staff = await ok('GET', `/api/reports/staff?date=${hub.hub.state.day!.date}`, tokens.manager);
    expect(staff.staff.find((r: any) => r.staffId === 'teller1')).toMatchObject({ ratings: 2, avgRating: 3 });
    const monthStaff = await ok('GET', `/api/reports/staff?month=${hub.hub.state.day!.date.slice(0, 7)}`, tokens.manager);
    expect(monthStaff.staff.find((r: any) => r.staffId === 'teller1')).toMatchObject({ ratings: 2, avgRating: 3 });
  });
});

// Older customers against a real hub (issue 14, point 2): the ID-card check-in gives priority
// elderly from the birth date, and the ID number is nowhere afterwards (not in the SQLite
// file, its WAL or the log); the setting; dispatch under each rank; the manager's list and the
// near-turn alert; the reports.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../../tests/support/hub.js';
import { residentIdCheckChar } from '../../../common/resident-id.js';

// A Monday, 10:00 local time; the clock moves only when a test moves it.
let now = new Date(2026, 2, 9, 10, 0).getTime();
const TODAY = '20260309';
const MIN = 60_000;

/** A valid number of someone born on `yyyymmdd` (region 110105, sequence `seq`). */
const idOf = (yyyymmdd: string, seq = '123') => `110105${yyyymmdd}${seq}${residentIdCheckChar(`110105${yyyymmdd}${seq}`)}`;
const OLD = idOf('19500307'); // 76
const YOUNG = idOf('20020101'); // 24
const SIXTY_TODAY = idOf(`1966${TODAY.slice(4)}`, '456');
const SIXTY_TOMORROW = idOf('19660310', '789');
const BAD_CHECK = OLD.slice(0, 17) + (OLD[17] === '1' ? '2' : '1');
/** Every number the tests send: none may be found anywhere after. */
const SENT = [OLD, YOUNG, SIXTY_TODAY, SIXTY_TOMORROW, BAD_CHECK, idOf('19800230', '001'), idOf('20991231', '001')];

let hub: TestHub;
let log = '';
let kiosk: string;
let manager: string;
let admin: string;
let teller: string;

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk) => (log += chunk.toString()));
  hub = await startTestHub({ clock: () => now, logger: true, logStream: stream });
  kiosk = await hub.device('kiosk');
  manager = await hub.login('manager');
  admin = await hub.login('admin');
  teller = await hub.login('teller1');
});
afterAll(() => hub.close());

const checkIn = (body: unknown, token = kiosk) => hub.api('POST', '/api/kiosk/check-in/id-card', { token, body });
const waiting = () => Object.values(hub.hub.state.tickets).filter((t) => t.status === 'waiting');

/** Cancels every waiting ticket, so each test's queue is its own. */
async function emptyQueue(): Promise<void> {
  for (const t of waiting()) expect((await hub.api('POST', `/api/tickets/${t.id}/cancel`, { token: manager })).status).toBe(200);
}

describe('POST /api/kiosk/check-in/id-card', () => {
  it('gives an older customer priority elderly, with the choice on ticket.issued', async () => {
    const seq = hub.hub.lastSeq();
    const res = await checkIn({ idNumber: OLD, service: 'cash', choice: 'cash' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ elderly: true, ticket: { priority: 'elderly', service: 'cash', status: 'waiting', estimate: expect.anything() } });
    const issued = hub.hub.ledger.readEvents(seq + 1).filter((e) => e.type === 'ticket.issued');
    expect(issued).toEqual([expect.objectContaining({ choice: 'cash', ticket: expect.objectContaining({ id: res.body.ticket.id, priority: 'elderly' }) })]);
  });

  it('gives a younger customer a normal ticket; elderly false', async () => {
    const res = await checkIn({ idNumber: YOUNG, service: 'A' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ elderly: false, ticket: { priority: 'normal', service: 'cash' } });
  });

  it('counts age at the hub\'s date: 60 today is elderly, 60 tomorrow is not', async () => {
    expect((await checkIn({ idNumber: SIXTY_TODAY, service: 'cash' })).body.ticket.priority).toBe('elderly');
    expect((await checkIn({ idNumber: SIXTY_TOMORROW, service: 'cash' })).body.ticket.priority).toBe('normal');
  });

  it.each([
    ['a wrong check character', BAD_CHECK],
    ['30 February', idOf('19800230', '001')],
    ['a birth date after today', idOf('20991231', '001')],
    ['15 digits', '110105500307123'],
    ['letters', '11010519500307123A'],
    ['nothing', ''],
  ])('refuses %s with 400 invalid_id_number, issuing nothing and not repeating the number', async (_what, idNumber) => {
    const seq = hub.hub.lastSeq();
    const tickets = Object.keys(hub.hub.state.tickets).length;
    const res = await checkIn({ idNumber, service: 'cash' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'invalid_id_number', message: expect.any(String) } });
    if (idNumber) expect(JSON.stringify(res.body)).not.toContain(idNumber);
    expect(hub.hub.lastSeq()).toBe(seq);
    expect(Object.keys(hub.hub.state.tickets)).toHaveLength(tickets);
  });

  it.each([
    ['an unknown choice', { choice: 'lottery' }, 'unknown_choice'],
    ["a choice of another service (transfer is non-cash)", { choice: 'transfer' }, 'choice_service_mismatch'],
    ['a self-service choice', { choice: 'self_service' }, 'choice_service_mismatch'],
    ['an unknown service', { service: 'loans' }, 'unknown_service'],
  ])('refuses %s with 400, writing nothing', async (_what, extra, code) => {
    const seq = hub.hub.lastSeq();
    const res = await checkIn({ idNumber: OLD, service: 'cash', ...extra });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(JSON.stringify(res.body)).not.toContain(OLD);
    expect(hub.hub.lastSeq()).toBe(seq);
  });

  it("refuses every other role's token (403) and no token (401), writing nothing", async () => {
    const seq = hub.hub.lastSeq();
    const others = [teller, admin, await hub.login('supervisor'), await hub.device('display'), await hub.device('counter'), await hub.device('rating', 'pad', '1')];
    const since = hub.hub.lastSeq(); // the sign-ins and pairings above are events of their own
    for (const token of others) {
      const res = await checkIn({ idNumber: OLD, service: 'cash' }, token);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await hub.api('POST', '/api/kiosk/check-in/id-card', { body: { idNumber: OLD, service: 'cash' } })).status).toBe(401);
    expect(hub.hub.lastSeq()).toBe(since);
    expect(hub.hub.ledger.readEvents(seq + 1).filter((e) => e.type === 'ticket.issued')).toEqual([]);
    // The lobby manager may check a customer in, as with a VIP card.
    expect((await checkIn({ idNumber: OLD, service: 'cash' }, manager)).body.ticket.priority).toBe('elderly');
  });

  it('hands an older customer\'s fraud-prompt choice to the anti-fraud watch: fraud_watch and the staff-only flag', async () => {
    const watches = () => hub.alerts.list().filter((a) => a.kind === 'fraud_watch');
    const before = watches().length;
    // A younger customer taking the same choice, and an older one taking a choice without a prompt: no watch.
    const young = await checkIn({ idNumber: YOUNG, service: 'noncash', choice: 'transfer' });
    const plain = await checkIn({ idNumber: OLD, service: 'cash', choice: 'cash' });
    expect(watches().length).toBe(before);
    const old = await checkIn({ idNumber: OLD, service: 'noncash', choice: 'transfer' });
    expect(old.status).toBe(200);
    // The kiosk's own answer never carries the flag; staff reading the ticket see it.
    expect(old.body.ticket).not.toHaveProperty('fraudWatch');
    expect(watches().map((a) => a.ticket)).toContain(old.body.ticket.number);
    expect(watches().length).toBe(before + 1);
    const read = async (id: string) => (await hub.api('GET', `/api/tickets/${id}`, { token: manager })).body.ticket.fraudWatch;
    expect(await read(old.body.ticket.id)).toBe(true);
    expect(await read(young.body.ticket.id)).toBe(false);
    expect(await read(plain.body.ticket.id)).toBe(false);
  });
});

describe('choice on POST /api/tickets', () => {
  it('is recorded on ticket.issued, and refused when unknown or of another service', async () => {
    const seq = hub.hub.lastSeq();
    const ok = await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'noncash', choice: 'transfer' } });
    expect(ok.status).toBe(200);
    expect(hub.hub.ledger.readEvents(seq + 1).find((e) => e.type === 'ticket.issued')).toMatchObject({ choice: 'transfer' });
    const before = hub.hub.lastSeq();
    expect((await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash', choice: 'nope' } })).body.error.code).toBe('unknown_choice');
    expect((await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash', choice: 'transfer' } })).body.error.code).toBe('choice_service_mismatch');
    expect(hub.hub.lastSeq()).toBe(before);
    // A kiosk still issues normal tickets only: elderly comes from the ID card.
    expect((await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash', priority: 'elderly' } })).status).toBe(403);
  });
});

describe('the ID number is kept nowhere', () => {
  it('is not in the SQLite file, its WAL, nor the log; not even as a SHA-256', async () => {
    // Let the logger's stream flush.
    await new Promise((r) => setTimeout(r, 100));
    const files = ['atrium.db', 'atrium.db-wal', 'atrium.db-shm'].map((f) => path.join(hub.dataDir, f));
    const dbFile = hub.hub.ledger.db.name;
    const candidates = [...new Set([...files, dbFile, `${dbFile}-wal`])].filter((f) => existsSync(f));
    expect(candidates).toContain(dbFile);
    expect(candidates).toContain(`${dbFile}-wal`);
    const bytes = candidates.map((f) => readFileSync(f).toString('latin1')).join('\n');
    expect(log.length).toBeGreaterThan(0);
    expect(log).toContain('/api/kiosk/check-in/id-card');
    for (const id of SENT) {
      const sha = createHash('sha256').update(id).digest('hex');
      for (const needle of [id, id.slice(0, 17), sha]) {
        expect(bytes.includes(needle), `${needle} in the database files`).toBe(false);
        expect(log.includes(needle), `${needle} in the log`).toBe(false);
      }
    }
  });
});

describe('GET and PUT /api/settings/elderly', () => {
  it('are 60 and below_vip by default, readable by manager and supervisor, set by the admin only', async () => {
    expect((await hub.api('GET', '/api/settings/elderly', { token: manager })).body).toEqual({ age: 60, rank: 'below_vip' });
    expect((await hub.api('GET', '/api/settings/elderly', { token: teller })).status).toBe(403);
    const seq = hub.hub.lastSeq();
    expect((await hub.api('PUT', '/api/settings/elderly', { token: manager, body: { age: 65, rank: 'above_vip' } })).status).toBe(403);
    for (const body of [{ age: 49, rank: 'below_vip' }, { age: 81, rank: 'below_vip' }, { age: 60.5, rank: 'below_vip' }, { age: 60, rank: 'first' }, { age: 60 }, { age: 60, rank: 'normal', x: 1 }]) {
      const res = await hub.api('PUT', '/api/settings/elderly', { token: admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect(hub.hub.lastSeq()).toBe(seq);
  });

  it("records the admin's change (settings.changed and config.set) and the next check-in obeys the age", async () => {
    const seq = hub.hub.lastSeq();
    const res = await hub.api('PUT', '/api/settings/elderly', { token: admin, body: { age: 80, rank: 'above_vip' } });
    expect(res.body).toEqual({ age: 80, rank: 'above_vip' });
    expect(hub.hub.ledger.readEvents(seq + 1)).toEqual([
      expect.objectContaining({ type: 'settings.changed', key: 'elderly.age', value: '80', actor: 'admin' }),
      expect.objectContaining({ type: 'config.set', config: expect.objectContaining({ elderlyRank: 'above_vip' }), actor: 'admin' }),
    ]);
    // 76 is no longer old enough.
    expect((await checkIn({ idNumber: OLD, service: 'cash' })).body).toMatchObject({ elderly: false, ticket: { priority: 'normal' } });
    await hub.api('PUT', '/api/settings/elderly', { token: admin, body: { age: 60, rank: 'below_vip' } });
    expect((await hub.api('GET', '/api/settings/elderly', { token: admin })).body).toEqual({ age: 60, rank: 'below_vip' });
  });
});

describe('dispatch', () => {
  beforeAll(async () => {
    await emptyQueue();
    // Counter 1 serves the VIP service too, so one counter's calls show the whole order.
    expect((await hub.api('PUT', '/api/counters/1/services', { token: manager, body: { services: ['cash', 'noncash', 'vip'] } })).status).toBe(200);
    expect((await hub.api('POST', '/api/counters/1/open', { token: teller })).status).toBe(200);
  });

  /** Calls, starts and finishes at counter 1 until nothing waits; the priorities in call order. */
  async function callAll(): Promise<string[]> {
    const out: string[] = [];
    for (;;) {
      const called = await hub.api('POST', '/api/counters/1/call-next', { token: teller });
      if (called.status === 204) return out;
      out.push(called.body.ticket.priority);
      await hub.api('POST', `/api/tickets/${called.body.ticket.id}/start`, { token: teller });
      await hub.api('POST', `/api/tickets/${called.body.ticket.id}/finish`, { token: teller, body: {} });
    }
  }

  it.each([
    ['below_vip', ['vip', 'elderly', 'normal']],
    ['above_vip', ['elderly', 'vip', 'normal']],
    ['normal', ['vip', 'normal', 'elderly']],
  ])('calls elderly by the rank %s', async (rank, order) => {
    expect((await hub.api('PUT', '/api/settings/elderly', { token: admin, body: { age: 60, rank } })).status).toBe(200);
    now += MIN;
    expect((await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash' } })).status).toBe(200);
    now += MIN;
    expect((await checkIn({ idNumber: OLD, service: 'cash' })).body.ticket.priority).toBe('elderly');
    now += MIN;
    expect((await hub.api('POST', '/api/tickets', { token: manager, body: { service: 'vip', priority: 'vip' } })).status).toBe(200);
    now += MIN;
    expect(await callAll()).toEqual(order);
  });

  afterAll(async () => {
    await hub.api('PUT', '/api/settings/elderly', { token: admin, body: { age: 60, rank: 'below_vip' } });
  });
});

describe('the waiting older customers and the near-turn alert', () => {
  const nearTurnAlerts = (ticketId: string) => hub.alerts.list().filter((a) => a.key === `elderly_near_turn:${ticketId}`);
  const callNext = async () => {
    const called = await hub.api('POST', '/api/counters/1/call-next', { token: teller });
    expect(called.status).toBe(200);
    await hub.api('POST', `/api/tickets/${called.body.ticket.id}/start`, { token: teller });
    await hub.api('POST', `/api/tickets/${called.body.ticket.id}/finish`, { token: teller, body: {} });
    return called.body.ticket as { id: string; number: string };
  };

  it('lists them with the people ahead; raises once at 3 ahead; clears when called', async () => {
    await emptyQueue();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      now += MIN;
      ids.push((await checkIn({ idNumber: OLD, service: 'cash' })).body.ticket.id);
    }
    const last = ids[4]!;
    const list = await hub.api('GET', '/api/lobby/elderly', { token: manager });
    expect(list.status).toBe(200);
    expect(list.body.waiting.map((w: { ahead: number; nearTurn: boolean }) => [w.ahead, w.nearTurn])).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(list.body.waiting[4]).toEqual({ ticket: hub.hub.state.tickets[last]!.number, service: 'cash', ahead: 4, issuedAt: new Date(now).toISOString(), nearTurn: false });
    expect((await hub.api('GET', '/api/lobby/elderly', { token: teller })).status).toBe(403);
    expect((await hub.api('GET', '/api/lobby/elderly', { token: kiosk })).status).toBe(403);
    expect(nearTurnAlerts(last)).toEqual([]);

    // The first is called: the last is now 3 from being called.
    const first = await callNext();
    expect(nearTurnAlerts(first.id).every((a) => a.resolvedAt !== null)).toBe(true);
    expect(nearTurnAlerts(last)).toEqual([
      expect.objectContaining({ kind: 'elderly_near_turn', ticket: hub.hub.state.tickets[last]!.number, details: { service: 'cash', ahead: 3 }, resolvedAt: null }),
    ]);

    // A green-channel customer goes ahead (4 again), then the line moves on: still one alert.
    const green = await hub.api('POST', '/api/tickets', { token: manager, body: { service: 'cash', priority: 'green' } });
    expect(green.body.ticket.priority).toBe('green');
    expect((await hub.api('GET', '/api/lobby/elderly', { token: manager })).body.waiting.at(-1)).toMatchObject({ ahead: 4, nearTurn: false });
    for (let i = 0; i < 4; i++) await callNext();
    expect(nearTurnAlerts(last)).toHaveLength(1);
    expect(nearTurnAlerts(last)[0]!.resolvedAt).toBeNull();

    // Called: the alert is resolved.
    expect((await callNext()).id).toBe(last);
    expect(nearTurnAlerts(last)).toHaveLength(1);
    expect(nearTurnAlerts(last)[0]!.resolvedAt).not.toBeNull();
    expect((await hub.api('GET', '/api/lobby/elderly', { token: manager })).body).toEqual({ waiting: [] });
  });
});

describe('the reports', () => {
  it("count older customers' tickets, served and wait, and keep them out of the self-service figure", async () => {
    const date = `${TODAY.slice(0, 4)}-${TODAY.slice(4, 6)}-${TODAY.slice(6)}`;
    const daily = await hub.api('GET', `/api/reports/daily?date=${date}`, { token: manager });
    expect(daily.status).toBe(200);
    const elderly = Object.values(hub.hub.state.tickets).filter((t) => t.priority === 'elderly');
    const called = elderly.filter((t) => t.calledAt !== null);
    expect(elderly.length).toBeGreaterThan(5);
    expect(called.length).toBeGreaterThan(3);
    const avg = Math.round((called.reduce((a, t) => a + (t.calledAt! - t.issuedAt) / MIN, 0) / called.length) * 10) / 10;
    expect(daily.body.elderly).toEqual({ tickets: elderly.length, served: elderly.filter((t) => t.status === 'done').length, avgWaitMinutes: avg });
    // Many older customers served at counters, no one sent to self-service: the figure is 0.
    expect(daily.body.totals.selfServiceTriage).toBe(0);
    expect((await hub.api('POST', '/api/kiosk/self-service', { token: kiosk, body: { choice: 'self_service' } })).status).toBe(200);
    expect((await hub.api('GET', `/api/reports/daily?date=${date}`, { token: manager })).body.totals.selfServiceTriage).toBe(1);
    const monthly = await hub.api('GET', `/api/reports/monthly?month=${date.slice(0, 7)}`, { token: manager });
    expect(monthly.body.elderly).toEqual(daily.body.elderly);
    const csv = await hub.api('GET', `/api/reports/daily.csv?date=${date}`, { token: manager });
    expect(csv.body).toContain(`老年客户取号 older customers' tickets,${elderly.length}`);
  });
});

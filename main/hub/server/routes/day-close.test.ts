// The business day from the manager console, over real HTTP and SQLite (issue 13): the close
// refuses while customers are at counters, naming the counters, and changes nothing; finishing
// them closes every counter and marks only the waiting unserved; the closing checklist's gate
// stays; the next day opens; other roles are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../../tests/support/hub.js';

const DAY_MS = 24 * 3_600_000;
let now = new Date(2026, 2, 2, 10, 0).getTime();
let hub: TestHub;
let manager: string;
let admin: string;
let teller1: string;
let teller4: string;
let kiosk: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now });
  [manager, admin, teller1, teller4] = (await Promise.all(['manager', 'admin', 'teller1', 'teller4'].map((s) => hub.login(s)))) as [string, string, string, string];
  kiosk = await hub.device('kiosk');
  await hub.api('POST', '/api/counters/1/open', { token: teller1 });
  await hub.api('POST', '/api/counters/4/open', { token: teller4 });
  for (const n of ['first', 'second', 'third']) ids[n] = (await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash' } })).body.ticket.id;
  // A001 served at counter 4, A002 called to counter 1, A003 waiting.
  await hub.api('POST', '/api/counters/4/call-next', { token: teller4 });
  await hub.api('POST', `/api/tickets/${ids.first}/start`, { token: teller4 });
  await hub.api('POST', '/api/counters/1/call-next', { token: teller1 });
  // Sign-ins hash PINs: slow on a loaded machine.
}, 60_000);
afterAll(() => hub.close());

const close = (token: string, body?: unknown) => hub.api('POST', '/api/day/close', { token, body: body ?? {} });
const statusOf = (id: string) => hub.hub.state.tickets[id]?.status;

describe('closing the business day', () => {
  it('refuses while customers are at counters, naming the counters, and writes nothing', async () => {
    const seq = hub.hub.lastSeq();
    const refused = await close(manager);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'customers_at_counters',
      message: expect.stringMatching(/A002 at counter 1.*A001 at counter 4/),
      details: { counters: [{ counter: '1', number: 'A002', status: 'called' }, { counter: '4', number: 'A001', status: 'serving' }] },
    });
    // Even the admin's override of the checklist does not pass over a customer, and is not recorded.
    expect((await close(admin, { overrideReason: 'power cut' })).body.error.code).toBe('customers_at_counters');
    expect(hub.hub.lastSeq()).toBe(seq);
    expect(hub.hub.state.day?.status).toBe('open');
    expect([statusOf(ids.first!), statusOf(ids.second!), statusOf(ids.third!)]).toEqual(['serving', 'called', 'waiting']);
  });

  it("refuses another role's token and bad input", async () => {
    const supervisor = await hub.login('supervisor');
    const seq = hub.hub.lastSeq();
    for (const token of [teller1, kiosk, supervisor]) expect((await close(token, { finishAtCounters: true })).status).toBe(403);
    expect((await close(manager, { finishAtCounters: 'yes' })).status).toBe(400);
    expect((await close(manager, { finishAtCounters: true, extra: 1 })).status).toBe(400);
    expect(hub.hub.lastSeq()).toBe(seq);
  });

  it("keeps the closing checklist's gate: finishing is not closing without it", async () => {
    const seq = hub.hub.lastSeq();
    const refused = await close(manager, { finishAtCounters: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('closing_checklist_unsigned');
    expect(hub.hub.lastSeq()).toBe(seq);
    expect(statusOf(ids.first!)).toBe('serving');
  });

  it('finishes the customers at counters, closes every counter, and marks only the waiting unserved, in one commit', async () => {
    const seq = hub.hub.lastSeq();
    const closed = await close(admin, { finishAtCounters: true, overrideReason: 'supervisor absent' });
    expect(closed.status).toBe(200);
    expect(closed.body.day.status).toBe('closed');
    expect([statusOf(ids.first!), statusOf(ids.second!), statusOf(ids.third!)]).toEqual(['done', 'done', 'unserved_at_close']);
    const written = hub.hub.ledger.readEvents().filter((e) => e.seq > seq);
    expect(written.map((e) => e.type)).toEqual([
      'day.close_overridden',
      // Counter 1's called customer is started, then finished; counter 4's is finished.
      'ticket.started',
      'ticket.finished',
      'ticket.finished',
      'counter.closed',
      'counter.closed',
      'day.closed',
    ]);
    expect(new Set(written.map((e) => e.at)).size).toBe(1);
    const lobby = await hub.api('GET', '/api/lobby', { token: manager });
    expect(lobby.body.counters.map((c: { id: string; status: string }) => c.status)).toEqual(Array(6).fill('closed'));
    // A display sees the counters closed too.
    const display = await hub.device('display');
    const shown = await hub.api('GET', '/api/lobby', { token: display });
    expect(shown.body.counters.every((c: { status: string }) => c.status === 'closed')).toBe(true);
    expect((await close(manager)).body.error.code).toBe('day_not_open');
  });

  it('opens again the next day (not the same day), and the demo books its appointments for it', async () => {
    expect((await hub.api('POST', '/api/day/open', { token: manager })).body.error.code).toBe('day_closed');
    now += DAY_MS;
    // A day later the sessions have idled out: everyone signs in again.
    [manager, teller1] = (await Promise.all(['manager', 'teller1'].map((s) => hub.login(s)))) as [string, string];
    expect((await hub.api('POST', '/api/day/open', { token: teller1 })).status).toBe(403);
    const opened = await hub.api('POST', '/api/day/open', { token: manager });
    expect(opened.status).toBe(200);
    expect(opened.body.day).toMatchObject({ date: '2026-03-03', status: 'open' });
    const list = await hub.api('GET', '/api/appointments', { token: manager });
    expect(list.body.date).toBe('2026-03-03');
    expect(list.body.appointments.map((a: { code: string; status: string }) => [a.code, a.status])).toEqual([
      ['DEMO01', 'booked'],
      ['DEMO02', 'booked'],
      ['DEMO03', 'booked'],
    ]);
    const ticket = await hub.api('POST', '/api/kiosk/check-in/appointment', { token: kiosk, body: { code: 'demo01' } });
    expect(ticket.body.ticket).toMatchObject({ number: 'A001', priority: 'appointment' });
  });
});

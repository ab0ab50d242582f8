// The contract's API, driven over real HTTP against a hub with a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';

let hub: TestHub;
let kiosk: string;
let teller1: string;
let manager: string;

beforeAll(async () => {
  hub = await startTestHub();
  kiosk = await hub.device('kiosk');
  teller1 = await hub.login('teller1');
  manager = await hub.login('manager');
});
afterAll(() => hub.close());

/** A kiosk issues normal tickets; a priority comes from the lobby manager. */
const issue = (service: string, priority?: string) =>
  hub.api('POST', '/api/tickets', priority ? { token: manager, body: { service, priority } } : { token: kiosk, body: { service } });

describe('health and services', () => {
  it('answers health without a token, services with one', async () => {
    const health = await hub.api('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true, version: expect.any(String) });
    expect((await hub.api('GET', '/api/services')).status).toBe(401);
    const services = await hub.api('GET', '/api/services', { token: kiosk });
    expect(services.body.services.map((s: { prefix: string }) => s.prefix)).toEqual(['A', 'B', 'C', 'V']);
    expect(services.body.services[0]).toMatchObject({ code: 'cash', nameZh: '现金业务', nameEn: 'Cash' });
  });
});

describe('issuing and calling in the policy order', () => {
  it('numbers A001, A002, A003 and calls green, then VIP, then normal', async () => {
    const normal = await issue('cash');
    const vip = await issue('cash', 'vip');
    const green = await issue('A', 'green');
    expect([normal, vip, green].map((r) => r.status)).toEqual([200, 200, 200]);
    expect([normal, vip, green].map((r) => r.body.ticket.number)).toEqual(['A001', 'A002', 'A003']);
    expect(normal.body.ticket).toMatchObject({ service: 'cash', priority: 'normal', status: 'waiting', ahead: expect.any(Number) });
    // No counter is open yet: the contract's three numbers, and the mark that nobody serves cash now (service-hours.ts).
    expect(normal.body.ticket.estimate).toEqual({ minutes: expect.any(Number), low: expect.any(Number), high: expect.any(Number), closed: { opensAt: expect.toBeOneOf([null, expect.any(String)]) } });
    expect(Date.parse(normal.body.ticket.issuedAt)).not.toBeNaN();

    expect((await hub.api('POST', '/api/counters/1/open', { token: teller1 })).body.counter).toMatchObject({ id: '1', status: 'open', staffId: 'teller1' });
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const called = await hub.api('POST', '/api/counters/1/call-next', { token: teller1 });
      expect(called.status).toBe(200);
      order.push(called.body.ticket.number);
      expect(called.body.ticket).toMatchObject({ status: 'called', counter: '1' });
      const id = called.body.ticket.id;
      expect((await hub.api('POST', `/api/tickets/${id}/start`, { token: teller1 })).body.ticket.status).toBe('serving');
      expect((await hub.api('POST', `/api/tickets/${id}/finish`, { token: teller1 })).body.ticket.status).toBe('done');
    }
    expect(order).toEqual(['A003', 'A002', 'A001']);
    expect((await hub.api('POST', '/api/counters/1/call-next', { token: teller1 })).status).toBe(204);
  });
});

describe('errors in the contract shape, and nothing written', () => {
  async function expectError(res: { status: number; body: any }, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(res.body.error.message).not.toMatch(/at .*\.ts:\d+/);
  }

  it('rejects a move the state machine forbids with 409 and writes nothing', async () => {
    const t = (await issue('noncash')).body.ticket;
    const seq = hub.hub.lastSeq();
    await expectError(await hub.api('POST', `/api/tickets/${t.id}/finish`, { token: manager }), 409, 'illegal_transition');
    expect(hub.hub.lastSeq()).toBe(seq);
  });

  it('rejects bad JSON with 400', async () => {
    const seq = hub.hub.lastSeq();
    await expectError(await hub.api('POST', '/api/tickets', { token: kiosk, raw: '{"service": "cash",' }), 400, 'bad_json');
    expect(hub.hub.lastSeq()).toBe(seq);
  });

  it('rejects unknown fields, unknown values and unknown services with 400', async () => {
    const seq = hub.hub.lastSeq();
    await expectError(await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash', priority: 'platinum' } }), 400, 'invalid_request');
    await expectError(await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash', name: '王先生' } }), 400, 'invalid_request');
    await expectError(await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'mortgage' } }), 400, 'unknown_service');
    await expectError(await hub.api('POST', '/api/tickets', { token: kiosk, body: [1, 2] }), 400, 'invalid_request');
    await expectError(await hub.api('POST', '/api/tickets', { token: kiosk, raw: '<service>cash</service>', contentType: 'application/xml' }), 415, 'unsupported_media_type');
    expect(hub.hub.lastSeq()).toBe(seq);
  });

  it('answers a wrong role with 403, no token with 401, an unknown thing with 404', async () => {
    const display = await hub.device('display');
    const seq = hub.hub.lastSeq();
    await expectError(await hub.api('POST', '/api/tickets', { token: display, body: { service: 'cash' } }), 403, 'forbidden');
    await expectError(await hub.api('POST', '/api/tickets', { body: { service: 'cash' } }), 401, 'unauthenticated');
    await expectError(await hub.api('POST', '/api/tickets', { token: 'not-a-token', body: { service: 'cash' } }), 401, 'invalid_token');
    await expectError(await hub.api('GET', '/api/tickets/00000000-0000-4000-8000-000000000000', { token: kiosk }), 404, 'unknown_ticket');
    await expectError(await hub.api('POST', '/api/counters/99/open', { token: teller1 }), 404, 'unknown_counter');
    await expectError(await hub.api('GET', '/api/nothing-here', { token: kiosk }), 404, 'not_found');
    expect(hub.hub.lastSeq()).toBe(seq);
  });

  it('keeps a teller to their own counter', async () => {
    const teller2 = await hub.login('teller2');
    await expectError(await hub.api('POST', '/api/counters/1/call-next', { token: teller2 }), 403, 'not_your_counter');
    await expectError(await hub.api('POST', '/api/counters/1/open', { token: teller2 }), 409, 'counter_taken');
  });
});

describe('staff login', () => {
  it('answers a wrong PIN with 401, locks after repeated failures, and audits the failures per minute', async () => {
    const before = hub.hub.lastSeq();
    for (let i = 0; i < 5; i++) {
      const res = await hub.api('POST', '/api/auth/login', { body: { staffId: 'teller5', pin: '123456' } });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('wrong_pin');
    }
    const locked = await hub.api('POST', '/api/auth/login', { body: { staffId: 'teller5', pin: '000000' } });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('account_locked');
    const audit = hub.hub.ledger.readEvents(before + 1).filter((e) => e.type.startsWith('auth.'));
    // The window's first failure at once, the lock; the rest of the minute is tallied (pin-lock.test.ts).
    expect(audit.map((e) => e.type)).toEqual(['auth.failures', 'auth.locked']);
    expect(JSON.stringify(audit)).not.toContain('123456');
  });

  it('answers an unknown staff ID exactly like a wrong PIN', async () => {
    const res = await hub.api('POST', '/api/auth/login', { body: { staffId: 'nobody', pin: '000000' } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('wrong_pin');
  });

  it('tells a staff screen that the PIN is the demo one', async () => {
    const res = await hub.api('POST', '/api/auth/login', { body: { staffId: 'supervisor', pin: '000000' } });
    expect(res.body).toMatchObject({ role: 'supervisor', staffId: 'supervisor', demoPin: true, token: expect.any(String) });
  });
});

describe('device pairing', () => {
  it('accepts a code once, and refuses it after', async () => {
    const admin = await hub.login('admin');
    const reg = await hub.api('POST', '/api/devices', { token: admin, body: { role: 'display', name: 'Hall display' } });
    expect(reg.body).toMatchObject({ deviceId: expect.any(String), pairingCode: expect.stringMatching(/^[A-Z2-9]{8}$/) });
    const first = await hub.api('POST', '/api/devices/pair', { body: { pairingCode: reg.body.pairingCode.toLowerCase() } });
    expect(first.body).toMatchObject({ role: 'display', deviceId: reg.body.deviceId, token: expect.any(String) });
    const again = await hub.api('POST', '/api/devices/pair', { body: { pairingCode: reg.body.pairingCode } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('pairing_code_invalid');
    const bad = await hub.api('POST', '/api/devices', { token: admin, body: { role: 'toaster', name: 'x' } });
    expect(bad.status).toBe(400);
  });
});

describe('what a display may see', () => {
  it('gets numbers and counters but no priorities, estimates, ids or staff', async () => {
    const display = await hub.device('display');
    await hub.api('POST', '/api/tickets', { token: manager, body: { service: 'vip', priority: 'vip' } });
    const snap = await hub.api('GET', '/api/lobby', { token: display });
    expect(snap.status).toBe(200);
    expect(snap.body.seq).toBe(hub.hub.lastSeq());
    for (const t of snap.body.tickets) expect(Object.keys(t).sort()).toEqual(['calledAt', 'counter', 'number', 'recalls', 'service', 'status']);
    for (const c of snap.body.counters) expect(c.staffId).toBeNull();
    const staffSnap = await hub.api('GET', '/api/lobby', { token: manager });
    expect(staffSnap.body.counters.find((c: { id: string }) => c.id === '1').staffId).toBe('teller1');
    expect(staffSnap.body.tickets.some((t: { priority?: string }) => t.priority === 'vip')).toBe(true);
  });
});

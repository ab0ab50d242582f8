// Fair calling over HTTP: only the admin sets it, a bad body is refused with nothing written,
// the change is a `settings.changed` event with its actor, and the counter's next call obeys it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../../tests/support/hub.js';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
});
afterAll(() => hub.close());

const put = (token: string, body: unknown) => hub.api('PUT', '/api/settings/dispatch', { token, body });

describe('fair-calling setting', () => {
  it('is off by default and readable by the admin and the manager', async () => {
    expect((await hub.api('GET', '/api/settings/dispatch', { token: admin })).body).toEqual({ maxPriorityInARow: null });
    expect((await hub.api('GET', '/api/settings/dispatch', { token: await hub.login('manager') })).status).toBe(200);
    expect((await hub.api('GET', '/api/settings/dispatch', { token: await hub.login('teller1') })).status).toBe(403);
  });

  it('refuses a manager or a teller (403) and bad bodies (400, code and message), writing nothing', async () => {
    const seq = hub.hub.lastSeq();
    for (const who of ['manager', 'teller1']) {
      const res = await put(await hub.login(who), { maxPriorityInARow: 2 });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', message: expect.any(String) });
    }
    const since = hub.hub.lastSeq(); // the two sign-ins above are events of their own
    const bad: unknown[] = [{}, { maxPriorityInARow: 0 }, { maxPriorityInARow: 11 }, { maxPriorityInARow: 1.5 }, { maxPriorityInARow: '2' }, { maxPriorityInARow: 2, extra: true }, [2], null];
    for (const body of bad) {
      const res = await put(admin, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    const raw = await hub.api('PUT', '/api/settings/dispatch', { token: admin, raw: '{"maxPriorityInARow":' });
    expect(raw.status).toBe(400);
    expect(raw.body.error.code).toEqual(expect.any(String));
    expect(hub.hub.lastSeq()).toBe(since);
    expect(hub.hub.ledger.readEvents(seq).filter((e) => e.type === 'settings.changed')).toEqual([]);
    expect((await hub.api('GET', '/api/settings/dispatch', { token: admin })).body).toEqual({ maxPriorityInARow: null });
  });

  it('is recorded with who set it, and the next call obeys it', async () => {
    const res = await put(admin, { maxPriorityInARow: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ maxPriorityInARow: 1 });
    const last = hub.hub.ledger.readEvents(hub.hub.lastSeq())[0]!;
    expect(last).toMatchObject({ type: 'settings.changed', key: 'dispatch.maxPriorityInARow', value: '1', actor: 'admin' });
    expect((await hub.api('GET', '/api/settings/dispatch', { token: admin })).body).toEqual({ maxPriorityInARow: 1 });

    // Counter 1 (cash, non-cash): a normal ticket, then two VIPs. With N=1: VIP, normal, VIP.
    const manager = await hub.login('manager');
    const teller = await hub.login('teller1');
    await hub.api('POST', '/api/counters/1/open', { token: teller });
    const issue = async (priority: string) => (await hub.api('POST', '/api/tickets', { token: manager, body: { service: 'cash', priority } })).body.ticket.number as string;
    const normal = await issue('normal');
    const vip1 = await issue('vip');
    const vip2 = await issue('vip');
    const called: string[] = [];
    for (let i = 0; i < 3; i++) {
      const call = await hub.api('POST', '/api/counters/1/call-next', { token: teller });
      expect(call.status).toBe(200);
      called.push(call.body.ticket.number);
      expect((await hub.api('POST', `/api/tickets/${call.body.ticket.id}/start`, { token: teller })).status).toBe(200);
      expect((await hub.api('POST', `/api/tickets/${call.body.ticket.id}/finish`, { token: teller, body: {} })).status).toBe(200);
    }
    expect(called).toEqual([vip1, normal, vip2]);

    expect((await put(admin, { maxPriorityInARow: null })).body).toEqual({ maxPriorityInARow: null });
    expect((await hub.api('GET', '/api/settings/dispatch', { token: admin })).body).toEqual({ maxPriorityInARow: null });
  });

  it('holds after a restart (the settings table keeps it; rebuild makes it again from its event)', async () => {
    const own = await startTestHub();
    expect((await own.api('PUT', '/api/settings/dispatch', { token: await own.login('admin'), body: { maxPriorityInARow: 3 } })).status).toBe(200);
    await own.close();
    const again = await startTestHub({ dataDir: own.dataDir });
    try {
      expect((await again.api('GET', '/api/settings/dispatch', { token: await again.login('admin') })).body).toEqual({ maxPriorityInARow: 3 });
    } finally {
      await again.close();
    }
  });
});

// The manager's triage and window adjustment over real HTTP and SQLite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../../tests/support/hub.js';

let hub: TestHub;
let manager: string;
let teller: string;
beforeAll(async () => {
  hub = await startTestHub();
  manager = await hub.login('manager');
  teller = await hub.login('teller1');
  await hub.api('POST', '/api/counters/1/open', { token: teller });
});
afterAll(() => hub.close());

const issue = async (service: string, priority = 'normal') =>
  (await hub.api('POST', '/api/tickets', { token: manager, body: { service, priority } })).body.ticket as { id: string; number: string };

describe('manager triage', () => {
  it('raises a waiting ticket to green channel so it is called before earlier tickets', async () => {
    await issue('cash');
    const late = await issue('cash');
    const res = await hub.api('POST', `/api/tickets/${late.id}/priority`, { token: manager, body: { priority: 'green' } });
    expect(res.status).toBe(200);
    expect(res.body.ticket).toMatchObject({ number: late.number, priority: 'green' });
    const called = await hub.api('POST', '/api/counters/1/call-next', { token: teller });
    expect(called.body.ticket.number).toBe(late.number);
    // Called now: its priority no longer matters, and the engine says so.
    const again = await hub.api('POST', `/api/tickets/${late.id}/priority`, { token: manager, body: { priority: 'vip' } });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'illegal_transition' } } });
  });

  it('refuses a bad priority or an unknown ticket with a 4xx and writes nothing', async () => {
    const t = await issue('noncash');
    const seq = hub.hub.lastSeq();
    expect((await hub.api('POST', `/api/tickets/${t.id}/priority`, { token: manager, body: { priority: 'appointment' } })).body.error.code).toBe('invalid_request');
    expect((await hub.api('POST', `/api/tickets/${t.id}/priority`, { token: manager, body: {} })).status).toBe(400);
    expect((await hub.api('POST', '/api/tickets/nope/priority', { token: manager, body: { priority: 'green' } })).status).toBe(404);
    expect((await hub.api('POST', '/api/triage/self-service', { token: manager, body: { service: 'gold' } })).status).toBe(400);
    expect(hub.hub.lastSeq()).toBe(seq);
  });

  it('records a customer sent to self-service in the ledger, cancelling their ticket', async () => {
    const t = await issue('noncash');
    const res = await hub.api('POST', '/api/triage/self-service', { token: manager, body: { ticket: t.id } });
    expect(res.body.recorded).toMatchObject({ service: 'noncash', ticket: t.number });
    expect((await hub.api('GET', `/api/tickets/${t.id}`, { token: manager })).body.ticket.status).toBe('cancelled');
    const events = hub.hub.ledger.readEvents().filter((e) => e.type === 'triage.self_service');
    expect(events.at(-1)).toMatchObject({ type: 'triage.self_service', service: 'noncash', ticket: t.number, actor: 'manager' });
    // No ticket at all (a walk-in pointed to the machine): recorded with its business only.
    const walkIn = await hub.api('POST', '/api/triage/self-service', { token: manager, body: { service: 'B' } });
    expect(walkIn.body.recorded).toMatchObject({ service: 'noncash', ticket: null });
    // A cancelled ticket cannot be sent again: 409, nothing written.
    const seq = hub.hub.lastSeq();
    expect((await hub.api('POST', '/api/triage/self-service', { token: manager, body: { ticket: t.id } })).body.error.code).toBe('not_waiting');
    expect(hub.hub.lastSeq()).toBe(seq);
  });

  it('suggests turning a counter to a queue far longer than the others, and applies it by PUT', async () => {
    const teller4 = await hub.login('teller4');
    await hub.api('POST', '/api/counters/4/open', { token: teller4 });
    for (let i = 0; i < 8; i += 1) await issue('cash');
    const res = await hub.api('GET', '/api/manager/window-suggestions', { token: manager });
    const s = res.body.suggestions.find((x: { longService: string }) => x.longService === 'cash');
    expect(s).toMatchObject({ counter: '4', from: ['noncash', 'cash'], to: ['cash', 'noncash'] });
    const put = await hub.api('PUT', '/api/counters/4/services', { token: manager, body: { services: s.to } });
    expect(put.body.counter.services).toEqual(['cash', 'noncash']);
  });
});

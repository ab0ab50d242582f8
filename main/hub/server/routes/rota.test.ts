// The rota: the demo branch has one, a manager changes it, the estimator plans with the new one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../../tests/support/hub.js';
import { DEMO_ROTA } from '../../lobby/demo.js';

let hub: TestHub;
let manager: string;
beforeAll(async () => {
  hub = await startTestHub();
  manager = await hub.login('manager');
});
afterAll(() => hub.close());

describe('staffing rota', () => {
  it('serves the demo rota and refuses a bad one without writing', async () => {
    expect((await hub.api('GET', '/api/settings/rota', { token: manager })).body.rota).toEqual(DEMO_ROTA);
    const seq = hub.hub.lastSeq();
    const backwards = await hub.api('PUT', '/api/settings/rota', { token: manager, body: { rota: [{ counter: '1', from: '13:00', until: '12:00' }] } });
    expect(backwards.status).toBe(400);
    const ghost = await hub.api('PUT', '/api/settings/rota', { token: manager, body: { rota: [{ counter: '9', from: '11:00', until: '12:00' }] } });
    expect(ghost.body.error.code).toBe('unknown_counter');
    expect(hub.hub.lastSeq()).toBe(seq);
  });

  it('records who changed it, and the estimate plans with the new rota at once', async () => {
    // One open counter, three waiting: with counter 1 away for the whole day the estimate grows.
    const teller = await hub.login('teller6');
    await hub.api('POST', '/api/counters/6/open', { token: teller });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await hub.api('POST', '/api/tickets', { token: manager, body: { service: 'vip' } })).body.ticket.id);
    const before = hub.hub.freshEstimates()[ids[2]!]!.minutes;
    const rota = [{ counter: '6', from: '00:00', until: '23:59', reason: 'meeting' }];
    const put = await hub.api('PUT', '/api/settings/rota', { token: manager, body: { rota } });
    expect(put.status).toBe(200);
    const last = hub.hub.ledger.readEvents(hub.hub.lastSeq())[0]!;
    expect(last).toMatchObject({ type: 'settings.changed', key: 'estimate.rota', actor: 'manager' });
    expect(hub.hub.freshEstimates()[ids[2]!]!.minutes).toBeGreaterThan(before);
  });
});

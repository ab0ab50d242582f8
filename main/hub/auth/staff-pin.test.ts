// Wrong PINs at the signature pad and at login from one address count towards one lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { checkStaffPin } from './staff-pin.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe('checkStaffPin', () => {
  it('locks a supervisor out of login at the same address after five wrong signing PINs there, and audits them in a bounded way', async () => {
    const before = hub.hub.lastSeq();
    for (let i = 0; i < 5; i++) {
      await expect(checkStaffPin(hub.hub, 'supervisor', '999999', 'sign', '127.0.0.1')).rejects.toMatchObject({ kind: 'unauthorized', code: 'wrong_signing_pin' });
    }
    const login = await hub.api('POST', '/api/auth/login', { body: { staffId: 'supervisor', pin: '000000' } });
    expect(login.status).toBe(429);
    const events = hub.hub.ledger.readEvents(before + 1);
    expect(events.map((e) => e.type)).toEqual(['auth.failures', 'auth.locked']);
    expect(events[0]).toMatchObject({ staffId: 'supervisor', count: 1, signing: 1 });
    expect(events[1]).toMatchObject({ staffId: 'supervisor', source: '127.0.0.1' });
  });

  it('accepts the right PIN and ends the run of failures', async () => {
    for (let i = 0; i < 4; i++) await expect(checkStaffPin(hub.hub, 'teller2', '111111', 'sign')).rejects.toMatchObject({ kind: 'unauthorized' });
    const row = await checkStaffPin(hub.hub, 'teller2', '000000', 'sign');
    expect(row).toMatchObject({ staff_id: 'teller2', role: 'teller' });
    // Four more wrong PINs would have locked a run that had not ended.
    for (let i = 0; i < 4; i++) await expect(checkStaffPin(hub.hub, 'teller2', '111111', 'sign')).rejects.toMatchObject({ kind: 'unauthorized' });
    expect((await checkStaffPin(hub.hub, 'teller2', '000000', 'sign')).staff_id).toBe('teller2');
  });
});

// Wrong PINs at the signature pad and at login count towards one lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { checkStaffPin } from './staff-pin.js';

const FAST = { baseDelayMs: 1, maxDelayMs: 2, lockAfter: 5, lockMs: 60_000 };
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe('checkStaffPin', () => {
  it('locks a supervisor out of login after five wrong signing PINs, and audits each', async () => {
    const before = hub.hub.lastSeq();
    for (let i = 0; i < 5; i++) {
      await expect(checkStaffPin(hub.hub, FAST, 'supervisor', '999999', 'sign')).rejects.toMatchObject({ status: 401, code: 'wrong_signing_pin' });
    }
    const login = await hub.api('POST', '/api/auth/login', { body: { staffId: 'supervisor', pin: '000000' } });
    expect(login.status).toBe(429);
    const types = hub.hub.ledger.readEvents(before + 1).map((e) => e.type);
    expect(types.filter((t) => t === 'auth.sign_pin')).toHaveLength(5);
    expect(types).toContain('auth.locked');
  });

  it('accepts the right PIN and clears earlier failures', async () => {
    await expect(checkStaffPin(hub.hub, FAST, 'teller2', '111111', 'sign')).rejects.toMatchObject({ status: 401 });
    const row = await checkStaffPin(hub.hub, FAST, 'teller2', '000000', 'sign');
    expect(row).toMatchObject({ staff_id: 'teller2', role: 'teller' });
    const again = hub.hub.ledger.db.prepare("SELECT failed_attempts FROM staff WHERE staff_id = 'teller2'").get() as { failed_attempts: number };
    expect(again.failed_attempts).toBe(0);
  });
});

// A branch set up without --demo and its staff kept from the screens: `atrium rebuild` makes a
// folder whose staff list, sign-ins and one-time PINs are the original's, and verify holds.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../main/hub/ledger/index.js';
import { runCli } from '../support/cli.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';

const open: TestHub[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

async function hubOn(dataDir: string): Promise<TestHub> {
  const h = await startTestHub({ dataDir, demo: false });
  open.push(h);
  return h;
}

describe('staff after a rebuild', () => {
  it('are the same people, with the same PINs, roles and states', async () => {
    const dir = tempDir();
    const h = await hubOn(dir);
    const setup = await h.api('POST', '/api/setup', {
      body: { code: h.setupCode, branch: { nameZh: '城西支行', nameEn: 'West Branch' }, admin: { staffId: 'chen', name: '陈', pin: '246813' } },
    });
    const admin = setup.body.token as string;
    const added: Record<string, string> = {};
    for (const [staffId, role] of [['lin', 'manager'], ['he', 'teller'], ['gao', 'teller'], ['xu', 'supervisor']] as const) {
      added[staffId] = (await h.api('POST', '/api/staff', { token: admin, body: { staffId, name: staffId.toUpperCase(), role } })).body.oneTimePin;
    }
    await h.api('POST', '/api/auth/pin', { body: { staffId: 'lin', pin: added.lin, newPin: '580246' } });
    await h.api('POST', '/api/auth/pin', { body: { staffId: 'he', pin: added.he, newPin: '913572' } });
    await h.api('PATCH', '/api/staff/he', { token: admin, body: { disabled: true, name: '何' } });
    await h.api('PATCH', '/api/staff/xu', { token: admin, body: { role: 'manager' } });
    const reset = (await h.api('POST', '/api/staff/lin/reset-pin', { token: admin })).body.oneTimePin as string;
    expect(verifyLedger(h.hub.ledger.db)).toMatchObject({ ok: true });
    const before = (await h.api('GET', '/api/staff', { token: admin })).body;
    await h.close();
    open.splice(0);

    const to = path.join(tempDir(), 'rebuilt');
    const run = await runCli(['rebuild', '--data', dir, '--to', to]);
    expect(run.status, run.stderr).toBe(0);
    const rebuilt = await hubOn(to);
    expect(rebuilt.setupCode).toBeNull();
    const token = await rebuilt.login('chen', '246813');
    expect((await rebuilt.api('GET', '/api/staff', { token })).body).toEqual(before);
    expect((await rebuilt.api('POST', '/api/auth/login', { body: { staffId: 'lin', pin: reset } })).body.error.code).toBe('pin_change_required');
    expect((await rebuilt.api('POST', '/api/auth/login', { body: { staffId: 'he', pin: '913572' } })).body.error.code).toBe('staff_disabled');
    expect((await rebuilt.api('POST', '/api/auth/pin', { body: { staffId: 'gao', pin: added.gao, newPin: '680246' } })).status).toBe(200);
    expect(verifyLedger(rebuilt.hub.ledger.db)).toMatchObject({ ok: true });
  }, 60_000);
});

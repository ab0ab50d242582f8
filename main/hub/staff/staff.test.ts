// The admin keeps staff; one-time PINs; everyone's own PIN; disabled people are out at once.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { verifyLedger } from '../ledger/index.js';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';

const open: TestHub[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

async function demoHub(): Promise<{ h: TestHub; admin: string }> {
  const h = await startTestHub();
  open.push(h);
  return { h, admin: await h.login('admin') };
}

async function add(h: TestHub, admin: string, staffId: string, role = 'teller'): Promise<string> {
  const res = await h.api('POST', '/api/staff', { token: admin, body: { staffId, name: `Name ${staffId}`, role } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.oneTimePin).toMatch(/^\d{6}$/);
  return res.body.oneTimePin as string;
}

/** The one-time PIN's single use: sets `newPin` and answers with a session. */
async function firstPin(h: TestHub, staffId: string, oneTimePin: string, newPin: string) {
  return h.api('POST', '/api/auth/pin', { body: { staffId, pin: oneTimePin, newPin } });
}

function feed(h: TestHub, token: string) {
  const socket = new WebSocket(`${h.url.replace('http', 'ws')}/api/live?token=${token}`);
  const first = new Promise<unknown>((resolve) => socket.once('message', (raw) => resolve(JSON.parse(raw.toString()))));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return { first, closed };
}

describe('staff kept by the admin', () => {
  it('adds, lists, renames and changes the role of staff, never showing a hash', async () => {
    const { h, admin } = await demoHub();
    await add(h, admin, 'zhao', 'supervisor');
    const list = await h.api('GET', '/api/staff', { token: admin });
    expect(list.body.staff.find((s: { staffId: string }) => s.staffId === 'zhao')).toEqual({
      staffId: 'zhao',
      name: 'Name zhao',
      role: 'supervisor',
      disabled: false,
      pinChangePending: true,
      demoPin: false,
    });
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|hash|digest/i);
    expect(list.body.staff.find((s: { staffId: string }) => s.staffId === 'teller1')).toMatchObject({ demoPin: true, pinChangePending: false });
    const dup = await h.api('POST', '/api/staff', { token: admin, body: { staffId: 'zhao', name: 'Other', role: 'teller' } });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'staff_exists']);
    const bad = await h.api('POST', '/api/staff', { token: admin, body: { staffId: 'has space', name: 'X', role: 'teller' } });
    expect(bad.status).toBe(400);
    const changed = await h.api('PATCH', '/api/staff/zhao', { token: admin, body: { name: '赵主管', role: 'manager' } });
    expect(changed.body.staff).toMatchObject({ name: '赵主管', role: 'manager' });
    const unknown = await h.api('PATCH', '/api/staff/nobody', { token: admin, body: { name: 'X' } });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown_staff']);
    const seq = h.hub.ledger.lastSeq();
    await h.api('PATCH', '/api/staff/zhao', { token: admin, body: { name: '赵主管' } });
    expect(h.hub.ledger.lastSeq()).toBe(seq);
    // Nobody but the admin.
    const manager = await h.login('manager');
    expect((await h.api('GET', '/api/staff', { token: manager })).status).toBe(403);
    expect((await h.api('POST', '/api/staff', { token: manager, body: { staffId: 'x', name: 'X', role: 'admin' } })).status).toBe(403);
    expect((await h.api('POST', '/api/staff/teller1/reset-pin', { token: await h.login('teller1') })).status).toBe(403);
    expect(verifyLedger(h.hub.ledger.db)).toMatchObject({ ok: true });
  });

  it('lets a one-time PIN do one thing, once: set the new PIN, which then signs in', async () => {
    const { h, admin } = await demoHub();
    const oneTime = await add(h, admin, 'qian');
    const login = await h.api('POST', '/api/auth/login', { body: { staffId: 'qian', pin: oneTime } });
    expect([login.status, login.body.error.code]).toEqual([403, 'pin_change_required']);
    expect(h.hub.ledger.readEvents().filter((e) => e.type === 'session.started' && e.staffId === 'qian')).toHaveLength(0);
    const weak = await firstPin(h, 'qian', oneTime, '111111');
    expect([weak.status, weak.body.error.code]).toEqual([400, 'weak_pin']);
    const same = await firstPin(h, 'qian', oneTime, oneTime);
    expect(same.body.error.code).toBe('weak_pin');
    const set = await firstPin(h, 'qian', oneTime, '246813');
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.session).toMatchObject({ staffId: 'qian', role: 'teller', demoPin: false });
    expect((await h.api('GET', '/api/me', { token: set.body.session.token })).body.id).toBe('qian');
    const twice = await firstPin(h, 'qian', oneTime, '357913');
    expect([twice.status, twice.body.error.code]).toEqual([401, 'wrong_pin']);
    await h.login('qian', '246813');
    expect((await h.api('GET', '/api/staff', { token: admin })).body.staff.find((s: { staffId: string }) => s.staffId === 'qian').pinChangePending).toBe(false);
    // A PIN of one's own is changed signed in, not with the token-less form.
    const tokenless = await h.api('POST', '/api/auth/pin', { body: { staffId: 'qian', pin: '246813', newPin: '357913' } });
    expect([tokenless.status, tokenless.body.error.code]).toEqual([401, 'sign_in_first']);
    expect(verifyLedger(h.hub.ledger.db)).toMatchObject({ ok: true });
  });

  it('sets a one-time PIN only once when it is used twice at the same moment', async () => {
    const { h, admin } = await demoHub();
    const oneTime = await add(h, admin, 'sun');
    const answers = await Promise.all(['246813', '357913', '468024'].map((pin) => firstPin(h, 'sun', oneTime, pin)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(h.hub.ledger.readEvents().filter((e) => e.type === 'staff.pin_set' && e.staffId === 'sun' && !e.oneTime)).toHaveLength(1);
  });

  it('changes one’s own PIN signed in, counting wrong PINs towards the login lock', async () => {
    const { h } = await demoHub();
    const teller = await h.login('teller2');
    const change = (pin: string, newPin: string) => h.api('POST', '/api/auth/pin', { token: teller, body: { pin, newPin } });
    expect((await change('000000', '123456')).body.error.code).toBe('weak_pin');
    const ok = await change('000000', '802461');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ staffId: 'teller2', session: null });
    // The old PIN is gone, the session goes on, and the demo warning with it.
    expect((await h.api('POST', '/api/auth/login', { body: { staffId: 'teller2', pin: '000000' } })).status).toBe(401);
    expect((await h.api('GET', '/api/me', { token: teller })).body).toMatchObject({ id: 'teller2', demoPin: false });
    for (let i = 0; i < 3; i++) expect((await change('999999', '135790')).body.error.code).toBe('wrong_pin');
    // The 5th failure from this address locks the ID (one failed login above): the right PIN too is refused.
    expect((await change('999999', '135790')).status).toBe(401);
    const locked = await h.api('POST', '/api/auth/login', { body: { staffId: 'teller2', pin: '802461' } });
    expect([locked.status, locked.body.error.code]).toEqual([429, 'account_locked']);
    // A device has no PIN.
    const kiosk = await h.device('kiosk');
    expect((await h.api('POST', '/api/auth/pin', { token: kiosk, body: { pin: '000000', newPin: '135790' } })).status).toBe(403);
  });

  it("ends a disabled person's sessions and live feeds at once, and lets them in again when enabled", async () => {
    const { h, admin } = await demoHub();
    const teller = await h.login('teller3');
    const live = feed(h, teller);
    expect(await live.first).toMatchObject({ type: 'snapshot' });
    const off = await h.api('PATCH', '/api/staff/teller3', { token: admin, body: { disabled: true } });
    expect(off.body.staff).toMatchObject({ disabled: true });
    const me = await h.api('GET', '/api/me', { token: teller });
    expect([me.status, me.body.error.code]).toEqual([401, 'invalid_token']);
    expect(await live.closed).toBe(4401);
    const login = await h.api('POST', '/api/auth/login', { body: { staffId: 'teller3', pin: '000000' } });
    expect([login.status, login.body.error.code]).toEqual([403, 'staff_disabled']);
    await h.api('PATCH', '/api/staff/teller3', { token: admin, body: { disabled: false } });
    await h.login('teller3');
    expect(h.hub.ledger.readEvents().filter((e) => e.type === 'session.ended' && e.reason === 'disabled')).toHaveLength(1);
  });

  it('ends sessions on a new role or a reset PIN; a reset PIN is one-time again', async () => {
    const { h, admin } = await demoHub();
    const supervisor = await h.login('supervisor');
    await h.api('PATCH', '/api/staff/supervisor', { token: admin, body: { role: 'teller' } });
    expect((await h.api('GET', '/api/me', { token: supervisor })).status).toBe(401);
    expect((await h.api('GET', '/api/me', { token: await h.login('supervisor') })).body.role).toBe('teller');
    const teller = await h.login('teller4');
    const reset = await h.api('POST', '/api/staff/teller4/reset-pin', { token: admin });
    expect(reset.body).toEqual({ staffId: 'teller4', oneTimePin: expect.stringMatching(/^\d{6}$/) });
    expect((await h.api('GET', '/api/me', { token: teller })).status).toBe(401);
    expect((await h.api('POST', '/api/auth/login', { body: { staffId: 'teller4', pin: '000000' } })).status).toBe(401);
    expect((await h.api('POST', '/api/auth/login', { body: { staffId: 'teller4', pin: reset.body.oneTimePin } })).body.error.code).toBe('pin_change_required');
    expect((await firstPin(h, 'teller4', reset.body.oneTimePin, '913572')).status).toBe(200);
    expect((await h.api('POST', '/api/staff/nobody/reset-pin', { token: admin })).status).toBe(404);
    expect(verifyLedger(h.hub.ledger.db)).toMatchObject({ ok: true });
  });

  it('keeps the last admin who can sign in', async () => {
    const { h, admin } = await demoHub();
    for (const body of [{ disabled: true }, { role: 'manager' }]) {
      const res = await h.api('PATCH', '/api/staff/admin', { token: admin, body });
      expect([res.status, res.body.error.code]).toEqual([409, 'last_admin']);
    }
    const oneTime = await add(h, admin, 'admin2', 'admin');
    await firstPin(h, 'admin2', oneTime, '580246');
    // A disabled admin does not count: the other is again the last.
    expect((await h.api('PATCH', '/api/staff/admin', { token: admin, body: { disabled: true } })).status).toBe(200);
    const second = await h.login('admin2', '580246');
    const last = await h.api('PATCH', '/api/staff/admin2', { token: second, body: { role: 'teller' } });
    expect(last.body.error.code).toBe('last_admin');
  });
});

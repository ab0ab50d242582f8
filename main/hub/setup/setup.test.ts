// A hub started without --demo: no staff, a setup code, and /api/setup that spends it once.
import { afterEach, describe, expect, it } from 'vitest';
import { readSetting } from '../settings/settings-projector.js';
import { verifyLedger } from '../ledger/index.js';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';

const open: TestHub[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

async function freshHub(): Promise<TestHub> {
  const h = await startTestHub({ demo: false });
  open.push(h);
  return h;
}

const setup = (code: string | null, pin = '246813', staffId = 'wang') => ({
  code,
  branch: { nameZh: '城东支行', nameEn: 'East Branch', openingTime: '08:30', closingTime: '17:30' },
  admin: { staffId, name: '王经理', pin },
});

describe('a branch started without --demo', () => {
  it('has no staff and no default PIN, and says it needs setting up', async () => {
    const h = await freshHub();
    expect(h.setupCode).toMatch(/^[A-Z2-9]{8}$/);
    expect((await h.api('GET', '/api/setup')).body).toEqual({ needed: true });
    const login = await h.api('POST', '/api/auth/login', { body: { staffId: 'admin', pin: '000000' } });
    expect(login.status).toBe(401);
  });

  it('sets up the branch and its admin in one commit, signs the admin in, and spends the code', async () => {
    const h = await freshHub();
    const before = h.hub.ledger.lastSeq();
    const res = await h.api('POST', '/api/setup', { body: setup(h.setupCode) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ role: 'admin', staffId: 'wang', demoPin: false });
    const events = h.hub.ledger.readEvents().filter((e) => e.seq > before);
    // The setup, then the sign-in: the setup's events share one commit (one `at`, consecutive, before the sign-in).
    expect(events.map((e) => e.type)).toEqual(['settings.changed', 'settings.changed', 'settings.changed', 'settings.changed', 'staff.defined', 'auth.login', 'session.started']);
    expect(JSON.stringify(events)).not.toContain('scrypt');
    const db = h.hub.ledger.db;
    expect([readSetting(db, 'branch.nameZh'), readSetting(db, 'branch.nameEn'), readSetting(db, 'records.openingTime'), readSetting(db, 'records.closingTime')]).toEqual([
      '城东支行',
      'East Branch',
      '"08:30"',
      '"17:30"',
    ]);
    expect((await h.api('GET', '/api/me', { token: res.body.token })).body).toMatchObject({ id: 'wang', role: 'admin' });
    expect((await h.api('GET', '/api/lobby', { token: res.body.token })).body.branch).toMatchObject({ nameZh: '城东支行', nameEn: 'East Branch' });
    expect((await h.api('GET', '/api/setup')).body).toEqual({ needed: false });
    await h.login('wang', '246813');
    const again = await h.api('POST', '/api/setup', { body: setup(h.setupCode, '135790', 'li') });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_set_up');
    expect(verifyLedger(h.hub.ledger.db)).toMatchObject({ ok: true });
  });

  it('refuses a wrong code, then locks guessing, writing nothing', async () => {
    const h = await freshHub();
    const seq = h.hub.ledger.lastSeq();
    const wrong = await h.api('POST', '/api/setup', { body: setup('ABCDEFGH') });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('wrong_setup_code');
    for (let i = 0; i < 4; i++) await h.api('POST', '/api/setup', { body: setup('ABCDEFGH') });
    // The fifth wrong guess from this address locked it: the right code too is refused now.
    const locked = await h.api('POST', '/api/setup', { body: setup(h.setupCode) });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('setup_locked');
    expect(h.hub.ledger.lastSeq()).toBe(seq);
    expect((await h.api('GET', '/api/setup')).body).toEqual({ needed: true });
  });

  it('refuses a weak PIN and hours that close before they open, and the code still works after', async () => {
    const h = await freshHub();
    const seq = h.hub.ledger.lastSeq();
    for (const pin of ['000000', '123456', '654321', '777777', '12345']) {
      const res = await h.api('POST', '/api/setup', { body: setup(h.setupCode, pin) });
      expect(res.status, pin).toBe(400);
      expect(res.body.error.code).toBe('weak_pin');
      expect(res.body.error.message).toMatch(/PIN/);
    }
    const hours = await h.api('POST', '/api/setup', { body: { ...setup(h.setupCode), branch: { nameZh: '甲', nameEn: 'A', openingTime: '18:00', closingTime: '09:00' } } });
    expect(hours.body.error.code).toBe('bad_hours');
    expect(h.hub.ledger.lastSeq()).toBe(seq);
    expect((await h.api('POST', '/api/setup', { body: setup(h.setupCode) })).status).toBe(200);
  });

  it('lets only one of several setups at once win', async () => {
    const h = await freshHub();
    const answers = await Promise.all(['a1', 'a2', 'a3', 'a4'].map((id) => h.api('POST', '/api/setup', { body: setup(h.setupCode, '246813', id) })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
    const admins = h.hub.ledger.readEvents().filter((e) => e.type === 'staff.defined');
    expect(admins).toHaveLength(1);
  });

  it('prints a new code after a restart before setup; a demo hub has none', async () => {
    const h = await freshHub();
    const first = h.setupCode;
    await h.close();
    open.splice(0);
    const again = await startTestHub({ demo: false, dataDir: h.dataDir });
    open.push(again);
    expect(again.setupCode).not.toBeNull();
    expect(again.setupCode).not.toBe(first);
    expect((await again.api('POST', '/api/setup', { body: setup(first) })).status).toBe(403);
    const demo = await startTestHub();
    open.push(demo);
    expect(demo.setupCode).toBeNull();
    expect((await demo.api('POST', '/api/setup', { body: setup('ABCDEFGH') })).body.error.code).toBe('already_set_up');
  });
});

// The admin's branch tab through the real API: each change is an event by the admin, applies
// at once (lobby, kiosk config) and bad input or another role changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpRealBranch, startTestHub, type TestHub } from '../../../../tests/support/hub.js';

/** The set-up branch's admin PIN (tests/support/hub.ts setUpRealBranch). */
const ADMIN_PIN = '246813';

let hub: TestHub;
let admin: string;
let manager: string;
let kiosk: string;
let display: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
  manager = await hub.login('manager');
  kiosk = await hub.device('kiosk');
  display = await hub.device('display');
});
afterAll(() => hub.close());

const LOANS = { code: 'loans', prefix: 'L', nameZh: '贷款', nameEn: 'Loans', targetWaitMinutes: 20, maxWaitMinutes: 40 };

/** Every attempt refused, and the ledger exactly as before. */
async function refused(method: string, url: string, cases: { token: string; body: unknown; status: number; code?: string }[], on = hub) {
  const hub = on;
  const seq = hub.hub.lastSeq();
  for (const c of cases) {
    const res = await hub.api(method, url, { token: c.token, body: c.body });
    expect(res.status, JSON.stringify({ body: c.body, answer: res.body })).toBe(c.status);
    if (c.code) expect(res.body.error.code).toBe(c.code);
  }
  expect(hub.hub.lastSeq()).toBe(seq);
}

/** The latest event of a type (the lobby's watcher may raise an alert after it). */
const lastOf = (type: string) => hub.hub.ledger.readEvents(1).filter((e) => e.type === type).at(-1);

describe('services', () => {
  it('refuses bad services and other roles, writing nothing', async () => {
    await refused('POST', '/api/services', [
      { token: manager, body: LOANS, status: 403 },
      { token: kiosk, body: LOANS, status: 403 },
      { token: admin, body: { ...LOANS, code: 'Loans' }, status: 400 },
      { token: admin, body: { ...LOANS, prefix: 'LO' }, status: 400 },
      { token: admin, body: { ...LOANS, prefix: 'l' }, status: 400 },
      { token: admin, body: { ...LOANS, targetWaitMinutes: 50 }, status: 400 },
      { token: admin, body: { ...LOANS, nameZh: '  ' }, status: 400 },
      { token: admin, body: { ...LOANS, prefix: 'A' }, status: 409, code: 'prefix_taken' },
    ]);
  });

  it('adds a service the lobby and the services list show at once', async () => {
    const res = await hub.api('POST', '/api/services', { token: admin, body: LOANS });
    expect(res.status).toBe(200);
    expect(res.body.service).toEqual(LOANS);
    expect(lastOf('service.defined')).toMatchObject({ type: 'service.defined', actor: 'admin', service: { ...LOANS, priorServiceMinutes: 5 } });
    const lobby = (await hub.api('GET', '/api/lobby', { token: display })).body;
    expect(lobby.queues.map((q: { service: string }) => q.service)).toContain('loans');
    const services = (await hub.api('GET', '/api/services', { token: kiosk })).body.services;
    expect(services.find((s: { code: string }) => s.code === 'loans')).toEqual(LOANS);
    // A ticket of it can be issued at once.
    expect((await hub.api('POST', '/api/tickets', { token: manager, body: { service: 'loans' } })).body.ticket.number).toBe('L001');
  });

  it('edits a service by its code, keeping its estimate prior; the same again writes nothing', async () => {
    const edited = { ...LOANS, nameZh: '个人贷款', targetWaitMinutes: 25 };
    expect((await hub.api('POST', '/api/services', { token: admin, body: edited })).status).toBe(200);
    expect(hub.hub.state.services.loans).toEqual({ ...edited, priorServiceMinutes: 5 });
    const cash = { code: 'cash', prefix: 'A', nameZh: '现金', nameEn: 'Cash', targetWaitMinutes: 8, maxWaitMinutes: 16 };
    expect((await hub.api('POST', '/api/services', { token: admin, body: cash })).status).toBe(200);
    expect(hub.hub.state.services.cash!.priorServiceMinutes).toBe(3.5);
    const lobby = (await hub.api('GET', '/api/lobby', { token: manager })).body;
    expect(lobby.queues.find((q: { service: string }) => q.service === 'cash').nameZh).toBe('现金');
    const seq = hub.hub.lastSeq();
    expect((await hub.api('POST', '/api/services', { token: admin, body: edited })).status).toBe(200);
    expect(hub.hub.lastSeq()).toBe(seq);
  });
});

describe('counters', () => {
  it('refuses unknown services, bad numbers and other roles, writing nothing', async () => {
    await refused('POST', '/api/counters', [
      { token: manager, body: { counter: '7', services: ['cash'] }, status: 403 },
      { token: display, body: { counter: '7', services: ['cash'] }, status: 403 },
      { token: admin, body: { counter: '7', services: ['mortgages'] }, status: 400, code: 'unknown_service' },
      { token: admin, body: { counter: '7', services: [] }, status: 400 },
      { token: admin, body: { counter: '7', services: ['cash', 'cash'] }, status: 400 },
      { token: admin, body: { counter: 'x7', services: ['cash'] }, status: 400 },
      { token: admin, body: { counter: '7', services: ['cash'], label: '一个非常非常非常长的窗口名称' }, status: 400 },
    ]);
  });

  it('adds a counter with a label, which every screen reads in the lobby', async () => {
    const res = await hub.api('POST', '/api/counters', { token: admin, body: { counter: '7', services: ['loans', 'cash'], label: '爱心窗口' } });
    expect(res.status).toBe(200);
    expect(res.body.counter).toMatchObject({ id: '7', services: ['loans', 'cash'], status: 'closed', label: '爱心窗口' });
    expect(lastOf('counter.defined')).toMatchObject({ type: 'counter.defined', actor: 'admin', counter: { id: '7', services: ['loans', 'cash'], label: '爱心窗口' } });
    for (const token of [display, kiosk, manager]) {
      const lobby = (await hub.api('GET', '/api/lobby', { token })).body;
      expect(lobby.counters.find((c: { id: string }) => c.id === '7').label).toBe('爱心窗口');
    }
    // The demo's counters have none.
    expect((await hub.api('GET', '/api/lobby', { token: display })).body.counters[0].label).toBeNull();
  });

  it("changes an open counter's services and label, keeping it open with its teller", async () => {
    const teller = await hub.login('teller1');
    expect((await hub.api('POST', '/api/counters/1/open', { token: teller })).status).toBe(200);
    const res = await hub.api('POST', '/api/counters', { token: admin, body: { counter: '1', services: ['noncash', 'cash'], label: '快速窗口' } });
    expect(res.body.counter).toMatchObject({ id: '1', services: ['noncash', 'cash'], status: 'open', staffId: 'teller1', label: '快速窗口' });
    // Services alone keep the label; null removes it.
    await hub.api('POST', '/api/counters', { token: admin, body: { counter: '1', services: ['cash'] } });
    expect(hub.hub.state.counters['1']).toMatchObject({ services: ['cash'], label: '快速窗口', status: 'open' });
    await hub.api('POST', '/api/counters', { token: admin, body: { counter: '1', services: ['cash'], label: null } });
    expect(hub.hub.state.counters['1']).toMatchObject({ label: null, status: 'open', staffId: 'teller1' });
  });
});

describe('branch names and opening hours', () => {
  it('renames the branch: the lobby carries the new names at once', async () => {
    await refused('PUT', '/api/settings/branch', [
      { token: manager, body: { nameZh: '城东支行', nameEn: 'East' }, status: 403 },
      { token: admin, body: { nameZh: '', nameEn: 'East' }, status: 400 },
    ]);
    expect((await hub.api('PUT', '/api/settings/branch', { token: admin, body: { nameZh: '城东支行', nameEn: 'East Branch' } })).status).toBe(200);
    expect(lastOf('settings.changed')).toMatchObject({ type: 'settings.changed', key: 'branch.nameEn', value: 'East Branch', actor: 'admin' });
    expect((await hub.api('GET', '/api/lobby', { token: display })).body.branch).toEqual({ nameZh: '城东支行', nameEn: 'East Branch' });
    expect((await hub.api('GET', '/api/settings/branch', { token: manager })).body).toEqual({ nameZh: '城东支行', nameEn: 'East Branch' });
  });

  it('sets opening hours and patrols; the manager reads them', async () => {
    expect((await hub.api('GET', '/api/settings/opening-hours', { token: manager })).body).toEqual({ openingTime: '09:00', closingTime: '17:00', patrolTimes: ['11:00', '15:00'] });
    const good = { openingTime: '08:30', closingTime: '17:30', patrolTimes: ['14:30', '10:30'] };
    await refused('PUT', '/api/settings/opening-hours', [
      { token: manager, body: good, status: 403 },
      { token: admin, body: { ...good, closingTime: '08:00' }, status: 400 },
      { token: admin, body: { ...good, patrolTimes: ['18:00'] }, status: 400 },
      { token: admin, body: { ...good, patrolTimes: ['10:30', '10:30'] }, status: 400 },
      { token: admin, body: { ...good, openingTime: '8:30' }, status: 400 },
    ]);
    const seq = hub.hub.lastSeq();
    expect((await hub.api('PUT', '/api/settings/opening-hours', { token: admin, body: good })).body.patrolTimes).toEqual(['10:30', '14:30']);
    expect(hub.hub.lastSeq()).toBe(seq + 3);
    expect((await hub.api('GET', '/api/settings/opening-hours', { token: manager })).body).toEqual({ ...good, patrolTimes: ['10:30', '14:30'] });
    // Only what changed is written.
    await hub.api('PUT', '/api/settings/opening-hours', { token: admin, body: { ...good, closingTime: '18:00' } });
    expect(hub.hub.lastSeq()).toBe(seq + 4);
  });
});

describe('kiosk choices', () => {
  const choice = (id: string, service: string | null) => ({ id, nameZh: '贷款', nameEn: 'Loans', service, selfService: null });
  it('refuses choices naming no service of the branch, and other roles', async () => {
    await refused('PUT', '/api/kiosk/config', [
      { token: manager, body: { choices: [choice('loans', 'loans')] }, status: 403 },
      { token: admin, body: { choices: [choice('loans', 'mortgages')] }, status: 400, code: 'unknown_service' },
      { token: admin, body: { choices: [choice('loans', 'loans'), choice('loans', 'cash')] }, status: 400, code: 'duplicate_choice' },
      { token: admin, body: { choices: [] }, status: 400 },
    ]);
  });

  it('replaces the choices; the kiosk reads them at once', async () => {
    const choices = [choice('loans', 'loans'), { ...choice('other', null), nameZh: '其他', nameEn: 'Other' }];
    expect((await hub.api('PUT', '/api/kiosk/config', { token: admin, body: { choices } })).status).toBe(200);
    expect(lastOf('settings.changed')).toMatchObject({ type: 'settings.changed', key: 'kiosk.choices', actor: 'admin' });
    // Saved without a fraud prompt, each reads back with none (fraud.test.ts sets one).
    expect((await hub.api('GET', '/api/kiosk/config', { token: kiosk })).body.choices).toEqual(choices.map((c) => ({ ...c, fraudPrompt: false })));
  });
});

// On a newly set-up branch: the demo keys its VIPs and appointments, so its secret is fixed.
describe('the customer secret', () => {
  let hub: TestHub;
  let admin: string;
  let manager: string;
  beforeAll(async () => {
    hub = await startTestHub({ demo: false });
    ({ admin, staff: manager } = await setUpRealBranch(hub, 'manager'));
  });
  afterAll(() => hub.close());
  const refusedHere = (method: string, url: string, cases: { token: string; body: unknown; status: number; code?: string }[]) => refused(method, url, cases, hub);
  const lastHere = (type: string) => hub.hub.ledger.readEvents(1).filter((e) => e.type === type).at(-1);

  it('shows the fingerprint, and the secret only after the PIN again, never writing it into an event', async () => {
    const state = (await hub.api('GET', '/api/customer-secret', { token: admin })).body;
    expect(state).toEqual({ fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), customersKeyed: false });
    await refusedHere('POST', '/api/customer-secret/show', [
      { token: manager, body: { pin: '580246' }, status: 403 },
      { token: admin, body: {}, status: 400 },
    ]);
    const wrong = await hub.api('POST', '/api/customer-secret/show', { token: admin, body: { pin: '111111' } });
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(wrong.body)).not.toMatch(/[0-9a-f]{64}/);
    const shown = await hub.api('POST', '/api/customer-secret/show', { token: admin, body: { pin: ADMIN_PIN } });
    expect(shown.body).toEqual({ secret: expect.stringMatching(/^[0-9a-f]{64}$/), fingerprint: state.fingerprint });
    expect(lastHere('customer_secret.shown')).toEqual(expect.objectContaining({ type: 'customer_secret.shown', actor: 'chen', fingerprint: state.fingerprint }));
    const ledger = JSON.stringify(hub.hub.ledger.readEvents(1));
    expect(ledger).not.toContain(shown.body.secret);
  });

  it("takes another branch's secret while no customer is keyed, then refuses to change it", async () => {
    const other = 'ab'.repeat(32);
    await refusedHere('POST', '/api/customer-secret/set', [
      { token: manager, body: { pin: '580246', secret: other }, status: 403 },
      { token: admin, body: { pin: ADMIN_PIN, secret: 'not-hex' }, status: 400 },
      { token: admin, body: { pin: '999999', secret: other }, status: 401 },
    ]);
    const set = await hub.api('POST', '/api/customer-secret/set', { token: admin, body: { pin: ADMIN_PIN, secret: other } });
    expect(set.status).toBe(200);
    expect(lastHere('settings.changed')).toMatchObject({ type: 'settings.changed', key: 'branch.secret_fingerprint', value: set.body.fingerprint, actor: 'chen' });
    expect(JSON.stringify(hub.hub.ledger.readEvents(1))).not.toContain(other);
    // A customer keyed with it: now another secret would orphan the key.
    expect((await hub.api('POST', '/api/notebook', { token: manager, body: { kind: 'phone', number: '13800000000', title: 'Mr Wang', notes: 'magnifier', tags: [] } })).status).toBe(200);
    expect((await hub.api('GET', '/api/customer-secret', { token: admin })).body.customersKeyed).toBe(true);
    await refusedHere('POST', '/api/customer-secret/set', [{ token: admin, body: { pin: ADMIN_PIN, secret: 'cd'.repeat(32) }, status: 409, code: 'customers_keyed' }]);
  });

  it('locks the admin after repeated wrong PINs, as at sign-in', async () => {
    let last = 0;
    for (let i = 0; i < 6; i++) last = (await hub.api('POST', '/api/customer-secret/show', { token: admin, body: { pin: '222222' } })).status;
    expect(last).toBe(429);
    expect((await hub.api('POST', '/api/customer-secret/show', { token: admin, body: { pin: ADMIN_PIN } })).status).toBe(429);
  });
});

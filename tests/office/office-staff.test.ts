// Head-office staff and regional managers (issue 16, roles), as an attacker would try them: a
// real office over HTTP (PGlite, or PostgreSQL with ATRIUM_TEST_PG_URL). The hq_admin adds a
// regional manager with a one-time PIN and a set of branches; the manager reads those branches
// and nothing else (lists, reports, alerts filtered; another branch's live view 403 whether it
// exists or not), touches no admin route; a branch credential touches no staff route; changes
// at once and in parallel leave a whole state and an audit row each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sr from '../../main/common/office/staff-routes.js';
import { startTestOffice, type TestOffice } from './support.js';

const LONG = 120_000;
let office: TestOffice;
let admin: string;
const branch: Record<'north' | 'south' | 'west', { id: string; credential: string }> = {} as never;

async function newBranch(name: string): Promise<{ id: string; credential: string }> {
  const created = await office.api('POST', '/api/office/branches', { token: admin, body: { name } });
  const enrolled = await office.api('POST', '/api/office/enrol', { body: { code: created.body.enrolmentCode } });
  expect(enrolled.status).toBe(200);
  return { id: created.body.branchId, credential: enrolled.body.credential };
}

/** Adds a person as hq-admin and has them choose their PIN; their session token. */
async function addPerson(staffId: string, role: string, branches?: string[], pin = '246813'): Promise<string> {
  const added = await office.api('POST', '/api/office/staff', { token: admin, body: { staffId, name: `Name of ${staffId}`, role, ...(branches ? { branches } : {}) } });
  expect(added.status, JSON.stringify(added.body)).toBe(200);
  const chosen = await office.api('POST', '/api/auth/pin', { body: { staffId, pin: added.body.oneTimePin, newPin: pin } });
  expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
  return chosen.body.token;
}

const ids = (list: { branchId: string }[]) => list.map((b) => b.branchId).sort();
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  office = await startTestOffice();
  admin = await office.login();
  branch.north = await newBranch('North');
  branch.south = await newBranch('South');
  branch.west = await newBranch('West');
  // An office alert at North and one at West (what a broken chain leaves).
  for (const b of [branch.north, branch.west]) await office.sql.query("INSERT INTO office_alerts (branch_id, kind, message) VALUES ($1, 'chain_broken', 'test')", [b.id]);
}, LONG);
afterAll(() => office?.close());

describe('a regional manager', () => {
  it('gets a one-time PIN that signs nobody in, chooses their own, then reads their branches only', async () => {
    const added = await office.api('POST', '/api/office/staff', {
      token: admin,
      body: { staffId: 'rm-east', name: '华东区经理', role: 'regional_manager', branches: [branch.south.id, branch.north.id] },
    });
    expect(added.status).toBe(200);
    expect(added.body.oneTimePin).toMatch(/^\d{6}$/);
    const refused = await office.api('POST', '/api/auth/login', { body: { staffId: 'rm-east', pin: added.body.oneTimePin } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('pin_change_required');
    const weak = await office.api('POST', '/api/auth/pin', { body: { staffId: 'rm-east', pin: added.body.oneTimePin, newPin: '123456' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('weak_pin');
    const wrong = await office.api('POST', '/api/auth/pin', { body: { staffId: 'rm-east', pin: '999999', newPin: '246813' } });
    expect(wrong.status).toBe(401);
    // Two uses of one one-time PIN at once: one PIN is set, the other is told.
    const both = await Promise.all(['246813', '135792'].map((newPin) => office.api('POST', '/api/auth/pin', { body: { staffId: 'rm-east', pin: added.body.oneTimePin, newPin } })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = both.find((r) => r.status === 200)!;
    expect(both.find((r) => r.status === 409)!.body.error.code).toBe('pin_already_changed');
    expect(won.body).toMatchObject({ role: 'regional_manager', staffId: 'rm-east', demoPin: false });
    const rm = won.body.token as string;

    const list = await office.api('GET', '/api/office/branches', { token: rm });
    expect(list.status).toBe(200);
    expect(ids(list.body.branches)).toEqual([branch.north.id, branch.south.id].sort());
    for (const url of [`/api/office/reports/daily?date=${today()}`, `/api/office/reports/monthly?month=${today().slice(0, 7)}`]) {
      const report = await office.api('GET', url, { token: rm });
      expect(report.status).toBe(200);
      expect(ids(report.body.branches)).toEqual([branch.north.id, branch.south.id].sort());
    }
    const alerts = await office.api('GET', '/api/office/alerts', { token: rm });
    expect(alerts.body.alerts.map((a: { branchId: string }) => a.branchId)).toEqual([branch.north.id]);
    expect((await office.api('GET', `/api/office/branches/${branch.north.id}/live`, { token: rm })).status).toBe(200);
    // The admin still reads everything.
    expect(ids((await office.api('GET', '/api/office/branches', { token: admin })).body.branches)).toEqual([branch.north.id, branch.south.id, branch.west.id].sort());
    expect((await office.api('GET', '/api/office/alerts', { token: admin })).body.alerts).toHaveLength(2);
  }, LONG);

  it("is 403 on another branch's live view, existing or not, and on every admin route", async () => {
    const rm = (await office.api('POST', '/api/auth/login', { body: { staffId: 'rm-east', pin: '246813' } })).body.token ?? (await office.api('POST', '/api/auth/login', { body: { staffId: 'rm-east', pin: '135792' } })).body.token;
    expect(rm).toEqual(expect.any(String));
    for (const id of [branch.west.id, 'br-doesnotexist', encodeURIComponent(`${branch.north.id}x`)]) {
      const res = await office.api('GET', `/api/office/branches/${id}/live`, { token: rm });
      expect(res.status, id).toBe(403);
      expect(res.body.error.code).toBe('not_your_branch');
    }
    // The admin is told which IDs do not exist; the manager is not (above).
    expect((await office.api('GET', '/api/office/branches/br-doesnotexist/live', { token: admin })).status).toBe(404);
    const before = await office.sql.query('SELECT * FROM office_staff_branches ORDER BY 1, 2');
    const attempts: [string, string, unknown?][] = [
      ['POST', '/api/office/branches', { name: 'Mine' }],
      ['POST', `/api/office/branches/${branch.north.id}/reset-chain`, { reason: 'because' }],
      ['GET', '/api/office/audit'],
      ['GET', '/api/office/staff'],
      ['POST', '/api/office/staff', { staffId: 'rm-evil', name: 'Evil', role: 'hq_admin' }],
      ['PATCH', '/api/office/staff/rm-east', { branches: [branch.north.id, branch.south.id, branch.west.id] }],
      ['PATCH', '/api/office/staff/rm-east', { role: 'hq_admin' }],
      ['POST', '/api/office/staff/hq-admin/reset-pin'],
      ['POST', '/api/office/ingest', { timeZone: 'UTC', events: [] }],
      ['GET', '/api/office/notebook?since=0'],
    ];
    for (const [method, url, body] of attempts) {
      const res = await office.api(method, url, { token: rm, body });
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect(await office.sql.query('SELECT * FROM office_staff_branches ORDER BY 1, 2')).toEqual(before);
    expect((await office.sql.query("SELECT role FROM office_staff WHERE staff_id = 'rm-east'"))[0]).toEqual({ role: 'regional_manager' });
    // Choosing another person's PIN while signed in as oneself: that person's PIN is still asked for.
    const other = await office.api('POST', '/api/auth/pin', { token: rm, body: { staffId: 'hq-admin', pin: '111111', newPin: '246813' } });
    expect(other.status).toBe(401);
    expect(other.body.error.code).toBe('wrong_pin');
  }, LONG);

  it('reads a changed set at their next request; disabled, their token is 401 and their PIN 403', async () => {
    const rm = await addPerson('rm-north', 'regional_manager', [branch.north.id]);
    expect(ids((await office.api('GET', '/api/office/branches', { token: rm })).body.branches)).toEqual([branch.north.id]);
    const changed = await office.api('PATCH', '/api/office/staff/rm-north', { token: admin, body: { branches: [branch.west.id] } });
    expect(changed.status).toBe(200);
    expect(changed.body.staff).toMatchObject({ staffId: 'rm-north', role: 'regional_manager', branches: [branch.west.id], disabled: false, pinChangePending: false });
    expect(ids((await office.api('GET', '/api/office/branches', { token: rm })).body.branches)).toEqual([branch.west.id]);
    expect((await office.api('GET', `/api/office/branches/${branch.north.id}/live`, { token: rm })).status).toBe(403);
    for (const bad of [{ branches: [] }, { branches: ['br-nope'] }, { role: 'hq_admin', branches: [branch.north.id] }]) {
      const res = await office.api('PATCH', '/api/office/staff/rm-north', { token: admin, body: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(['branches_for_role', 'unknown_branch']).toContain(res.body.error.code);
    }
    expect((await office.api('PATCH', '/api/office/staff/nobody', { token: admin, body: { disabled: true } })).status).toBe(404);

    expect((await office.api('PATCH', '/api/office/staff/rm-north', { token: admin, body: { disabled: true } })).status).toBe(200);
    expect((await office.api('GET', '/api/office/branches', { token: rm })).status).toBe(401);
    const login = await office.api('POST', '/api/auth/login', { body: { staffId: 'rm-north', pin: '246813' } });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('staff_disabled');
    expect((await office.api('PATCH', '/api/office/staff/rm-north', { token: admin, body: { disabled: false } })).status).toBe(200);
    const again = (await office.api('POST', '/api/auth/login', { body: { staffId: 'rm-north', pin: '246813' } })).body.token;

    const reset = await office.api('POST', '/api/office/staff/rm-north/reset-pin', { token: admin });
    expect(reset.body.oneTimePin).toMatch(/^\d{6}$/);
    expect((await office.api('GET', '/api/office/branches', { token: again })).status).toBe(401);
    expect((await office.api('POST', '/api/auth/login', { body: { staffId: 'rm-north', pin: '246813' } })).status).toBe(401);
    const listed = (await office.api('GET', '/api/office/staff', { token: admin })).body.staff.find((s: { staffId: string }) => s.staffId === 'rm-north');
    expect(listed).toMatchObject({ pinChangePending: true, disabled: false, branches: [branch.west.id] });

    const audit = (await office.api('GET', '/api/office/audit', { token: admin })).body.entries.filter((e: { detail: string }) => e.detail.startsWith('rm-north'));
    expect(audit.map((e: { action: string }) => e.action).reverse()).toEqual(['staff.added', 'staff.pin_chosen', 'staff.changed', 'staff.changed', 'staff.changed', 'staff.pin_reset']);
    expect(audit.find((e: { detail: string }) => e.detail.includes('→'))).toMatchObject({ actor: 'hq-admin', detail: `rm-north: branches ${branch.north.id} → ${branch.west.id}` });
  }, LONG);
});

describe('staff routes under attack', () => {
  it('a branch credential, no token, a garbage token: refused, nothing written', async () => {
    const before = JSON.stringify([await office.sql.query('SELECT * FROM office_staff ORDER BY 1'), await office.sql.query('SELECT * FROM office_staff_branches ORDER BY 1, 2')]);
    const attempts: [string, string, unknown?][] = [
      ['GET', '/api/office/staff'],
      ['POST', '/api/office/staff', { staffId: 'branch-spy', name: 'Spy', role: 'hq_admin' }],
      ['PATCH', '/api/office/staff/rm-east', { branches: [branch.west.id] }],
      ['PATCH', '/api/office/staff/hq-admin', { disabled: true }],
      ['POST', '/api/office/staff/hq-admin/reset-pin'],
    ];
    for (const [method, url, body] of attempts) {
      expect((await office.api(method, url, { token: branch.north.credential, body })).status, `${method} ${url} as a branch`).toBe(403);
      expect((await office.api(method, url, { body })).status, `${method} ${url} with no token`).toBe(401);
      expect((await office.api(method, url, { token: 'garbage', body })).status, `${method} ${url} with garbage`).toBe(401);
    }
    // A branch's credential does not count as "signed in as" anyone for choosing a PIN.
    expect((await office.api('POST', '/api/auth/pin', { token: branch.north.credential, body: { staffId: 'hq-admin', pin: '000000', newPin: '246813' } })).status).toBe(401);
    expect(JSON.stringify([await office.sql.query('SELECT * FROM office_staff ORDER BY 1'), await office.sql.query('SELECT * FROM office_staff_branches ORDER BY 1, 2')])).toBe(before);
  }, LONG);

  it('parallel changes of one manager leave one whole set, each audited; parallel adds of one ID make one person', async () => {
    await addPerson('rm-race', 'regional_manager', [branch.north.id]);
    const sets = [[branch.south.id], [branch.west.id], [branch.south.id, branch.west.id], [branch.north.id, branch.south.id], [branch.north.id, branch.west.id], [branch.north.id, branch.south.id, branch.west.id]];
    const answers = await Promise.all(sets.map((branches) => office.api('PATCH', '/api/office/staff/rm-race', { token: admin, body: { branches } })));
    expect(answers.map((a) => a.status)).toEqual(sets.map(() => 200));
    const final = (await office.sql.query<{ branch_id: string }>("SELECT branch_id FROM office_staff_branches WHERE staff_id = 'rm-race' ORDER BY branch_id")).map((r) => r.branch_id);
    expect(sets.map((s) => [...s].sort().join(','))).toContain(final.join(','));
    const audited = (await office.api('GET', '/api/office/audit', { token: admin })).body.entries.filter((e: { action: string; detail: string }) => e.action === 'staff.changed' && e.detail.startsWith('rm-race'));
    expect(audited).toHaveLength(sets.length);
    // A role change and a disable at once with a change of branches: whichever order, a whole state.
    await Promise.all([
      office.api('PATCH', '/api/office/staff/rm-race', { token: admin, body: { role: 'hq_admin' } }),
      office.api('PATCH', '/api/office/staff/rm-race', { token: admin, body: { branches: [branch.west.id] } }),
    ]);
    const [row] = await office.sql.query<{ role: string }>("SELECT role FROM office_staff WHERE staff_id = 'rm-race'");
    const links = await office.sql.query("SELECT branch_id FROM office_staff_branches WHERE staff_id = 'rm-race'");
    // An hq_admin holds no branches; a regional manager at least one.
    expect(row!.role === 'hq_admin' ? links.length === 0 : links.length > 0).toBe(true);

    const adds = await Promise.all([1, 2, 3].map(() => office.api('POST', '/api/office/staff', { token: admin, body: { staffId: 'rm-twice', name: 'Twice', role: 'regional_manager', branches: [branch.north.id] } })));
    expect(adds.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(await office.sql.query("SELECT staff_id FROM office_staff WHERE staff_id = 'rm-twice'")).toHaveLength(1);
  }, LONG);

  it('two hq_admins disabling each other at once leave one who can sign in (409 last_admin)', async () => {
    // Every other hq_admin out of the way first, so exactly two remain.
    const second = await addPerson('hq-second', 'hq_admin');
    for (const s of (await office.api('GET', '/api/office/staff', { token: admin })).body.staff) {
      if (s.role === 'hq_admin' && !['hq-admin', 'hq-second'].includes(s.staffId)) await office.api('PATCH', `/api/office/staff/${s.staffId}`, { token: admin, body: { disabled: true } });
    }
    const [a, b] = await Promise.all([
      office.api('PATCH', '/api/office/staff/hq-second', { token: admin, body: { disabled: true } }),
      office.api('PATCH', '/api/office/staff/hq-admin', { token: second, body: { disabled: true } }),
    ]);
    const statuses = [a.status, b.status];
    // One wins; the loser, let in while still an admin, is no longer one when its change runs
    // (403), or is the last admin (409), or was signed out before it was let in (401).
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => [401, 403, 409].includes(s))).toHaveLength(1);
    const [n] = await office.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM office_staff WHERE role = 'hq_admin' AND NOT disabled");
    expect(Number(n!.n)).toBe(1);
    const last = (await office.sql.query<{ staff_id: string }>("SELECT staff_id FROM office_staff WHERE role = 'hq_admin' AND NOT disabled"))[0]!.staff_id;
    const lastToken = last === 'hq-admin' ? admin : second;
    const self = await office.api('PATCH', `/api/office/staff/${last}`, { token: lastToken, body: { role: 'regional_manager', branches: [branch.north.id] } });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('last_admin');
    if (last !== 'hq-admin') admin = second;
    // Put things back for anyone after.
    await office.api('PATCH', '/api/office/staff/hq-admin', { token: lastToken, body: { disabled: false } });
  }, LONG);
});

describe('the staff routes', () => {
  it('answer in the shapes of the route table', async () => {
    const added = await office.api('POST', sr.addStaff.path, { token: admin, body: { staffId: 'rm-shape', name: 'Shape', role: 'regional_manager', branches: [branch.south.id] } });
    sr.addStaff.answer.parse(added.body);
    sr.ownPin.answer.parse((await office.api('POST', sr.ownPin.path, { body: { staffId: 'rm-shape', pin: added.body.oneTimePin, newPin: '975310' } })).body);
    sr.listStaff.answer.parse((await office.api('GET', sr.listStaff.path, { token: admin })).body);
    sr.changeStaff.answer.parse((await office.api('PATCH', '/api/office/staff/rm-shape', { token: admin, body: { name: 'Shape Two' } })).body);
    sr.resetStaffPin.answer.parse((await office.api('POST', '/api/office/staff/rm-shape/reset-pin', { token: admin })).body);
  }, LONG);
});

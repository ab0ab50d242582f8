// Issue 16 point 4, from office to branches: services, kiosk choices, checklist templates and
// the VIP register, each versioned at head office, pulled by hubs and applied as events in the
// hub's own ledger. Real components: a real office (PGlite in a temp folder, or
// ATRIUM_TEST_PG_URL's server), two real demo hubs enrolled with it, HTTP on loopback.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as routes from '../../main/common/office/routes.js';
import { CONFIG_CURSOR_FILE } from '../../main/hub/office-link/config-pull.js';
import { readOfficeLink } from '../../main/hub/office-link/link-file.js';
import { openSession } from '../../main/office/auth/staff.js';
import { runCli } from '../support/cli.js';
import { tempDir, type TestHub } from '../support/hub.js';
import { BRANCH_KEYS, eventually, twoEnrolledBranches, type BranchKey, type TestOffice, type TwoBranches } from './support.js';

const POLL_MS = 300;
const LONG = 180_000;
// A card and a phone registered at the office only, written as a CRM writes them.
const CARD = '6222 0211 4455 6677';
const CARD_DIGITS = '6222021144556677';
const PHONE = '139-0013-9777';
const PHONE_DIGITS = '13900139777';

const FX = { code: 'fx', prefix: 'F', nameZh: '外汇', nameEn: 'Foreign exchange', targetWaitMinutes: 10, maxWaitMinutes: 20 };
const CHOICES = [
  { id: 'cash', nameZh: '取款存款', nameEn: 'Withdraw or deposit', service: 'cash', selfService: null, fraudPrompt: false },
  { id: 'fx', nameZh: '换外币', nameEn: 'Foreign currency', service: 'fx', selfService: null, fraudPrompt: true },
];
const OPENING = [
  { id: 'lights', zh: '开灯、开空调', en: 'Lights and air conditioning on' },
  { id: 'queue_machine', zh: '排队机开机并打印测试票', en: 'Queue machine on, test ticket printed', device: true },
];

const KEYS = BRANCH_KEYS;

let pair: TwoBranches;
let office: TestOffice;
let admin: string;
let dirs: TwoBranches['dirs'];
let hubs: TwoBranches['hubs'];
const start = (k: BranchKey) => pair.start(k);
const stop = (k: BranchKey) => pair.stop(k);

const publish = (kind: string, body: unknown, token: string | null = admin) => office.api('PUT', `/api/office/config/${kind}`, { token, body });
const configEvents = (h: TestHub) => h.hub.ledger.readEvents().filter((e) => e.type === 'office.config_applied' || e.type === 'office.config_refused') as any[];
const dealtWith = (h: TestHub, kind: string, version: number) => configEvents(h).some((e) => e.kind === kind && e.version === version);
/** Both hubs have dealt with this version (applied or refused). */
async function bothDealtWith(kind: string, version: number) {
  for (const k of KEYS) {
    const h = hubs[k]!;
    expect(await eventually(() => dealtWith(h, kind, version), Boolean, 30_000), `${k} ${kind} ${version}`).toBe(true);
  }
}
const officeState = async () => ({
  config: await office.sql.query('SELECT kind, version, digest FROM office_config ORDER BY kind, version'),
  audit: (await office.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM office_audit'))[0]!.n,
});

beforeAll(async () => {
  pair = await twoEnrolledBranches({ dirPrefix: 'atrium-cfg', notebookPollMs: POLL_MS });
  ({ office, admin, dirs, hubs } = pair);
}, LONG);
afterAll(async () => {
  await pair?.close();
});

describe('branch configuration from head office', () => {
  it('publishes services, and both hubs define them through their own write path', async () => {
    const cash = { code: 'cash', prefix: 'A', nameZh: '现金', nameEn: 'Cash', targetWaitMinutes: 12, maxWaitMinutes: 25 };
    const res = await publish('services', { services: [cash, FX] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(routes.publishConfig.answer.parse(res.body)).toEqual({ kind: 'services', version: 1, changed: true });
    await bothDealtWith('services', 1);
    for (const k of KEYS) {
      const h = hubs[k]!;
      const services = (await h.api('GET', '/api/services', { token: await h.login('manager') })).body.services as any[];
      expect(services.find((s) => s.code === 'fx')).toMatchObject({ prefix: 'F', nameEn: 'Foreign exchange' });
      expect(services.find((s) => s.code === 'cash')).toMatchObject({ nameZh: '现金', targetWaitMinutes: 12 });
      // The ordinary events and the version that brought them, in one commit, by the office.
      const events = h.hub.ledger.readEvents();
      const mark = events.findIndex((e) => e.type === 'office.config_applied');
      expect(events[mark]).toMatchObject({ kind: 'services', version: 1, events: 2, actor: 'office:config' });
      expect(events.slice(mark - 2, mark).map((e) => [e.type, (e as any).service.code, e.actor])).toEqual([
        ['service.defined', 'cash', 'office:config'],
        ['service.defined', 'fx', 'office:config'],
      ]);
      // A ticket of the new service, at once.
      expect((await h.api('POST', '/api/tickets', { token: await h.login('manager'), body: { service: 'fx' } })).body.ticket.number).toBe('F001');
    }
    // Audited at the office.
    const audit = (await office.api('GET', '/api/office/audit', { token: admin })).body.entries as any[];
    expect(audit[0]).toMatchObject({ actor: 'hq-admin', action: 'config.published', detail: 'services version 1: 2 services' });
  }, LONG);

  it('publishes kiosk choices and checklist templates, each with its own version', async () => {
    expect((await publish('kiosk-choices', { choices: CHOICES })).body).toEqual({ kind: 'kiosk-choices', version: 1, changed: true });
    expect((await publish('checklist-templates', { templates: [{ kind: 'opening', items: OPENING }] })).body).toEqual({ kind: 'checklist-templates', version: 1, changed: true });
    await bothDealtWith('kiosk-choices', 1);
    await bothDealtWith('checklist-templates', 1);
    for (const k of KEYS) {
      const h = hubs[k]!;
      const kiosk = await h.device('kiosk');
      expect((await h.api('GET', '/api/kiosk/config', { token: kiosk })).body.choices).toEqual(CHOICES);
      const templates = (await h.api('GET', '/api/checklists/templates', { token: await h.login('manager') })).body.templates as any[];
      const opening = templates.find((t) => t.kind === 'opening');
      expect(opening.items).toEqual(OPENING);
      expect(opening.version).toBe(2);
    }
  }, LONG);

  it('skips, with its reason, a version a branch refuses, writing nothing of it; the next version applies', async () => {
    const gold = [...CHOICES, { id: 'gold', nameZh: '黄金', nameEn: 'Gold', service: 'gold', selfService: null, fraudPrompt: false }];
    expect((await publish('kiosk-choices', { choices: gold })).body).toMatchObject({ version: 2 });
    await bothDealtWith('kiosk-choices', 2);
    for (const k of KEYS) {
      const h = hubs[k]!;
      expect(configEvents(h).at(-1)).toMatchObject({ type: 'office.config_refused', kind: 'kiosk-choices', version: 2, code: 'unknown_service', actor: 'office:config' });
      expect(configEvents(h).at(-1).reason).toContain('gold');
      expect((await h.api('GET', '/api/kiosk/config', { token: await h.login('manager') })).body.choices).toEqual(CHOICES);
    }
    // The office learns of it as of everything a branch does: the event ships with the branch's ledger.
    const shipped = () => office.sql.query<{ branch_id: string; data: string }>("SELECT branch_id, data FROM office_events WHERE type = 'office.config_refused'");
    const refusals = await eventually(shipped, (r) => r.length === 2, 30_000);
    expect(refusals.map((r) => JSON.parse(r.data))).toEqual([0, 1].map(() => expect.objectContaining({ kind: 'kiosk-choices', version: 2, code: 'unknown_service' })));
    const fewer = CHOICES.slice(0, 1);
    expect((await publish('kiosk-choices', { choices: fewer })).body).toMatchObject({ version: 3 });
    await bothDealtWith('kiosk-choices', 3);
    for (const k of KEYS) expect((await hubs[k]!.api('GET', '/api/kiosk/config', { token: await hubs[k]!.login('manager') })).body.choices).toEqual(fewer);
  }, LONG);

  it('keys the VIP register at the office: a card registered there checks in as VIP at a branch, and no number is stored anywhere', async () => {
    const rows = [
      { title: '周先生', card: CARD, notes: ['偏好靠窗的柜台'], tags: ['wealth'] },
      { title: '吴女士', phone: PHONE },
    ];
    expect((await publish('vip-register', { rows })).body).toEqual({ kind: 'vip-register', version: 1, changed: true, dropped: 0 });
    await bothDealtWith('vip-register', 1);
    for (const k of KEYS) {
      const h = hubs[k]!;
      const kiosk = await h.device('kiosk');
      const card = await h.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { card: CARD_DIGITS } });
      expect(card.status, JSON.stringify(card.body)).toBe(200);
      expect(card.body.ticket).toMatchObject({ service: 'vip', priority: 'vip' });
      const phone = await h.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { phone: PHONE_DIGITS } });
      expect(phone.status, JSON.stringify(phone.body)).toBe(200);
      // The register replaced the demo's, as an import does.
      expect((await h.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { card: '6222000011112222' } })).status).toBe(404);
      const customer = await h.api('GET', `/api/tickets/${card.body.ticket.id}/customer`, { token: await h.login('manager') });
      expect(customer.body.customer).toMatchObject({ title: '周先生', vip: true, notes: ['偏好靠窗的柜台'], tags: ['wealth'] });
    }
    // No office table holds a number, nor any hub's ledger row.
    const tables = (await office.sql.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).map((r) => r.tablename);
    expect(tables).toContain('office_config');
    let dump = '';
    for (const t of tables) dump += JSON.stringify(await office.sql.query(`SELECT * FROM ${t}`));
    const numbers = [CARD, CARD_DIGITS, PHONE, PHONE_DIGITS, '4455 6677', '0013-9777'];
    for (const n of numbers) expect(dump, n).not.toContain(n);
    expect(dump).toContain('周先生');
    for (const k of KEYS) {
      const rowsText = JSON.stringify(hubs[k]!.hub.ledger.db.prepare('SELECT * FROM events').all());
      for (const n of numbers) expect(rowsText, `${k} ${n}`).not.toContain(n);
    }
  }, LONG);

  it('refuses bad input with 400 and a code, writing nothing', async () => {
    const before = await officeState();
    const bad: [string, unknown, string][] = [
      ['services', { services: [{ ...FX, prefix: 'FX' }] }, 'invalid_request'],
      ['services', { services: [FX, { ...FX, code: 'fx2' }] }, 'invalid_request'],
      ['services', { choices: CHOICES }, 'invalid_request'],
      ['services', {}, 'invalid_request'],
      ['kiosk-choices', { choices: [] }, 'invalid_request'],
      ['checklist-templates', { templates: [{ kind: 'lunch', items: OPENING }] }, 'invalid_request'],
      ['vip-register', { rows: [{ title: '周先生', card: '1234' }] }, 'invalid_request'],
      ['vip-register', { rows: [{ title: '周先生' }] }, 'invalid_request'],
      ['vip-register', { rows: [{ title: '周先生', card: CARD }, { title: '周太太', card: CARD_DIGITS }] }, 'duplicate_number'],
      ['vip-register', { rows: [{ title: '周先生', card: CARD }], extra: 1 }, 'invalid_request'],
      ['weather', { services: [FX] }, 'invalid_request'],
    ];
    for (const [kind, body, code] of bad) {
      const res = await publish(kind, body);
      expect(res.status, `${kind} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error.code, JSON.stringify(res.body)).toBe(code);
      expect(res.body.error.message).toEqual(expect.any(String));
      // A refusal never repeats a number.
      expect(JSON.stringify(res.body)).not.toContain(CARD_DIGITS.slice(-8));
    }
    expect((await office.api('GET', '/api/office/config?after=weather:1', { token: readOfficeLink(dirs.a)!.credential })).status).toBe(400);
    expect(await officeState()).toEqual(before);
  }, LONG);

  it('lets only hq_admin publish, and only a branch pull', async () => {
    const before = await officeState();
    const branch = readOfficeLink(dirs.a)!.credential;
    const body = { services: [FX] };
    expect((await publish('services', body, null)).status).toBe(401);
    expect((await publish('services', body, branch)).status).toBe(403);
    await office.sql.query("INSERT INTO office_staff (staff_id, role, pin_hash) VALUES ('rm-cfg', 'regional_manager', 'x') ON CONFLICT DO NOTHING");
    const regional = await openSession(office.sql, { staffId: 'rm-cfg', role: 'regional_manager', pinHash: 'x', demoPin: false }, Date.now());
    expect((await publish('services', body, regional)).status).toBe(403);
    expect((await publish('services', body, await hubs.a!.login('admin'))).status).toBe(401);
    expect(await officeState()).toEqual(before);
    expect((await office.api('GET', '/api/office/config', { token: admin })).status).toBe(403);
    const pulled = await office.api('GET', '/api/office/config?after=services:1', { token: branch });
    expect(pulled.status).toBe(200);
    const answer = routes.pullConfig.answer.parse(pulled.body);
    expect(answer.versions).toEqual({ services: 1, 'kiosk-choices': 3, 'checklist-templates': 1, 'vip-register': 1 });
    expect(answer.documents.map((d) => [d.kind, d.version])).toEqual([
      ['kiosk-choices', 3],
      ['checklist-templates', 1],
      ['vip-register', 1],
    ]);
  }, LONG);

  it('gives the same version for the same document, and a hub applies each version once, across restarts', async () => {
    const cash = { code: 'cash', prefix: 'A', nameZh: '现金', nameEn: 'Cash', targetWaitMinutes: 12, maxWaitMinutes: 25 };
    const again = await publish('services', { services: [cash, FX] });
    expect(again.body).toEqual({ kind: 'services', version: 1, changed: false });
    const counts = () => KEYS.map((k) => configEvents(hubs[k]!).length);
    const before = counts();
    expect(before).toEqual([6, 6]);
    // A restarts with its cursor file; B restarts without it (the ledger says what it holds).
    await stop('a');
    await stop('b');
    rmSync(path.join(dirs.b, CONFIG_CURSOR_FILE));
    await start('a');
    await start('b');
    await new Promise((r) => setTimeout(r, 5 * POLL_MS));
    expect(counts()).toEqual(before);
    // A new version still arrives after the restart.
    const fx = { ...FX, nameEn: 'Foreign currency' };
    expect((await publish('services', { services: [fx] })).body).toEqual({ kind: 'services', version: 2, changed: true });
    await bothDealtWith('services', 2);
    expect(counts()).toEqual(before.map((n) => n + 1));
  }, LONG);

  it("shows the office which version each branch holds and why a branch refused one, from the events the hubs shipped", async () => {
    const status = async (token = admin) => office.api('GET', '/api/office/config/status', { token });
    const kioskOf = (body: any, branchId: string) => body.branches.find((b: any) => b.branchId === branchId)?.kinds.find((k: any) => k.kind === 'kiosk-choices');
    // A version both hubs refuse (a choice for a service they lack).
    const gold = [...CHOICES, { id: 'gold2', nameZh: '黄金', nameEn: 'Gold', service: 'gold', selfService: null, fraudPrompt: false }];
    const refusedVersion = (await publish('kiosk-choices', { choices: gold })).body.version as number;
    const shipped = await eventually(
      () => status(),
      (r) => Object.values(pair.branchIds).every((id) => kioskOf(r.body, id)?.refused?.version === refusedVersion),
      60_000,
    );
    expect(shipped.status).toBe(200);
    const answer = routes.configStatus.answer.parse(shipped.body);
    expect(answer.published.find((p) => p.kind === 'kiosk-choices')).toMatchObject({ version: refusedVersion, publishedBy: 'hq-admin' });
    for (const id of Object.values(pair.branchIds)) {
      const kinds = answer.branches.find((b) => b.branchId === id)!.kinds;
      expect(kinds.find((k) => k.kind === 'kiosk-choices')).toMatchObject({ applied: refusedVersion - 1, refused: { version: refusedVersion, code: 'unknown_service' } });
      expect(kinds.find((k) => k.kind === 'kiosk-choices')!.refused!.reason).toContain('gold');
      expect(kinds.find((k) => k.kind === 'services')).toMatchObject({ applied: 2, refused: null });
      expect(kinds.find((k) => k.kind === 'vip-register')).toMatchObject({ applied: 1, refused: null });
    }
    // A regional manager sees their branches only; a branch's own credential may not read it.
    await office.sql.query("INSERT INTO office_staff (staff_id, role, pin_hash) VALUES ('rm-status', 'regional_manager', 'x') ON CONFLICT DO NOTHING");
    await office.sql.query('INSERT INTO office_staff_branches (staff_id, branch_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', ['rm-status', pair.branchIds.b]);
    const regional = await openSession(office.sql, { staffId: 'rm-status', role: 'regional_manager', pinHash: 'x', demoPin: false }, Date.now());
    expect((await status(regional)).body.branches.map((b: any) => b.branchId)).toEqual([pair.branchIds.b]);
    expect((await status(readOfficeLink(dirs.a)!.credential)).status).toBe(403);
    expect((await status(null as unknown as string)).status).toBe(401);
    // The next version applies: the refusal is history, no longer shown.
    expect((await publish('kiosk-choices', { choices: CHOICES.slice(0, 1) })).body.version).toBe(refusedVersion + 1);
    const after = await eventually(
      () => status(),
      (r) => Object.values(pair.branchIds).every((id) => kioskOf(r.body, id)?.applied === refusedVersion + 1),
      60_000,
    );
    for (const id of Object.values(pair.branchIds)) expect(kioskOf(after.body, id)).toEqual({ kind: 'kiosk-choices', applied: refusedVersion + 1, refused: null });
  }, LONG);

  it('verifies and rebuilds on both hubs', async () => {
    await stop('a');
    await stop('b');
    for (const k of KEYS) {
      const verify = await runCli(['verify', '--data', dirs[k]]);
      expect(verify.status, verify.stderr).toBe(0);
      const rebuilt = await runCli(['rebuild', '--data', dirs[k], '--to', path.join(tempDir(), 'rebuilt')]);
      expect(rebuilt.status, rebuilt.stderr).toBe(0);
      expect(rebuilt.stdout).toContain('it verifies');
    }
  }, LONG);
});

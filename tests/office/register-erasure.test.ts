// A customer erased at a branch leaves head office's VIP register (issue 16, privacy review):
// registered at the office, checked in at B, erased at A; the office remembers their keys as
// erased, publishes a register without them (every older version scrubbed too), B pulls it
// and no longer finds them at check-in, and an upload naming them again drops them. Real
// components: a real office (PGlite in a temp folder, or ATRIUM_TEST_PG_URL's server), two
// real demo hubs enrolled with it, HTTP on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as routes from '../../main/common/office/routes.js';
import { type TestHub } from '../support/hub.js';
import { BRANCH_KEYS, eventually, twoEnrolledBranches, type TestOffice, type TwoBranches } from './support.js';

const POLL_MS = 300;
const LONG = 180_000;
// 周先生: a card and a phone on one row; erased at A by the card alone.
const CARD = '6222 0311 2233 4455';
const CARD_DIGITS = '6222031122334455';
const PHONE = '13900131234';
const OTHER_PHONE = '13700137777';
const OTHER_CARD = '6222031199887766';
const ZHOU = { title: '周先生', card: CARD, phone: PHONE, notes: ['只办理大额业务'], tags: ['wealth'] };
const WU = { title: '吴女士', phone: OTHER_PHONE };
const ZHENG = { title: '郑女士', card: OTHER_CARD };

const KEYS = BRANCH_KEYS;

let pair: TwoBranches;
let office: TestOffice;
let admin: string;
let hubs: TwoBranches['hubs'];
let branchIds: TwoBranches['branchIds'];
const publish = (rows: unknown[]) => office.api('PUT', '/api/office/config/vip-register', { token: admin, body: { rows } });
const applied = (h: TestHub, version: number) => h.hub.ledger.readEvents().some((e) => e.type === 'office.config_applied' && (e as any).kind === 'vip-register' && (e as any).version === version);
async function bothApplied(version: number) {
  for (const k of KEYS) expect(await eventually(() => applied(hubs[k]!, version), Boolean, 30_000), `${k} vip-register ${version}`).toBe(true);
}
const checkIn = async (h: TestHub, body: { card: string } | { phone: string }) => h.api('POST', '/api/kiosk/check-in/vip', { token: await h.device('kiosk'), body });
const versions = () => office.sql.query<{ version: number; document: string; published_by: string }>("SELECT version, document, published_by FROM office_config WHERE kind = 'vip-register' ORDER BY version");

beforeAll(async () => {
  pair = await twoEnrolledBranches({ dirPrefix: 'atrium-vipe', notebookPollMs: POLL_MS });
  ({ office, admin, hubs, branchIds } = pair);
}, LONG);
afterAll(async () => {
  await pair?.close();
});

describe("a customer erased at a branch leaves head office's VIP register", () => {
  it('registered at the office, checked in at B, erased at A: gone from every register version, from B, and from a later upload', async () => {
    // Two versions hold 周先生: history, and the newest.
    expect((await publish([ZHOU, WU])).body).toEqual({ kind: 'vip-register', version: 1, changed: true, dropped: 0 });
    expect((await publish([ZHOU, WU, ZHENG])).body).toEqual({ kind: 'vip-register', version: 2, changed: true, dropped: 0 });
    await bothApplied(2);
    const first = await checkIn(hubs.b!, { card: CARD_DIGITS });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.ticket).toMatchObject({ priority: 'vip' });
    expect((await versions()).every((v) => v.document.includes('周先生'))).toBe(true);

    const erased = await hubs.a!.api('POST', '/api/customers/erase', { token: await hubs.a!.login('admin'), body: { kind: 'card', number: CARD } });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);

    // The office: a version 3 without them, published on A's behalf; the card's and the phone's keys remembered.
    const stored = await eventually(versions, (v) => v.length === 3, 30_000);
    expect(stored.map((v) => [Number(v.version), v.published_by])).toEqual([
      [1, 'hq-admin'],
      [2, 'hq-admin'],
      [3, `branch:${branchIds.a}`],
    ]);
    const erasedKeys = (await office.sql.query<{ customer_key: string; branch_id: string }>('SELECT customer_key, branch_id FROM office_erased_customers')).map((r) => {
      expect(r.branch_id).toBe(branchIds.a);
      return r.customer_key;
    });
    expect(erasedKeys).toHaveLength(2);
    // No stored version holds their keys, title or notes; the others stay.
    for (const v of stored) {
      for (const text of [...erasedKeys, '周先生', '只办理大额业务']) expect(v.document, `version ${v.version}`).not.toContain(text);
      expect(v.document).toContain('吴女士');
    }
    const newest = JSON.parse(stored[2]!.document) as { register: { title: string }[] };
    expect(newest.register.map((c) => c.title)).toEqual(['吴女士', '郑女士']);
    const audit = (await office.api('GET', '/api/office/audit', { token: admin })).body.entries as any[];
    expect(audit.slice(0, 2).map((e) => [e.actor, e.action, e.branchId])).toEqual([
      [`branch:${branchIds.a}`, 'config.published', branchIds.a],
      [`branch:${branchIds.a}`, 'config.erased', branchIds.a],
    ]);
    expect(audit[1].detail).toBe('vip-register: a customer erased at the branch removed from versions 1, 2');
    for (const text of [...erasedKeys, '周先生']) expect(JSON.stringify(audit), text).not.toContain(text);

    // B pulls version 3: neither the card nor the phone finds them; the others still check in.
    await bothApplied(3);
    expect((await checkIn(hubs.b!, { card: CARD_DIGITS })).status).toBe(404);
    expect((await checkIn(hubs.b!, { phone: PHONE })).status).toBe(404);
    expect((await checkIn(hubs.b!, { phone: OTHER_PHONE })).status).toBe(200);
    expect((await checkIn(hubs.b!, { card: OTHER_CARD })).status).toBe(200);

    // An upload naming them again (by the card, or by the phone alone) drops those rows and says so.
    const again = await publish([{ ...ZHOU, phone: undefined }, WU, ZHENG, { title: '周总', phone: PHONE }]);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(routes.publishConfig.answer.parse(again.body)).toEqual({ kind: 'vip-register', version: 3, changed: false, dropped: 2 });
    const withNew = await publish([ZHOU, WU, ZHENG, { title: '冯女士', phone: '13600136666' }]);
    expect(withNew.body).toEqual({ kind: 'vip-register', version: 4, changed: true, dropped: 1 });
    const latest = (await versions()).at(-1)!;
    for (const text of [...erasedKeys, '周先生', '周总']) expect(latest.document).not.toContain(text);
    expect(JSON.parse(latest.document).register.map((c: { title: string }) => c.title)).toEqual(['吴女士', '郑女士', '冯女士']);
    expect((await office.api('GET', '/api/office/audit', { token: admin })).body.entries[0]).toMatchObject({ actor: 'hq-admin', action: 'config.published', detail: 'vip-register version 4: 3 customers; 1 dropped, erased at a branch' });
    await bothApplied(4);
    expect((await checkIn(hubs.b!, { card: CARD_DIGITS })).status).toBe(404);
    expect((await checkIn(hubs.b!, { phone: '13600136666' })).status).toBe(200);
  }, LONG);

  it('an erasure of a customer on no register version remembers the key and publishes nothing', async () => {
    const before = await versions();
    const erased = await hubs.b!.api('POST', '/api/customers/erase', { token: await hubs.b!.login('admin'), body: { kind: 'phone', number: '13500135555' } });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    await eventually(() => office.sql.query('SELECT 1 FROM office_erased_customers WHERE branch_id = $1', [branchIds.b]), (r) => r.length === 1, 30_000);
    expect(await versions()).toEqual(before);
    const dropped = await publish([WU, { title: '陈先生', phone: '13500135555' }]);
    expect(dropped.body).toEqual({ kind: 'vip-register', version: 5, changed: true, dropped: 1 });
  }, LONG);
});

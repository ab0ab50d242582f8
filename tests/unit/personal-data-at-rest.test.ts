// Someone with the disk: a demo day built through the real API, then atrium.db alone (a copy
// without the key files, and its raw bytes) yields no phone number, title or note, and the
// keyed phone hashes cannot be brute-forced over the numbers around the real ones. With the
// key files the hub answers as before; a shredded subject reads as erased and verify is sound.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { customerKey } from '../../main/hub/customers/customer-key.js';
import { verifyLedger } from '../../main/hub/ledger/index.js';
import { KEY_STORE_FILE } from '../../main/hub/personal/key-store.js';
import { SECRET_FILE } from '../../main/hub/personal/secret-file.js';
import { ERASED, vaultOf } from '../../main/hub/personal/vault.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';

const VIP_PHONE = '13812345678';
const OTHER_VIP_PHONE = '13987654321';
const OPINION_PHONE = '13555550123';
const CSV = `title,card,phone,notes,tags\n欧阳先生,6222020200112233445,${VIP_PHONE},常忘记密码;需要放大镜,wealth\n李女士,,${OTHER_VIP_PHONE},行动不便请扶一下,\n`;
/** Every personal text of the day: none may be found in atrium.db. */
const PERSONAL = [
  VIP_PHONE, OTHER_VIP_PHONE, OPINION_PHONE, '6222020200112233445',
  '欧阳先生', '李女士', '常忘记密码', '需要放大镜', '行动不便',
  '耳背请大声说话', '赵敏', '柜员态度差', '排队太久请加窗口', '客户要办大额取款', '陈女士', '关注养老理财', '周先生问外币',
];

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

interface Day {
  dataDir: string;
  vipTicket: string;
  /** The transfer note as the signed-in manager's live feed carried it. */
  feedNote: unknown;
}

/** A signed-in person's live feed; resolves once the snapshot came. */
async function feed(h: TestHub, token: string): Promise<{ messages: { type: string; data?: Record<string, unknown> }[]; close(): void }> {
  const ws = new WebSocket(`${h.url.replace('http', 'ws')}/api/live`);
  const messages: { type: string; data?: Record<string, unknown> }[] = [];
  ws.on('message', (raw) => messages.push(JSON.parse(raw.toString())));
  await new Promise((resolve) => ws.once('open', resolve));
  ws.send(JSON.stringify({ token }));
  while (!messages.some((m) => m.type === 'snapshot')) await new Promise((r) => setTimeout(r, 10));
  return { messages, close: () => ws.close() };
}

async function demoDay(): Promise<Day> {
  hub = await startTestHub();
  const admin = await hub.login('admin');
  const manager = await hub.login('manager');
  const kiosk = await hub.device('kiosk');
  expect((await hub.api('POST', '/api/customers/vip-import', { token: admin, body: { csv: CSV } })).status).toBe(200);
  const vip = await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { phone: VIP_PHONE } });
  expect(vip.status).toBe(200);
  const ok = async (method: string, url: string, token: string, body?: unknown) => {
    const res = await hub!.api(method, url, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  await ok('POST', '/api/notebook', manager, { kind: 'phone', number: VIP_PHONE, title: '欧阳先生', notes: '耳背请大声说话', tags: ['hard_of_hearing'] });
  const complaint = { emotion: 'angry', calmed: true, listened: true, summary: '客户赵敏说柜员态度差', ourFault: true, faultDetail: '柜员态度差', wants: ['respect'], solvableOnSpot: true, reasonable: true };
  const c = (await ok('POST', '/api/complaints', manager, complaint)).complaint;
  await ok('POST', `/api/complaints/${c.id}/resolve`, manager, { resolution: '向赵敏道歉' });
  await ok('POST', '/api/opinions', manager, { theme: 'waiting', text: '排队太久请加窗口', phone: OPINION_PHONE });
  await ok('POST', '/api/cards', manager, { kind: 'care', title: '陈女士', need: '关注养老理财', assignedTo: 'wm1' });
  await ok('POST', '/api/worklog', manager, { kind: 'question', text: '周先生问外币兑换', followUpDue: '2099-01-01' });
  // The VIP is called at counter 6 and sent to cash with a note.
  const managerFeed = await feed(hub, manager);
  const teller = await hub.login('teller6');
  await ok('POST', '/api/counters/6/open', teller);
  expect((await ok('POST', '/api/counters/6/call-next', teller)).ticket.id).toBe(vip.body.ticket.id);
  await ok('POST', `/api/tickets/${vip.body.ticket.id}/transfer`, teller, { service: 'cash', note: '客户要办大额取款' });
  const until = Date.now() + 2000;
  while (!managerFeed.messages.some((m) => m.type === 'ticket.transferred') && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  managerFeed.close();
  const feedNote = managerFeed.messages.find((m) => m.type === 'ticket.transferred')?.data?.note;
  return { dataDir: hub.dataDir, vipTicket: vip.body.ticket.id, feedNote };
}

/** What the hub answers to those allowed to read it. */
async function answers(h: TestHub, vipTicket: string) {
  const manager = await h.login('manager');
  const get = async (url: string) => (await h.api('GET', url, { token: manager })).body;
  return {
    customer: await get(`/api/tickets/${vipTicket}/customer`),
    notebook: await get('/api/notebook'),
    complaints: await get('/api/complaints'),
    opinions: await get('/api/opinions'),
    cards: await get('/api/cards'),
    worklog: await get('/api/worklog'),
    alerts: ((await get('/api/alerts')) as { alerts: { kind: string; details: unknown }[] }).alerts.filter((a) => a.kind === 'vip_arrived').map((a) => a.details),
  };
}

/** The attacker of the security review: every phone hash in the file, against 10^5 numbers around the real ones. */
function bruteForce(db: Database.Database, secrets: string[], around: string): { found: string[]; tried: number; ms: number } {
  const keys = new Set<string>([
    ...(db.prepare('SELECT customer_key FROM vip_keys').all() as { customer_key: string }[]).map((r) => r.customer_key),
    ...(db.prepare('SELECT key FROM notebook').all() as { key: string }[]).map((r) => r.key),
    ...(db.prepare('SELECT doc FROM opinions').all() as { doc: string }[]).map((r) => (JSON.parse(r.doc) as { phoneKey: string | null }).phoneKey ?? ''),
  ]);
  const t0 = performance.now();
  const found: string[] = [];
  let tried = 0;
  const centre = Number(around);
  for (const secret of secrets) {
    for (let n = centre - 50_000; n < centre + 50_000; n++) {
      tried++;
      if (keys.has(customerKey(secret, 'phone', String(n)))) found.push(String(n));
    }
  }
  return { found, tried, ms: Math.round(performance.now() - t0) };
}

describe('personal data at rest', () => {
  it('atrium.db alone yields no phone, title or note; with the key files the hub answers as before', async () => {
    const { dataDir, vipTicket, feedNote } = await demoDay();
    expect(feedNote).toBe('客户要办大额取款');
    const before = await answers(hub!, vipTicket);
    // Those allowed still read the text.
    expect(before.customer).toEqual({ customer: { title: '欧阳先生', vip: true, notes: ['常忘记密码', '需要放大镜', '耳背请大声说话'], tags: ['wealth', 'hard_of_hearing'] } });
    expect(before.alerts).toEqual([{ title: '欧阳先生', notes: '常忘记密码；需要放大镜' }]);
    expect(before.complaints.complaints[0]).toMatchObject({ summary: '客户赵敏说柜员态度差', faultDetail: '柜员态度差', resolution: '向赵敏道歉' });
    expect(before.opinions.opinions[0]).toMatchObject({ text: '排队太久请加窗口', phone: OPINION_PHONE });
    expect(before.cards.cards[0]).toMatchObject({ title: '陈女士', need: '关注养老理财' });
    expect(before.worklog.entries[0]).toMatchObject({ text: '周先生问外币兑换' });
    const transferred = hub!.hub.ledger.readEvents().find((e) => e.type === 'ticket.transferred') as { note: string };
    expect(vaultOf(hub!.hub.ledger.db).open(transferred.note)).toBe('客户要办大额取款');
    const secret = readFileSync(path.join(dataDir, SECRET_FILE), 'utf8').trim();
    await hub!.close();
    hub = null;

    // The disk without the key files: every file of the ledger, byte for byte.
    const ledgerFiles = readdirSync(dataDir).filter((f) => f.startsWith('atrium.db'));
    for (const f of ledgerFiles) {
      const bytes = readFileSync(path.join(dataDir, f));
      expect(bytes.includes('现金业务'), 'the grep finds UTF-8 text that is not personal').toBe(true);
      for (const word of PERSONAL) expect(bytes.includes(word), `${word} in ${f}`).toBe(false);
      expect(bytes.includes(secret), `the customer-key secret in ${f}`).toBe(false);
    }
    // A copy of atrium.db alone, opened with SQLite: every row of every table.
    const stolen = tempDir();
    copyFileSync(path.join(dataDir, 'atrium.db'), path.join(stolen, 'atrium.db'));
    const db = new Database(path.join(stolen, 'atrium.db'), { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const dump = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())).join('\n');
    expect(dump).toContain('enc1.');
    for (const word of PERSONAL) expect(dump, word).not.toContain(word);
    // The attacker's brute force, with every secret the file could give: a secret-shaped
    // setting (where the secret used to be; there is none now), else no key at all.
    const settings = (db.prepare('SELECT value FROM settings').all() as { value: string }[]).map((r) => r.value);
    expect(settings.filter((v) => /^[0-9a-f]{64}$/.test(v))).toEqual([]);
    const candidates = ['', ...settings.filter((v) => /^[0-9a-f]{32,}$/.test(v))];
    const attack = bruteForce(db, candidates, VIP_PHONE);
    console.log(`brute force without the key file: ${attack.tried} candidates in ${attack.ms} ms, ${attack.found.length} found`);
    expect(attack.tried).toBeGreaterThanOrEqual(100_000);
    expect(attack.found).toEqual([]);
    // The same search with the secret from the key file finds the number: the search itself works.
    expect(bruteForce(db, [secret], VIP_PHONE).found).toEqual([VIP_PHONE]);
    db.close();
    // A hub given that copy alone refuses to start rather than make a new secret.
    await expect(startTestHub({ dataDir: stolen })).rejects.toThrow(/customer-key\.secret is missing/);
    copyFileSync(path.join(dataDir, SECRET_FILE), path.join(stolen, SECRET_FILE));
    await expect(startTestHub({ dataDir: stolen })).rejects.toThrow(/personal-keys\.db is missing/);

    // With the key files, the same answers as before.
    hub = await startTestHub({ dataDir });
    expect(await answers(hub, vipTicket)).toEqual(before);
    expect(verifyLedger(hub.hub.ledger.db)).toMatchObject({ ok: true });
  }, 120_000);

  it('a customer erased on request reads as erased, and verify still says sound', async () => {
    const { dataDir, vipTicket } = await demoDay();
    expect(existsSync(path.join(dataDir, KEY_STORE_FILE))).toBe(true);
    const db = hub!.hub.ledger.db;
    const events = db.prepare('SELECT seq, hash, data FROM events WHERE seq <= ?');
    const last = hub!.hub.lastSeq();
    const eventsBefore = events.all(last);
    const admin = await hub!.login('admin');
    const erase = (number: string, token = admin) => hub!.api('POST', '/api/customers/erase', { token, body: { kind: 'phone', number } });
    expect((await erase(VIP_PHONE, await hub!.login('manager'))).status).toBe(403);
    // The VIP's register entry and notebook entry; the opinion left with the other phone.
    expect((await erase(VIP_PHONE)).body).toEqual({ erased: 2 });
    expect((await erase(OPINION_PHONE)).body).toEqual({ erased: 2 });
    expect((await erase('12')).status).toBe(400);
    const after = await answers(hub!, vipTicket);
    // The ticket's link to the customer and the notebook entry are gone; the alert that repeated them reads erased.
    expect(after.customer).toEqual({ customer: null });
    expect(after.alerts).toEqual([{ title: ERASED, notes: ERASED }]);
    expect(after.notebook.entries).toEqual([]);
    expect(after.opinions.opinions[0]).toMatchObject({ text: ERASED, phone: null, hasPhone: true });
    // Other subjects are untouched; the erasure is an event with an erasure id and a count.
    expect(after.complaints.complaints[0]).toMatchObject({ summary: '客户赵敏说柜员态度差' });
    expect(after.cards.cards[0]).toMatchObject({ title: '陈女士' });
    const erasures = hub!.hub.ledger.readEvents().filter((e) => e.type === 'customer.erased');
    expect(erasures).toHaveLength(2);
    expect(JSON.stringify(erasures)).not.toContain(VIP_PHONE);
    // The chain hashes the ciphertext, which has not changed.
    expect(events.all(last)).toEqual(eventsBefore);
    expect(verifyLedger(db)).toMatchObject({ ok: true });
    await hub!.close();
    hub = null;
    expect(verifyLedger(dataDir)).toMatchObject({ ok: true });
  }, 120_000);
});

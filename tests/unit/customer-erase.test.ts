// Erasing a customer on request, end to end on a real hub: the rows that find them by number
// go with the event, the keyed hash of their number never enters the ledger, the data keys
// are shredded after the event (and at the next start when that fails); a sealed value
// pasted into a request is refused; a folder keyed only by an opinion phone needs its secret.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { branchSecret, customerKey } from '../../main/hub/customers/customer-key.js';
import { verifyLedger } from '../../main/hub/ledger/index.js';
import { KeyStore } from '../../main/hub/personal/key-store.js';
import { SECRET_FILE } from '../../main/hub/personal/secret-file.js';
import { subject, vaultOf } from '../../main/hub/personal/vault.js';
import { setUpRealBranch, startTestHub, type TestHub } from '../support/hub.js';

const CARD = '6222020200112233445';
const PHONE = '13812345678';
const CSV = `title,card,phone,notes,tags\n欧阳先生,${CARD},${PHONE},常忘记密码,wealth\n李女士,,13987654321,行动不便,\n`;

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

async function vipWithNotebook(h: TestHub) {
  const admin = await h.login('admin');
  const manager = await h.login('manager');
  const kiosk = await h.device('kiosk');
  expect((await h.api('POST', '/api/customers/vip-import', { token: admin, body: { csv: CSV } })).status).toBe(200);
  const checkIn = await h.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { card: CARD } });
  expect(checkIn.status).toBe(200);
  const ticketId = checkIn.body.ticket.id as string;
  const saved = await h.api('POST', '/api/notebook', { token: manager, body: { kind: 'card', number: CARD, title: '欧阳先生', notes: '耳背请大声说话', tags: [] } });
  expect(saved.status).toBe(200);
  const db = h.hub.ledger.db;
  const vipId = (db.prepare('SELECT customer_id FROM vip_keys WHERE customer_key = ?').get(customerKey(branchSecret(db), 'card', CARD)) as { customer_id: string }).customer_id;
  return { admin, manager, kiosk, vipId, ticketId };
}

const eventsHolding = (h: TestHub, text: string) => (h.hub.ledger.db.prepare("SELECT count(*) AS n FROM events WHERE data LIKE '%' || ? || '%'").get(text) as { n: number }).n;

describe('erasing a customer', () => {
  it('deletes what finds them by number in the event transaction, shreds their keys, and writes no keyed hash', async () => {
    hub = await startTestHub();
    const { admin, manager, kiosk, vipId, ticketId } = await vipWithNotebook(hub);
    const db = hub.hub.ledger.db;
    const phoneKey = customerKey(branchSecret(db), 'phone', PHONE);
    const cardKey = customerKey(branchSecret(db), 'card', CARD);
    // The phone's key was never written to the ledger (the register import carries counts).
    expect(eventsHolding(hub, phoneKey)).toBe(0);

    const erased = await hub.api('POST', '/api/customers/erase', { token: admin, body: { kind: 'phone', number: PHONE } });
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toBe(2);
    // The card that belongs to the same person no longer checks in, nor does the phone.
    for (const body of [{ card: CARD }, { phone: PHONE }]) {
      const again = await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body });
      expect(again.status).toBe(404);
      expect(again.body.error.code).toBe('not_registered');
    }
    expect((await hub.api('POST', '/api/notebook/lookup', { token: manager, body: { kind: 'card', number: CARD } })).body).toEqual({ entry: null });
    expect(((await hub.api('GET', '/api/notebook', { token: manager })).body as { entries: unknown[] }).entries).toEqual([]);
    for (const table of ['vip_keys', 'ticket_customers']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE customer_key IN (?, ?)`).get(phoneKey, cardKey), table).toEqual({ n: 0 });
    }
    expect(db.prepare('SELECT count(*) AS n FROM vip_customers WHERE id = ?').get(vipId)).toEqual({ n: 0 });
    // The other VIP is untouched.
    expect((await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { phone: '13987654321' } })).status).toBe(200);
    // The ledger: no keyed hash of the phone, and the erasure event holds an id, a count and the ids of the rows that went.
    expect(eventsHolding(hub, phoneKey)).toBe(0);
    const event = hub.hub.ledger.readEvents().find((e) => e.type === 'customer.erased')!;
    expect(Object.keys(event).filter((k) => !['seq', 'at', 'actor', 'type', 'hash', 'prevHash'].includes(k)).sort()).toEqual([
      'appointments',
      'erasure',
      'opinions',
      'subjects',
      'tickets',
      'vip',
    ]);
    expect(event).toMatchObject({ subjects: 2, vip: vipId, tickets: [ticketId], appointments: [], opinions: [] });
    expect(JSON.stringify(event)).not.toContain(cardKey);
    expect(vaultOf(db).keys.countKeys([subject.vip(vipId), subject.notebook(cardKey)])).toBe(0);
    expect(verifyLedger(db)).toMatchObject({ ok: true });
  }, 60_000);

  it('finishes at the next start a shred that failed after the event was committed', async () => {
    hub = await startTestHub();
    const { admin, vipId } = await vipWithNotebook(hub);
    const dataDir = hub.dataDir;
    const keys = vaultOf(hub.hub.ledger.db).keys;
    const real = keys.shredMarked.bind(keys);
    let failures = 0;
    keys.shredMarked = () => {
      failures++;
      throw new Error('disk I/O error');
    };
    const erased = await hub.api('POST', '/api/customers/erase', { token: admin, body: { kind: 'card', number: CARD } });
    expect(erased.status).toBe(200);
    expect(failures).toBe(1);
    keys.shredMarked = real;
    // Committed: the card no longer checks in; but the key is still there, marked.
    expect(hub.hub.ledger.readEvents().filter((e) => e.type === 'customer.erased')).toHaveLength(1);
    expect(keys.countKeys([subject.vip(vipId)])).toBe(1);
    expect(keys.pendingTokens()).toHaveLength(1);
    await hub.close();
    hub = await startTestHub({ dataDir });
    hub.hub.ledger.db.prepare('SELECT 1').get();
    await hub.close();
    hub = null;
    const store = new KeyStore(dataDir);
    expect(store.countKeys([subject.vip(vipId)])).toBe(0);
    expect(store.pendingTokens()).toEqual([]);
    store.close();
    expect(verifyLedger(dataDir)).toMatchObject({ ok: true });
  }, 60_000);

  it('drops at the next start the marks of an erasure whose event was never written', async () => {
    hub = await startTestHub();
    const { admin, vipId } = await vipWithNotebook(hub);
    const dataDir = hub.dataDir;
    const ledger = hub.hub.ledger;
    const append = ledger.append.bind(ledger);
    ledger.append = () => {
      throw new Error('database or disk is full');
    };
    const erased = await hub.api('POST', '/api/customers/erase', { token: admin, body: { kind: 'card', number: CARD } });
    ledger.append = append;
    expect(erased.status).toBe(500);
    // Nothing erased and nothing marked: the register and the keys are as they were.
    expect(vaultOf(ledger.db).keys.countKeys([subject.vip(vipId)])).toBe(1);
    expect(vaultOf(ledger.db).keys.pendingTokens()).toEqual([]);
    expect(ledger.db.prepare('SELECT count(*) AS n FROM vip_customers WHERE id = ?').get(vipId)).toEqual({ n: 1 });
    await hub.close();
    hub = null;
    const store = new KeyStore(dataDir);
    expect(store.countKeys([subject.vip(vipId)])).toBe(1);
    store.close();
  }, 60_000);
});

describe('a sealed value in a request', () => {
  it('is refused with 400 and nothing is written: a complaint pasted as a checklist fault note is not read back in clear', async () => {
    hub = await startTestHub();
    const manager = await hub.login('manager');
    const db = hub.hub.ledger.db;
    await hub.api('POST', '/api/day/open', { token: manager });
    const complaint = { emotion: 'angry', calmed: true, listened: true, summary: '客户赵敏说柜员态度差', ourFault: true, faultDetail: '柜员态度差', wants: ['respect'], solvableOnSpot: true, reasonable: true };
    expect((await hub.api('POST', '/api/complaints', { token: manager, body: complaint })).status).toBe(200);
    const sealed = (JSON.parse((db.prepare('SELECT doc FROM complaints').get() as { doc: string }).doc) as { summary: string }).summary;
    expect(sealed).toMatch(/^enc1\./);
    const checklist = (await hub.api('POST', '/api/checklists', { token: manager, body: { kind: 'opening' } })).body.checklist as { id: string; items: { id: string }[] };
    const seq = hub.hub.lastSeq();
    const pasted = await hub.api('POST', `/api/checklists/${checklist.id}/answers`, {
      token: manager,
      body: { answers: [{ itemId: checklist.items[0]!.id, result: 'fault', note: `见 ${sealed}` }] },
    });
    expect(pasted.status).toBe(400);
    expect(pasted.body.error).toEqual({ code: 'invalid_request', message: "The request holds text in the hub's sealed form, which nobody types." });
    expect(hub.hub.lastSeq()).toBe(seq);
    expect(JSON.stringify((await hub.api('GET', '/api/checklists', { token: manager })).body)).not.toContain('赵敏');
    // The same note without the sealed text is taken: the refusal is about the sealed form only.
    const plain = await hub.api('POST', `/api/checklists/${checklist.id}/answers`, {
      token: manager,
      body: { answers: [{ itemId: checklist.items[0]!.id, result: 'fault', note: 'screen dark' }] },
    });
    expect(plain.status).toBe(200);
  }, 60_000);
});

describe('the customer-key secret file', () => {
  it('is required by a folder whose only customer key is an opinion phone', async () => {
    hub = await startTestHub({ demo: false }); // the demo keys its VIPs and appointments too
    const manager = (await setUpRealBranch(hub, 'manager')).staff;
    expect((await hub.api('POST', '/api/opinions', { token: manager, body: { theme: 'waiting', text: '排队太久', phone: '13555550123' } })).status).toBe(200);
    const dataDir = hub.dataDir;
    await hub.close();
    hub = null;
    rmSync(path.join(dataDir, SECRET_FILE));
    await expect(startTestHub({ dataDir })).rejects.toThrow(/customer-key\.secret is missing, though this database holds customer keys \(opinions\)/);
  }, 60_000);
});

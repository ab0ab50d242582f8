// The customers' tables on a real hub: every row derived from the events alone (a rebuild in
// memory gives the same four tables, before and after an erasure, with no keyed hash readable
// in the ledger), verify names an edited row of each, and a VIP check-in's ticket and link are
// one transaction.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { verifyLedger } from '../ledger/index.js';
import { migrate } from '../ledger/migrate.js';
import { bindVault, vaultOf } from '../personal/vault.js';
import { branchSecret, customerKey } from './customer-key.js';
import { CUSTOMER_TABLES, customersProjector } from './customers-projector.js';

const OLD_CSV = 'title,card,phone,notes,tags\n旧客户,6222020200100000001,,,\n';
const CSV = 'title,card,phone,notes,tags\n欧阳先生,6222020200112233445,13812345678,常忘记密码;需要放大镜,wealth\n李女士,,13987654321,,elderly\n';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

type Tables = Record<(typeof CUSTOMER_TABLES)[number], any[]>;
const dump = (db: Database.Database): Tables => Object.fromEntries(CUSTOMER_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()])) as Tables;

/** The four tables as the projector makes them from the ledger's events alone, in a fresh database. */
function rebuilt(h: TestHub): Tables {
  const mem = new Database(':memory:');
  try {
    migrate(mem);
    bindVault(mem, () => vaultOf(h.hub.ledger.db));
    for (const e of h.hub.ledger.readEvents()) customersProjector.apply(mem, e);
    return dump(mem);
  } finally {
    mem.close();
  }
}

async function ok(h: TestHub, method: string, url: string, token: string, body?: unknown): Promise<any> {
  const res = await h.api(method, url, { token, body });
  if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Two imports, VIP and appointment check-ins, bookings with and without a phone. */
async function aDay(h: TestHub) {
  const admin = await h.login('admin');
  const manager = await h.login('manager');
  const kiosk = await h.device('kiosk');
  await ok(h, 'POST', '/api/customers/vip-import', admin, { csv: OLD_CSV });
  const old = (await ok(h, 'POST', '/api/kiosk/check-in/vip', kiosk, { card: '6222020200100000001' })).ticket.id as string;
  await ok(h, 'POST', '/api/customers/vip-import', admin, { csv: CSV });
  const byCard = (await ok(h, 'POST', '/api/kiosk/check-in/vip', kiosk, { card: '6222020200112233445' })).ticket.id as string;
  const byPhone = (await ok(h, 'POST', '/api/kiosk/check-in/vip', kiosk, { phone: '139 8765 4321' })).ticket.id as string;
  const at = new Date(Date.now() + 10 * 60_000).toISOString();
  const vipsAppointment = (await ok(h, 'POST', '/api/appointments', manager, { service: 'noncash', at, phone: '13812345678' })).code as string;
  const other = (await ok(h, 'POST', '/api/appointments', manager, { service: 'cash', at, phone: '13700000007' })).code as string;
  const noPhone = (await ok(h, 'POST', '/api/appointments', manager, { service: 'cash', at })).code as string;
  const byAppointment = (await ok(h, 'POST', '/api/kiosk/check-in/appointment', kiosk, { phone: '13700000007' })).ticket.id as string;
  return { admin, manager, kiosk, old, byCard, byPhone, byAppointment, vipsAppointment, other, noPhone };
}

const eventsHolding = (h: TestHub, text: string) => (h.hub.ledger.db.prepare("SELECT count(*) AS n FROM events WHERE data LIKE '%' || ? || '%'").get(text) as { n: number }).n;

describe('the customers projector', () => {
  it('derives the register, appointments and ticket links from the events alone, before and after an erasure', async () => {
    hub = await startTestHub();
    const day = await aDay(hub);
    const db = hub.hub.ledger.db;
    const live = dump(db);
    // The replaced register took its check-in's link with it; the two VIPs are linked, the appointment used.
    expect(live.ticket_customers.map((r: any) => r.ticket_id).sort()).toEqual([day.byCard, day.byPhone].sort());
    expect(live.vip_keys).toHaveLength(3);
    expect(live.appointments.find((r: any) => r.code === day.other)).toMatchObject({ ticket_id: day.byAppointment });
    expect(live.appointments.find((r: any) => r.code === day.noPhone)).toMatchObject({ phone_key: null, ticket_id: null });
    expect(rebuilt(hub)).toEqual(live);
    // Every keyed hash of the tables is in the ledger only sealed.
    const keys = [...live.vip_keys.map((r: any) => r.customer_key), ...live.appointments.flatMap((r: any) => (r.phone_key ? [r.phone_key] : []))];
    // 3 VIP keys, 2 of these appointments' phones, and the demo's DEMO02 phone.
    expect(keys).toHaveLength(6);
    for (const key of keys) expect(eventsHolding(hub, key), key).toBe(0);

    expect((await ok(hub, 'POST', '/api/customers/erase', day.admin, { kind: 'card', number: '6222020200112233445' })).erased).toBe(2);
    const after = dump(db);
    expect(after.vip_keys).toHaveLength(1);
    expect(after.ticket_customers.map((r: any) => r.ticket_id)).toEqual([day.byPhone]);
    expect(after.appointments.find((r: any) => r.code === day.vipsAppointment)).toMatchObject({ phone_key: null });
    expect(after.appointments.find((r: any) => r.code === day.other)?.phone_key).toBe(customerKey(branchSecret(db), 'phone', '13700000007'));
    // The shredded keys open as erased: the rebuild writes no lookup row for them either.
    expect(rebuilt(hub)).toEqual(after);
    const dataDir = hub.dataDir;
    await hub.close();
    hub = null;
    expect(verifyLedger(dataDir)).toMatchObject({ ok: true });
  }, 60_000);

  it('is named by verify when a row of any of its tables is edited', async () => {
    hub = await startTestHub();
    const day = await aDay(hub);
    const dataDir = hub.dataDir;
    await hub.close();
    hub = null;
    expect(verifyLedger(dataDir)).toMatchObject({ ok: true });
    const db = new Database(`${dataDir}/atrium.db`);
    const forged = 'f'.repeat(64);
    const vip = db.prepare('SELECT id, tags FROM vip_customers ORDER BY id LIMIT 1').get() as { id: string; tags: string };
    const link = db.prepare('SELECT customer_key FROM ticket_customers WHERE ticket_id = ?').get(day.byCard) as { customer_key: string };
    const edits: [string, string, string][] = [
      ['vip_customers', `UPDATE vip_customers SET tags = '["vip_for_life"]' WHERE id = '${vip.id}'`, `UPDATE vip_customers SET tags = '${vip.tags}' WHERE id = '${vip.id}'`],
      // A key added by hand would check a stranger's card in as a VIP.
      ['vip_keys', `INSERT INTO vip_keys (customer_key, customer_id) SELECT '${forged}', id FROM vip_customers LIMIT 1`, `DELETE FROM vip_keys WHERE customer_key = '${forged}'`],
      // A used appointment opened again would check in twice.
      ['appointments', `UPDATE appointments SET ticket_id = NULL WHERE code = '${day.other}'`, `UPDATE appointments SET ticket_id = '${day.byAppointment}' WHERE code = '${day.other}'`],
      ['ticket_customers', `UPDATE ticket_customers SET customer_key = '${forged}' WHERE ticket_id = '${day.byCard}'`, `UPDATE ticket_customers SET customer_key = '${link.customer_key}' WHERE ticket_id = '${day.byCard}'`],
    ];
    try {
      for (const [table, edit, undo] of edits) {
        db.exec(edit);
        expect(verifyLedger(dataDir), table).toMatchObject({ ok: false, table });
        db.exec(undo);
        expect(verifyLedger(dataDir), `${table} restored`).toMatchObject({ ok: true });
      }
    } finally {
      db.close();
    }
  }, 60_000);
});

describe('a VIP check-in', () => {
  it('writes its ticket and its link in one transaction: a failure after the ticket leaves neither', async () => {
    hub = await startTestHub();
    const admin = await hub.login('admin');
    const kiosk = await hub.device('kiosk');
    await ok(hub, 'POST', '/api/customers/vip-import', admin, { csv: CSV });
    // The day opens with a first ticket, so the failing check-in's only events are its own.
    await ok(hub, 'POST', '/api/tickets', kiosk, { service: 'cash' });
    const seq = hub.hub.lastSeq();
    const tickets = Object.keys(hub.hub.state.tickets).length;
    const apply = customersProjector.apply;
    let seen: string[] = [];
    customersProjector.apply = (db, event) => {
      seen.push(event.type);
      if (event.type === 'kiosk.checked_in') throw new Error('disk I/O error');
      apply(db, event);
    };
    let res;
    try {
      res = await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { card: '6222020200112233445' } });
    } finally {
      customersProjector.apply = apply;
    }
    // The ticket was applied first, in the same transaction; the failure took it back.
    expect(seen).toEqual(['ticket.issued', 'kiosk.checked_in']);
    expect(res.status).toBe(500);
    expect(hub.hub.lastSeq()).toBe(seq);
    expect(Object.keys(hub.hub.state.tickets)).toHaveLength(tickets);
    const db = hub.hub.ledger.db;
    expect(db.prepare('SELECT count(*) AS n FROM ticket_customers').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM tickets WHERE priority = 'vip'").get()).toEqual({ n: 0 });
    // Nothing left half-done: the same check-in then goes through whole.
    seen = [];
    const again = await ok(hub, 'POST', '/api/kiosk/check-in/vip', kiosk, { card: '6222020200112233445' });
    expect(db.prepare('SELECT ticket_id FROM ticket_customers').all()).toEqual([{ ticket_id: again.ticket.id }]);
    expect(verifyLedger(db)).toMatchObject({ ok: true });
  }, 60_000);
});

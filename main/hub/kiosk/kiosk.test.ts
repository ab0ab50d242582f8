// The kiosk's hub side end to end over real HTTP, a real SQLite file and a fake TCP printer:
// printing once, faults as 503s and alerts, check-in, triage to self-service.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../../../tests/fakes/tcp-printer.js';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { qrDataIn } from '../../print/qr-command.js';
import { vaultOf } from '../personal/vault.js';

let hub: TestHub;
let printer: FakeTcpPrinter;
let admin: string;
let kiosk: string;
let kioskId: string;

async function pairKiosk(): Promise<{ token: string; id: string }> {
  const reg = await hub.api('POST', '/api/devices', { token: admin, body: { role: 'kiosk', name: 'k' } });
  const pair = await hub.api('POST', '/api/devices/pair', { body: { pairingCode: reg.body.pairingCode } });
  return { token: pair.body.token, id: pair.body.deviceId };
}

beforeEach(async () => {
  hub = await startTestHub();
  printer = await startFakeTcpPrinter();
  admin = await hub.login('admin');
  ({ token: kiosk, id: kioskId } = await pairKiosk());
  expect((await hub.api('PUT', `/api/printing/assignments/${kioskId}`, { token: admin, body: { uri: printer.uri } })).status).toBe(200);
});
afterEach(async () => {
  await hub.close();
  await printer.close();
});

async function issue(service = 'cash'): Promise<{ id: string; number: string }> {
  return (await hub.api('POST', '/api/tickets', { token: kiosk, body: { service } })).body.ticket;
}

describe('printing a ticket', () => {
  it('sends the number, the Chinese service name and a QR code of the status page, once', async () => {
    const t = await issue();
    const first = await hub.api('POST', `/api/tickets/${t.id}/print`, { token: kiosk });
    expect(first).toMatchObject({ status: 200, body: { printed: true, already: false, printer: kioskId } });
    const [job] = await printer.waitForJobs(1);
    expect(job!.toString('latin1')).toContain(t.number);
    expect(job!.includes(Buffer.from('cfd6bdf0d2b5cef1', 'hex'))).toBe(true); // 现金业务 in GB18030
    expect(qrDataIn(job!)).toEqual([`${hub.url}/t/${t.id}`]);
    const again = await hub.api('POST', `/api/tickets/${t.id}/print`, { token: kiosk });
    expect(again.body).toMatchObject({ printed: true, already: true });
    expect(printer.jobs()).toHaveLength(1);
  });

  it('answers a fault with a 503 naming it, keeps the ticket, and prints once paper is back', async () => {
    const t = await issue();
    printer.set({ paperOut: true });
    const res = await hub.api('POST', `/api/tickets/${t.id}/print`, { token: kiosk });
    expect(res).toMatchObject({ status: 503, body: { error: { code: 'printer_paper_out' } } });
    expect((await hub.api('GET', `/api/tickets/${t.id}`, { token: kiosk })).body.ticket.status).toBe('waiting');
    expect(hub.alerts.isOpen(`printer:${kioskId}:paper_out`)).toBe(true);
    printer.set({ paperOut: false, coverOpen: true });
    expect((await hub.api('POST', `/api/tickets/${t.id}/print`, { token: kiosk })).body.error.code).toBe('printer_cover_open');
    printer.set({ coverOpen: false });
    expect((await hub.api('POST', `/api/tickets/${t.id}/print`, { token: kiosk })).status).toBe(200);
    expect(hub.alerts.isOpen(`printer:${kioskId}:paper_out`)).toBe(false);
    expect(printer.jobs()).toHaveLength(1);
  });

  it('reprints a ticket whose cable was pulled mid-job, and only that once', async () => {
    const t = await issue();
    printer.set({ cutAfterBytes: 60 });
    const cut = await hub.api('POST', `/api/tickets/${t.id}/print`, { token: kiosk });
    expect(cut.body.error.code).toBe('printer_interrupted');
    const [both, again] = await Promise.all([
      hub.api('POST', `/api/tickets/${t.id}/print`, { token: kiosk }),
      hub.api('POST', `/api/tickets/${t.id}/print`, { token: kiosk }),
    ]);
    expect([both.status, again.status]).toEqual([200, 200]);
    const jobs = await printer.waitForJobs(2);
    expect(jobs[0]!.length).toBe(60);
    expect(qrDataIn(jobs[1]!)).toEqual([`${hub.url}/t/${t.id}`]);
    expect(printer.jobs()).toHaveLength(2);
  });

  it('an unplugged printer is printer_offline; no printer at all is printer_not_configured', async () => {
    const t = await issue();
    printer.set({ unplugged: true });
    expect((await hub.api('POST', `/api/tickets/${t.id}/print`, { token: kiosk })).body.error.code).toBe('printer_offline');
    const other = await pairKiosk();
    const t2 = (await hub.api('POST', '/api/tickets', { token: other.token, body: { service: 'cash' } })).body.ticket;
    expect((await hub.api('POST', `/api/tickets/${t2.id}/print`, { token: other.token })).body.error.code).toBe('printer_not_configured');
  });

  it('refuses a printer URI that is not one', async () => {
    const res = await hub.api('PUT', `/api/printing/assignments/${kioskId}`, { token: admin, body: { uri: 'http://x' } });
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
  });

  it('the manager hears of paper out on the live feed within 5 seconds, without any print', async () => {
    const manager = await hub.login('manager');
    const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/api/live?token=${manager}`);
    const messages: { type: string; data: { alert?: { kind: string; key: string } } }[] = [];
    ws.on('message', (m) => messages.push(JSON.parse(String(m))));
    await new Promise((r) => ws.once('open', r));
    const pulled = Date.now();
    printer.set({ paperOut: true });
    const until = pulled + 5000;
    let elapsed = -1;
    while (Date.now() < until) {
      if (messages.some((m) => m.type === 'alert.raised' && m.data.alert?.key === `printer:${kioskId}:paper_out`)) {
        elapsed = Date.now() - pulled;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    ws.close();
    console.log(`paper out → alert on the manager's feed: ${elapsed} ms`);
    expect(elapsed).toBeGreaterThanOrEqual(0);
  });
});

describe('check-in', () => {
  const CSV = 'title,card,phone,notes,tags\n王先生,6222020200112233445,138 0013 8000,常忘记密码;需要放大镜,wealth\n李女士,,13900139000,,\n';

  it('imports the register hashed, gives a VIP ticket and alerts the manager with title and notes', async () => {
    expect((await hub.api('POST', '/api/customers/vip-import', { token: admin, body: { csv: CSV } })).body).toEqual({ imported: 2, skipped: 0 });
    const stored = JSON.stringify(hub.hub.ledger.db.prepare('SELECT * FROM vip_keys').all()) + JSON.stringify(hub.hub.ledger.db.prepare('SELECT data FROM events').all());
    expect(stored).not.toContain('13800138000');
    expect(stored).not.toContain('6222020200112233445');
    const res = await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { card: '6222020200112233445' } });
    expect(res.body.ticket).toMatchObject({ priority: 'vip', service: 'vip' });
    const alert = hub.alerts.list().find((a) => a.kind === 'vip_arrived');
    expect(JSON.stringify(alert?.details)).not.toContain('王先生');
    expect(vaultOf(hub.hub.ledger.db).openAll(alert?.details)).toEqual({ title: '王先生', notes: '常忘记密码；需要放大镜' });
    const manager = await hub.login('manager');
    const customer = await hub.api('GET', `/api/tickets/${res.body.ticket.id}/customer`, { token: manager });
    expect(customer.body).toEqual({ customer: { title: '王先生', vip: true, notes: ['常忘记密码', '需要放大镜'], tags: ['wealth'] } });
    expect((await hub.api('GET', `/api/tickets/${res.body.ticket.id}/customer`, { token: await hub.login('teller1') })).status).toBe(403);
    const byPhone = await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { phone: '+86 139-0013-9000' } });
    expect(byPhone.status).toBe(200);
    const unknown = await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { phone: '13700000000' } });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_registered' } } });
  });

  it('reports a bad row by its line and writes nothing of that import', async () => {
    await hub.api('POST', '/api/customers/vip-import', { token: admin, body: { csv: CSV } });
    const seq = hub.hub.lastSeq();
    const bad = 'title,card,phone,notes,tags\n张先生,6222020200112233000,,,\n赵女士,12ab,,,\n';
    const res = await hub.api('POST', '/api/customers/vip-import', { token: admin, body: { csv: bad } });
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_rows', message: 'line 3: the card number must be 12 to 19 digits. Nothing was imported.' } } });
    expect(hub.hub.lastSeq()).toBe(seq);
    expect((hub.hub.ledger.db.prepare('SELECT count(*) AS n FROM vip_customers').get() as { n: number }).n).toBe(2);
  });

  it('checks an appointment in by code with appointment priority and its time', async () => {
    const at = new Date(Date.now() + 10 * 60_000).toISOString();
    const booked = await hub.api('POST', '/api/appointments', { token: admin, body: { service: 'noncash', at, phone: '13800138000' } });
    const res = await hub.api('POST', '/api/kiosk/check-in/appointment', { token: kiosk, body: { code: booked.body.code } });
    expect(res.body.ticket).toMatchObject({ priority: 'appointment', service: 'noncash' });
    const twice = await hub.api('POST', '/api/kiosk/check-in/appointment', { token: kiosk, body: { phone: '13800138000' } });
    expect(twice.body.error.code).toBe('no_appointment');
  });
});

describe('self-service, help and the green channel', () => {
  it('counts self-service triage in the ledger and raises help and green-channel alerts', async () => {
    const config = await hub.api('GET', '/api/kiosk/config', { token: kiosk });
    expect(config.body.choices.map((c: { nameZh: string }) => c.nameZh)).toEqual(['取款存款', '大额取款', '转账汇款', '开户挂失', '理财', '对公', '查余额、小额取款', '其他']);
    expect((await hub.api('POST', '/api/kiosk/self-service', { token: kiosk, body: { choice: 'self_service' } })).status).toBe(200);
    expect((await hub.api('POST', '/api/kiosk/help', { token: kiosk, body: { choice: 'self_service' } })).status).toBe(200);
    expect((await hub.api('POST', '/api/kiosk/green-channel', { token: kiosk, body: { reason: 'elderly' } })).status).toBe(200);
    const types = (hub.hub.ledger.db.prepare("SELECT type, data FROM events WHERE type = 'kiosk.self_service'").all() as { data: string }[]).map((r) => JSON.parse(r.data).help);
    expect(types).toEqual([false, true]);
    expect(hub.alerts.list().map((a) => a.kind).filter((k) => k === 'kiosk_help' || k === 'green_channel_request').sort()).toEqual(['green_channel_request', 'kiosk_help']);
    const bad = await hub.api('POST', '/api/kiosk/green-channel', { token: kiosk, body: { reason: 'bored' } });
    expect(bad.status).toBe(400);
  });
});

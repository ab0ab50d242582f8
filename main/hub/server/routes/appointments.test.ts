// Appointments from the manager console, over real HTTP and SQLite (issue 13): book, list the
// day's (no phone number anywhere, only whether one was given), cancel (then refused at the
// kiosk with a plain code), print the confirmation slip on the hub's printer; and the demo's
// VIPs and appointments check in at the kiosk routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../../tests/support/hub.js';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../../../../tests/fakes/tcp-printer.js';
import { DEMO_APPOINTMENTS, DEMO_VIPS } from '../../lobby/demo-customers.js';

const PHONE = '13712345678';
let hub: TestHub;
let printer: FakeTcpPrinter;
let manager: string;
let kiosk: string;

beforeAll(async () => {
  printer = await startFakeTcpPrinter();
  hub = await startTestHub({ printer: printer.uri });
  manager = await hub.login('manager');
  kiosk = await hub.device('kiosk');
  // Sign-ins hash PINs: slow on a loaded machine.
}, 60_000);
afterAll(async () => {
  await hub.close();
  await printer.close();
});

const inMinutes = (m: number) => new Date(hub.hub.clock() + m * 60_000).toISOString();
const book = (body: object, token = manager) => hub.api('POST', '/api/appointments', { token, body });
const list = (token = manager, date?: string) => hub.api('GET', `/api/appointments${date ? `?date=${date}` : ''}`, { token });

describe('appointments on the console', () => {
  it('books, lists the day in time order with no phone number, cancels, and the kiosk then refuses it', async () => {
    const first = (await book({ service: 'noncash', at: inMinutes(20), phone: PHONE })).body as { code: string; at: string };
    const second = (await book({ service: 'cash', at: inMinutes(25) })).body as { code: string; at: string };
    const [withPhone, plain] = [first.code, second.code];
    const listed = await list();
    expect(listed.status).toBe(200);
    expect(listed.body.date).toBe(hub.hub.state.day!.date);
    const mine = listed.body.appointments.filter((a: { code: string }) => [withPhone, plain].includes(a.code));
    expect(mine).toEqual([
      { code: withPhone, service: 'noncash', at: first.at, status: 'booked', phone: true },
      { code: plain, service: 'cash', at: second.at, status: 'booked', phone: false },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(PHONE.slice(-4));
    // Another day's list does not hold them.
    expect((await list(manager, '2020-01-01')).body.appointments).toEqual([]);

    const cancelled = await hub.api('POST', `/api/appointments/${withPhone.toLowerCase()}/cancel`, { token: manager });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.appointment).toMatchObject({ code: withPhone, status: 'cancelled' });
    const seq = hub.hub.lastSeq();
    for (const body of [{ code: withPhone }, { phone: PHONE }]) {
      const refused = await hub.api('POST', '/api/kiosk/check-in/appointment', { token: kiosk, body });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('appointment_cancelled');
    }
    expect((await hub.api('POST', `/api/appointments/${withPhone}/cancel`, { token: manager })).body.error.code).toBe('appointment_cancelled');
    expect(hub.hub.lastSeq()).toBe(seq);

    const used = await hub.api('POST', '/api/kiosk/check-in/appointment', { token: kiosk, body: { code: plain } });
    expect(used.status).toBe(200);
    expect((await hub.api('POST', `/api/appointments/${plain}/cancel`, { token: manager })).body.error.code).toBe('appointment_checked_in');
    expect((await list()).body.appointments.find((a: { code: string }) => a.code === plain).status).toBe('checked_in');
  });

  it('keeps the time booked: an appointment four hours ahead does not check in yet (the booking time used to stand in for it)', async () => {
    const later = (await book({ service: 'cash', at: inMinutes(240) })).body as { code: string; at: string };
    const early = await hub.api('POST', '/api/kiosk/check-in/appointment', { token: kiosk, body: { code: later.code } });
    expect(early.body.error.code).toBe('no_appointment');
  });

  it('refuses unknown codes, bad dates and other roles, writing nothing', async () => {
    const seq = hub.hub.lastSeq();
    expect((await hub.api('POST', '/api/appointments/NOSUCH/cancel', { token: manager })).body.error.code).toBe('unknown_appointment');
    expect((await hub.api('POST', '/api/appointments/..%2F/cancel', { token: manager })).status).toBe(404);
    expect((await list(manager, '2026-02-30')).status).toBe(400);
    const teller = await hub.login('teller1');
    const after = hub.hub.lastSeq();
    const display = await hub.device('display');
    const afterDevices = hub.hub.lastSeq();
    for (const token of [teller, kiosk, display]) {
      expect((await list(token)).status).toBe(403);
      expect((await hub.api('POST', '/api/appointments/DEMO01/cancel', { token })).status).toBe(403);
      expect((await hub.api('POST', '/api/appointments/DEMO01/print', { token, body: {} })).status).toBe(403);
    }
    expect(after).toBeGreaterThanOrEqual(seq);
    expect(hub.hub.lastSeq()).toBe(afterDevices);
  });

  it("prints the confirmation slip on the hub's printer, and refuses a printer that does not exist", async () => {
    const code = (await book({ service: 'corporate', at: inMinutes(90) })).body.code as string;
    const printed = await hub.api('POST', `/api/appointments/${code}/print`, { token: manager, body: {} });
    expect(printed.status).toBe(200);
    expect(printed.body).toMatchObject({ printed: true, printer: 'hub' });
    const [job] = await printer.waitForJobs(1);
    expect(job!.toString('latin1')).toContain(code);
    const unknown = await hub.api('POST', `/api/appointments/${code}/print`, { token: manager, body: { printer: 'no-such-kiosk' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('unknown_printer');
    printer.set({ paperOut: true });
    const out = await hub.api('POST', `/api/appointments/${code}/print`, { token: manager, body: {} });
    expect(out.status).toBe(503);
    expect(out.body.error.code).toBe('printer_paper_out');
    printer.set({ paperOut: false });
  });
});

describe('the demo customers', () => {
  it("books the demo's three appointments for the day, and each checks in at the kiosk (DEMO02 by its phone)", async () => {
    const demo = (await list()).body.appointments.filter((a: { code: string }) => a.code.startsWith('DEMO'));
    expect(demo.map((a: { code: string; phone: boolean }) => [a.code, a.phone])).toEqual([
      ['DEMO01', false],
      ['DEMO02', true],
      ['DEMO03', false],
    ]);
    for (const a of DEMO_APPOINTMENTS) {
      const body = 'phone' in a ? { phone: a.phone } : { code: a.code };
      const res = await hub.api('POST', '/api/kiosk/check-in/appointment', { token: kiosk, body });
      expect(res.status, a.code).toBe(200);
      expect(res.body.ticket.priority).toBe('appointment');
    }
  });

  it('registers the two demo VIPs, who check in by card (and by phone)', async () => {
    for (const vip of DEMO_VIPS) {
      const res = await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { card: vip.card } });
      expect(res.status).toBe(200);
      expect(res.body.ticket).toMatchObject({ service: 'vip', priority: 'vip' });
    }
    expect((await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { phone: DEMO_VIPS[1]!.phone } })).status).toBe(200);
    expect((await hub.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { card: '6222020000000009' } })).body.error.code).toBe('not_registered');
  });
});

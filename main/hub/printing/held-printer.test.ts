// A printer that takes a ticket's bytes and holds the connection open, over real TCP on
// loopback against a real hub: the ticket counts as printed once, is never sent again by a
// retry, the answer says it is uncertain, the manager gets an alert, and only a manager's
// reprint sends it again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../../../tests/fakes/tcp-printer.js';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { DEFAULT_TIMEOUTS } from '../../print/printer.js';
import { qrDataIn } from '../../print/qr-command.js';

let hub: TestHub;
let printer: FakeTcpPrinter;
let admin: string;
let kiosk: string;
let kioskId: string;

beforeEach(async () => {
  hub = await startTestHub();
  printer = await startFakeTcpPrinter();
  admin = await hub.login('admin');
  const reg = await hub.api('POST', '/api/devices', { token: admin, body: { role: 'kiosk', name: 'k' } });
  const pair = await hub.api('POST', '/api/devices/pair', { body: { pairingCode: reg.body.pairingCode } });
  ({ token: kiosk, deviceId: kioskId } = pair.body);
  expect((await hub.api('PUT', `/api/printing/assignments/${kioskId}`, { token: admin, body: { uri: printer.uri } })).status).toBe(200);
});
afterEach(async () => {
  await hub.close();
  await printer.close();
});

async function issue(): Promise<{ id: string; number: string }> {
  return (await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash' } })).body.ticket;
}
const print = (id: string, token = kiosk, body?: unknown) => hub.api('POST', `/api/tickets/${id}/print`, { token, body });
const unconfirmedAlert = (id: string) => hub.alerts.list().find((a) => a.kind === 'printer_outcome_unknown' && a.key === `print:${id}`);
/** Long enough that a second job, had anything sent one, would have reached the printer. */
const settle = () => new Promise((r) => setTimeout(r, DEFAULT_TIMEOUTS.closeMs + 500));

describe('a printer that holds the connection open', () => {
  it('receives exactly one job however the kiosk retries; the answer and an alert say it is uncertain', async () => {
    printer.set({ holdOpen: 'answers_fresh' });
    const t = await issue();
    // The kiosk's first try and two impatient retries at once, then two more afterwards.
    const first = await Promise.all([print(t.id), print(t.id), print(t.id)]);
    for (const r of first) expect(r).toMatchObject({ status: 200, body: { printed: true, printer: kioskId, uncertain: true } });
    expect(first.filter((r) => r.body.already === false)).toHaveLength(3); // one job, awaited by all three
    for (let i = 0; i < 2; i++) expect((await print(t.id)).body).toEqual({ printed: true, already: true, printer: kioskId, uncertain: true });
    await settle();
    const jobs = printer.jobs();
    expect(jobs).toHaveLength(1);
    expect(qrDataIn(jobs[0]!)).toEqual([`${hub.url}/t/${t.id}`]);
    expect(unconfirmedAlert(t.id)).toMatchObject({ ticket: t.number, device: kioskId, details: { statusRead: true, ticketId: t.id } });
    const printed = hub.hub.ledger.readEventsOfType('ticket.printed').at(-1) as unknown as { ticket: string; uncertain?: boolean };
    expect(printed).toMatchObject({ ticket: t.id, uncertain: true });
  });

  it('that then answers no status at all counts as printed, unknown: never sent again, and the manager is told', async () => {
    printer.set({ holdOpen: 'answers_fresh' });
    const t = await issue();
    const answer = print(t.id);
    while (printer.held() === 0) await new Promise((r) => setTimeout(r, 10));
    printer.set({ holdOpen: 'silent' });
    expect(await answer).toMatchObject({ status: 200, body: { printed: true, already: false, uncertain: true } });
    expect(unconfirmedAlert(t.id)?.details).toMatchObject({ statusRead: false });
    printer.set({ holdOpen: null });
    expect((await print(t.id)).body).toMatchObject({ already: true, uncertain: true });
    await settle();
    expect(printer.jobs()).toHaveLength(1);
  });

  it('that then reports its cover open: not printed, 503 with that fault, printed whole once it is closed', async () => {
    printer.set({ holdOpen: 'answers_fresh' });
    const t = await issue();
    const answer = print(t.id);
    while (printer.held() === 0) await new Promise((r) => setTimeout(r, 10));
    printer.set({ coverOpen: true });
    expect(await answer).toMatchObject({ status: 503, body: { error: { code: 'printer_cover_open' } } });
    expect(unconfirmedAlert(t.id)).toBeUndefined();
    expect(hub.alerts.isOpen(`printer:${kioskId}:cover_open`)).toBe(true);
    expect((await print(t.id)).body.error.code).toBe('printer_cover_open');
    printer.set({ coverOpen: false, holdOpen: null });
    expect((await print(t.id)).body).toEqual({ printed: true, already: false, printer: kioskId, uncertain: false });
    expect(printer.jobs()).toHaveLength(2);
  });

  it('that stops reading part-way through a ticket cannot be told from one that took it all: uncertain, never sent again', async () => {
    // The kernel's buffers take a whole ticket at once, so the hub sees every byte taken and
    // no close; only a job bigger than those buffers shows a part-way stop (printer.test.ts).
    printer.set({ stallAfterBytes: 60 });
    const t = await issue();
    expect((await print(t.id)).body).toEqual({ printed: true, already: false, printer: kioskId, uncertain: true });
    expect((await print(t.id)).body).toMatchObject({ already: true, uncertain: true });
    await settle();
    expect(printer.jobs().map((j) => j.length)).toEqual([60]);
    expect(unconfirmedAlert(t.id)).toBeDefined();
  });

  it('only a signed-in manager reprints; the kiosk cannot, and a bad body is refused', async () => {
    printer.set({ holdOpen: 'answers_fresh' });
    const t = await issue();
    expect((await print(t.id)).body.uncertain).toBe(true);
    expect(await print(t.id, kiosk, { reprint: true })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const manager = await hub.login('manager');
    expect(await print(t.id, manager, { reprint: 'yes' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    expect((await print(t.id, manager)).body).toMatchObject({ already: true, uncertain: true });
    await settle();
    expect(printer.jobs()).toHaveLength(1);
    printer.set({ holdOpen: null, coverOpen: true });
    // A reprint that fails leaves the first print standing: the kiosk's retry still sends nothing.
    expect((await print(t.id, manager, { reprint: true })).body.error.code).toBe('printer_cover_open');
    expect((await print(t.id)).body).toMatchObject({ already: true, uncertain: true });
    printer.set({ coverOpen: false });
    expect((await print(t.id, manager, { reprint: true })).body).toEqual({ printed: true, already: false, printer: kioskId, uncertain: false });
    expect(unconfirmedAlert(t.id)?.resolvedAt).not.toBeNull();
    expect((await print(t.id)).body).toEqual({ printed: true, already: true, printer: kioskId, uncertain: false });
    expect(printer.jobs()).toHaveLength(2);
    expect(qrDataIn(printer.jobs()[1]!)).toEqual([`${hub.url}/t/${t.id}`]);
  });
});

describe('a printer that closes after the job', () => {
  it('is certain: uncertain false, no alert', async () => {
    const t = await issue();
    expect((await print(t.id)).body).toEqual({ printed: true, already: false, printer: kioskId, uncertain: false });
    expect(unconfirmedAlert(t.id)).toBeUndefined();
  });
});

describe('POST /api/printing/mine/unconfirmed (a kiosk cabled printer that never confirmed)', () => {
  it('raises the manager alert once per ticket; an unknown ticket is 404, a bad body 400', async () => {
    const t = await issue();
    const body = { ticketId: t.id, uri: 'serial:/dev/ttyUSB0?baud=9600', statusRead: false };
    expect((await hub.api('POST', '/api/printing/mine/unconfirmed', { token: kiosk, body })).status).toBe(200);
    expect((await hub.api('POST', '/api/printing/mine/unconfirmed', { token: kiosk, body })).status).toBe(200);
    expect(hub.alerts.list().filter((a) => a.key === `print:${t.id}`)).toHaveLength(1);
    expect(unconfirmedAlert(t.id)).toMatchObject({ ticket: t.number, device: kioskId });
    expect((await hub.api('POST', '/api/printing/mine/unconfirmed', { token: kiosk, body: { ...body, ticketId: 'nope' } })).status).toBe(404);
    expect((await hub.api('POST', '/api/printing/mine/unconfirmed', { token: kiosk, body: { ...body, extra: 1 } })).body.error.code).toBe('invalid_request');
    expect((await hub.api('POST', '/api/printing/mine/unconfirmed', { token: admin, body })).status).toBe(403);
  });
});

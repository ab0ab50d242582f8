// A real hub on loopback and a fake TCP printer standing in for the one cabled to the kiosk.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../../../tests/fakes/tcp-printer.js';
import { NO_FAULTS } from '../../../tests/fakes/printer-state.js';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { DEFAULT_TIMEOUTS } from '../../print/printer.js';
import { qrDataIn } from '../../print/qr-command.js';
import { LocalPrinter } from '../kiosk/local-printer.js';
import { eventFrom, memorySettings } from '../testing/ipc-event.js';
import { printerPrintTicketHandler } from './printer-print-ticket.js';
import { printerStatusHandler } from './printer-status.js';

let hub: TestHub;
let printer: FakeTcpPrinter;
let kioskToken: string;
beforeAll(async () => {
  hub = await startTestHub();
  printer = await startFakeTcpPrinter();
  kioskToken = await hub.device('kiosk');
});
afterAll(async () => {
  await printer.close();
  await hub.close();
});
beforeEach(() => printer.set({ ...NO_FAULTS }));

async function issue(): Promise<{ id: string; number: string }> {
  return (await hub.api('POST', '/api/tickets', { token: kioskToken, body: { service: 'cash' } })).body.ticket;
}

function handlers(local: LocalPrinter | null) {
  const settings = memorySettings({ hubUrl: hub.url, role: 'kiosk', deviceToken: kioskToken, localPrinter: local?.uri ?? null });
  return {
    print: printerPrintTicketHandler(settings, () => local, fetch),
    status: printerStatusHandler(settings, () => local),
    page: eventFrom(`${hub.url}/kiosk`),
  };
}

describe('printer:print-ticket', () => {
  it('prints the ticket read from the hub (number, Chinese name in GB18030, QR of its page) and never twice', async () => {
    const { print, page } = handlers(new LocalPrinter(printer.uri));
    const ticket = await issue();
    const before = printer.jobs().length;
    expect(await print(page, { ticketId: ticket.id })).toEqual({ ok: true, already: false, uncertain: false });
    expect(await print(page, { ticketId: ticket.id })).toEqual({ ok: true, already: true, uncertain: false });
    const jobs = await printer.waitForJobs(before + 1);
    expect(jobs).toHaveLength(before + 1);
    const bytes = jobs.at(-1)!;
    expect(bytes.includes(Buffer.from(ticket.number))).toBe(true);
    expect(bytes.includes(Buffer.from([0xcf, 0xd6, 0xbd, 0xf0]))).toBe(true); // 现金 in GB18030
    expect(qrDataIn(bytes)).toEqual([`${hub.url}/t/${ticket.id}`]);
  });

  it('answers a paper-out printer with printer_paper_out, prints nothing, and prints once paper is back', async () => {
    const { print, status, page } = handlers(new LocalPrinter(printer.uri));
    const ticket = await issue();
    printer.set({ paperOut: true });
    expect(await status(page, undefined)).toMatchObject({ configured: true, status: { reachable: true, conditions: expect.arrayContaining(['paper_out']) } });
    const before = printer.jobs().length;
    expect(await print(page, { ticketId: ticket.id })).toMatchObject({ ok: false, code: 'printer_paper_out' });
    expect(printer.jobs()).toHaveLength(before);
    printer.set({ paperOut: false });
    expect(await print(page, { ticketId: ticket.id })).toEqual({ ok: true, already: false, uncertain: false });
    await printer.waitForJobs(before + 1);
  });

  it('a cable pulled mid-job is printer_interrupted and the next try prints the whole ticket', async () => {
    const { print, page } = handlers(new LocalPrinter(printer.uri));
    const ticket = await issue();
    printer.set({ cutAfterBytes: 40 });
    expect(await print(page, { ticketId: ticket.id })).toMatchObject({ ok: false, code: 'printer_interrupted' });
    expect(await print(page, { ticketId: ticket.id })).toEqual({ ok: true, already: false, uncertain: false });
    const last = printer.jobs().at(-1)!;
    expect(qrDataIn(last)).toEqual([`${hub.url}/t/${ticket.id}`]);
  });

  it('a printer that takes the ticket and holds the connection open gets it once however often the page retries; the hub alerts the manager', async () => {
    const { print, page } = handlers(new LocalPrinter(printer.uri));
    const ticket = await issue();
    printer.set({ holdOpen: 'answers_fresh' });
    const before = printer.jobs().length;
    const tries = await Promise.all([print(page, { ticketId: ticket.id }), print(page, { ticketId: ticket.id })]);
    expect(tries).toEqual([
      { ok: true, already: false, uncertain: true },
      { ok: true, already: false, uncertain: true },
    ]);
    expect(await print(page, { ticketId: ticket.id })).toEqual({ ok: true, already: true, uncertain: true });
    await new Promise((r) => setTimeout(r, DEFAULT_TIMEOUTS.closeMs + 500));
    expect(printer.jobs()).toHaveLength(before + 1);
    expect(qrDataIn(printer.jobs().at(-1)!)).toEqual([`${hub.url}/t/${ticket.id}`]);
    await expect
      .poll(() => hub.alerts.list().find((a) => a.key === `print:${ticket.id}`))
      .toMatchObject({ kind: 'printer_outcome_unknown', ticket: ticket.number, details: { printer: printer.uri, statusRead: true } });
  });

  it('with no printer cabled, says so (the page then prints through the hub)', async () => {
    const { print, status, page } = handlers(null);
    expect(await print(page, { ticketId: 'x' })).toMatchObject({ ok: false, code: 'printer_not_configured' });
    expect(await status(page, undefined)).toEqual({ configured: false, status: null });
  });

  it('refuses another origin and a malformed request', async () => {
    const { print } = handlers(new LocalPrinter(printer.uri));
    await expect(print(eventFrom('http://evil.example/'), { ticketId: 'x' })).rejects.toThrow(/outside the hub/);
    await expect(print(eventFrom(hub.url), { ticketId: 'x', copies: 5 })).rejects.toThrow();
  });
});

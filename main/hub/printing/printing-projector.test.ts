// Printing's tables come from its events alone: the projector's rules on a real ledger file,
// then a real hub with a fake TCP printer (assign, print, a cut cable, a reprint) whose two
// tables a replay of its events makes again row for row, and that verify checks row by row.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../common/events.js';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../../../tests/fakes/tcp-printer.js';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import type { Ledger } from '../ledger/ledger.js';
import { iterateEvents } from '../ledger/rows.js';
import { tamper, tempDir } from '../ledger/testing.js';
import { verifyLedger } from '../ledger/verify.js';
import { openHubLedger } from '../projectors.js';
import { printingProjector, readPrinterAssignments, readTicketPrint } from './printing-projector.js';

const T0 = Date.UTC(2025, 2, 3, 1, 0);

describe('printingProjector', () => {
  let ledger: Ledger | null = null;
  afterEach(() => ledger?.close());
  const open = () => (ledger = openHubLedger(tempDir()));
  const append = (l: Ledger, at: number, ...events: LedgerEvent[]) => l.append(events.map((event) => ({ event, actor: 'k1' })), at);

  it('keeps each kiosk’s latest printer and forgets it when unassigned', () => {
    const l = open();
    append(l, T0, { type: 'printer.assigned', device: 'k1', uri: 'tcp://10.0.0.5:9100' }, { type: 'printer.assigned', device: 'k2', uri: 'tcp://10.0.0.6:9100' });
    append(l, T0 + 1, { type: 'printer.assigned', device: 'k1', uri: 'tcp://10.0.0.7:9100' });
    expect([...readPrinterAssignments(l.db)]).toEqual([['k2', 'tcp://10.0.0.6:9100'], ['k1', 'tcp://10.0.0.7:9100']]);
    append(l, T0 + 2, { type: 'printer.assigned', device: 'k2', uri: null });
    expect([...readPrinterAssignments(l.db)]).toEqual([['k1', 'tcp://10.0.0.7:9100']]);
  });

  it('records a first print as pending when it starts, erases it when it fails, and marks it printed at the event’s time', () => {
    const l = open();
    append(l, T0, { type: 'ticket.print_started', ticket: 't1', printer: 'k1', first: true });
    expect(readTicketPrint(l.db, 't1')).toEqual({ printer: 'k1', pending: true, uncertain: false });
    append(l, T0 + 1, { type: 'ticket.print_failed', ticket: 't1', printer: 'k1', reason: 'interrupted', first: true });
    expect(readTicketPrint(l.db, 't1')).toBeNull();
    append(l, T0 + 2, { type: 'ticket.print_started', ticket: 't1', printer: 'k1', first: true });
    append(l, T0 + 3, { type: 'ticket.printed', ticket: 't1', printer: 'k1', uncertain: true });
    expect(readTicketPrint(l.db, 't1')).toEqual({ printer: 'k1', pending: false, uncertain: true });
    expect(l.db.prepare('SELECT printed_at FROM ticket_prints').pluck().get()).toBe(T0 + 3);
  });

  it('leaves a printed ticket’s record alone while a reprint runs and when it fails; a reprint that prints confirms it', () => {
    const l = open();
    append(l, T0, { type: 'ticket.print_started', ticket: 't1', printer: 'k1', first: true }, { type: 'ticket.printed', ticket: 't1', printer: 'k1', uncertain: true });
    append(l, T0 + 1, { type: 'ticket.print_started', ticket: 't1', printer: 'k1', reprint: true });
    append(l, T0 + 2, { type: 'ticket.print_failed', ticket: 't1', printer: 'k1', reason: 'paper_out' });
    expect(readTicketPrint(l.db, 't1')).toEqual({ printer: 'k1', pending: false, uncertain: true });
    append(l, T0 + 3, { type: 'ticket.print_started', ticket: 't1', printer: 'k1', reprint: true }, { type: 'ticket.printed', ticket: 't1', printer: 'k1', reprint: true });
    expect(readTicketPrint(l.db, 't1')).toEqual({ printer: 'k1', pending: false, uncertain: false });
  });

  it('keeps a ticket the hub stopped in the middle of pending when a reprint of it fails: it is never sent again by itself', () => {
    const l = open();
    append(l, T0, { type: 'ticket.print_started', ticket: 't1', printer: 'k1', first: true });
    append(l, T0 + 1, { type: 'ticket.print_started', ticket: 't1', printer: 'k1', reprint: true });
    append(l, T0 + 2, { type: 'ticket.print_failed', ticket: 't1', printer: 'k1', reason: 'interrupted' });
    expect(readTicketPrint(l.db, 't1')).toEqual({ printer: 'k1', pending: true, uncertain: false });
  });
});

describe('printing on a real hub', () => {
  let hub: TestHub;
  let printer: FakeTcpPrinter;
  afterEach(async () => {
    await hub.close();
    await printer.close();
  });

  /** A hub that assigned printers, printed, had a cable pulled mid-job, printed again and reprinted; closed. */
  async function printingDay(): Promise<{ dataDir: string; kiosk: string; printed: string; cut: string }> {
    hub = await startTestHub();
    printer = await startFakeTcpPrinter();
    const admin = await hub.login('admin');
    const manager = await hub.login('manager');
    const pairKiosk = async (name: string) => {
      const reg = await hub.api('POST', '/api/devices', { token: admin, body: { role: 'kiosk', name } });
      return (await hub.api('POST', '/api/devices/pair', { body: { pairingCode: reg.body.pairingCode } })).body as { token: string; deviceId: string };
    };
    const kiosk = await pairKiosk('k1');
    const other = await pairKiosk('k2');
    const assign = (device: string, uri: string | null) => hub.api('PUT', `/api/printing/assignments/${device}`, { token: admin, body: { uri } });
    expect((await assign(kiosk.deviceId, printer.uri)).status).toBe(200);
    expect((await assign(other.deviceId, printer.uri)).status).toBe(200);
    expect((await assign(other.deviceId, null)).status).toBe(200);

    const issue = async () => (await hub.api('POST', '/api/tickets', { token: kiosk.token, body: { service: 'cash' } })).body.ticket.id as string;
    const print = (id: string, token = kiosk.token, body?: unknown) => hub.api('POST', `/api/tickets/${id}/print`, { token, body });
    const printed = await issue();
    expect(await print(printed)).toMatchObject({ status: 200, body: { printed: true, already: false, uncertain: false } });
    const cut = await issue();
    printer.set({ cutAfterBytes: 40 });
    expect(await print(cut)).toMatchObject({ status: 503, body: { error: { code: 'printer_interrupted' } } });
    expect(await print(cut)).toMatchObject({ status: 200, body: { printed: true, already: false } });
    expect(await print(printed, manager, { reprint: true })).toMatchObject({ status: 200, body: { printed: true, already: false } });
    expect(await print(printed)).toMatchObject({ status: 200, body: { already: true } });
    expect(printer.jobs()).toHaveLength(4); // the first, the cut one, its retry, the reprint
    await hub.close();
    return { dataDir: hub.dataDir, kiosk: kiosk.deviceId, printed, cut };
  }

  const rows = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();

  it('writes both tables only from its events: a replay of them into empty tables gives the same rows', async () => {
    const day = await printingDay();
    const db = new Database(path.join(day.dataDir, 'atrium.db'), { readonly: true });
    const fresh = new Database(path.join(tempDir(), 'replay.db'));
    try {
      for (const table of printingProjector.tables) {
        fresh.exec((db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string) + ';');
      }
      for (const event of iterateEvents(db)) printingProjector.apply(fresh, event);
      expect(rows(db, 'printer_assignments')).toEqual([{ device_id: day.kiosk, uri: printer.uri }]);
      expect(rows(db, 'ticket_prints')).toEqual([
        { ticket_id: day.printed, printer: day.kiosk, printed_at: expect.any(Number), pending: 0, uncertain: 0 },
        { ticket_id: day.cut, printer: day.kiosk, printed_at: expect.any(Number), pending: 0, uncertain: 0 },
      ]);
      for (const table of printingProjector.tables) expect(rows(fresh, table), table).toEqual(rows(db, table));
    } finally {
      fresh.close();
      db.close();
    }
    expect(verifyLedger(day.dataDir)).toMatchObject({ ok: true });
  });

  it('verify names an edited row of each table', async () => {
    const day = await printingDay();
    tamper(day.dataDir, `UPDATE ticket_prints SET uncertain = 1 WHERE ticket_id = '${day.cut}'`);
    expect(verifyLedger(day.dataDir)).toMatchObject({ ok: false, table: 'ticket_prints', key: day.cut });
    tamper(day.dataDir, `UPDATE ticket_prints SET uncertain = 0 WHERE ticket_id = '${day.cut}'`);
    expect(verifyLedger(day.dataDir)).toMatchObject({ ok: true });
    tamper(day.dataDir, `UPDATE printer_assignments SET uri = 'tcp://10.9.9.9:9100' WHERE device_id = '${day.kiosk}'`);
    expect(verifyLedger(day.dataDir)).toMatchObject({ ok: false, table: 'printer_assignments', key: day.kiosk });
  });
});

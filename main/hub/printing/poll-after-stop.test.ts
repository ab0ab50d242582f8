// A printer's status that comes back after the hub stopped (its ledger closed) is dropped, not
// written: CI once failed on an unhandled "database connection is not open" from a poll that
// a test's hub outlived by a few hundred milliseconds.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../../../tests/fakes/tcp-printer.js';
import type { AlertBook } from '../alerts/alert-book.js';
import type { Hub } from '../lobby/hub.js';
import { PrintingService } from './printing-service.js';

let printer: FakeTcpPrinter | null = null;
afterEach(async () => printer?.close());

describe('a printer poll in flight when the hub stops', () => {
  it('raises or resolves no alert once stopped', async () => {
    printer = await startFakeTcpPrinter();
    const db = new Database(':memory:');
    db.exec('CREATE TABLE printer_assignments (device_id TEXT, uri TEXT)');
    const touched: string[] = [];
    const alerts = { raise: (a: { key: string }) => touched.push(a.key), resolve: (k: string) => touched.push(k), isOpen: () => true } as unknown as AlertBook;
    const hub = { ledger: { db }, clock: () => Date.now() } as unknown as Hub;
    const service = new PrintingService({ hub, alerts, branch: { nameZh: '', nameEn: '' } as never, hubPrinter: printer.uri, deviceRole: () => undefined });
    // The same poll, once running normally and once stopped while the printer answers.
    await service.pollOnce();
    expect(touched.length).toBeGreaterThan(0);
    touched.length = 0;
    const poll = service.pollOnce();
    service.stop();
    await poll;
    expect(touched).toEqual([]);
  });
});

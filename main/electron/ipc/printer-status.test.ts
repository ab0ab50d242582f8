import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../../../tests/fakes/tcp-printer.js';
import { NO_FAULTS } from '../../../tests/fakes/printer-state.js';
import { LocalPrinter } from '../kiosk/local-printer.js';
import { eventFrom, HUB, memorySettings } from '../testing/ipc-event.js';
import { printerStatusHandler } from './printer-status.js';

let printer: FakeTcpPrinter;
beforeAll(async () => void (printer = await startFakeTcpPrinter()));
afterAll(() => printer.close());

describe('printer:status', () => {
  it('reports what the cabled printer answers to DLE EOT, fault by fault', async () => {
    const local = new LocalPrinter(printer.uri);
    const status = printerStatusHandler(memorySettings({ localPrinter: printer.uri }), () => local);
    const page = eventFrom(`${HUB}/kiosk`);
    expect(await status(page, undefined)).toMatchObject({ configured: true, status: { reachable: true, conditions: [] } });
    printer.set({ paperLow: true });
    expect((await status(page, undefined)).status?.conditions).toEqual(['paper_low']);
    printer.set({ ...NO_FAULTS, coverOpen: true });
    expect((await status(page, undefined)).status?.conditions).toContain('cover_open');
    printer.set({ ...NO_FAULTS, unplugged: true });
    expect((await status(page, undefined)).status).toMatchObject({ reachable: false, conditions: ['offline'] });
  });

  it('refuses a page outside the hub and any argument', async () => {
    const status = printerStatusHandler(memorySettings(), () => null);
    await expect(status(eventFrom('http://evil.example/'), undefined)).rejects.toThrow(/outside the hub/);
    await expect(status(eventFrom(HUB), { uri: 'tcp://1.2.3.4:9100' })).rejects.toThrow();
  });
});

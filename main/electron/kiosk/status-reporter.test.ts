// A real hub and a fake TCP printer standing in for the kiosk's cabled one: the manager gets
// the printer alert from the kiosk's report, and it is resolved when the paper is back.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../../../tests/fakes/tcp-printer.js';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { memorySettings } from '../testing/ipc-event.js';
import { LocalPrinter } from './local-printer.js';
import { startPrinterStatusReporter } from './status-reporter.js';

let hub: TestHub;
let printer: FakeTcpPrinter;
let kioskToken: string;
let kioskId: string;
beforeAll(async () => {
  hub = await startTestHub();
  printer = await startFakeTcpPrinter();
  kioskToken = await hub.device('kiosk', '取号机 1');
  kioskId = (await hub.api('GET', '/api/me', { token: kioskToken })).body.id;
});
afterAll(async () => {
  await printer.close();
  await hub.close();
});

const openPrinterAlerts = () => hub.alerts.list().filter((a) => a.kind.startsWith('printer_') && a.device === kioskId && a.resolvedAt === null);

describe('kiosk printer status reporter', () => {
  it('raises the manager\'s alert for a fault of the cabled printer and resolves it when cleared, posting only changes', async () => {
    const local = new LocalPrinter(printer.uri);
    const calls: string[] = [];
    const counting: typeof fetch = (url, init) => {
      calls.push(String(url));
      return fetch(url, init);
    };
    const stop = startPrinterStatusReporter(memorySettings({ hubUrl: hub.url, role: 'kiosk', deviceToken: kioskToken }), () => local, counting, { intervalMs: 50 });
    try {
      await vi.waitFor(() => expect(calls.length).toBe(1));
      expect(openPrinterAlerts()).toEqual([]);
      printer.set({ paperOut: true });
      await vi.waitFor(() => expect(openPrinterAlerts().map((a) => a.kind)).toEqual(['printer_paper_out']));
      expect(openPrinterAlerts()[0]!.details).toMatchObject({ printer: printer.uri });
      printer.set({ paperOut: false, unplugged: true });
      await vi.waitFor(() => expect(openPrinterAlerts().map((a) => a.kind)).toEqual(['printer_offline']));
      printer.set({ unplugged: false });
      await vi.waitFor(() => expect(openPrinterAlerts()).toEqual([]));
      const reports = calls.length;
      await new Promise((r) => setTimeout(r, 300)); // six more polls of an unchanged printer
      expect(calls.length).toBe(reports);
    } finally {
      stop();
    }
  });

  it('the hub refuses a report that is not a printer status, writing nothing', async () => {
    const res = await hub.api('POST', '/api/printing/mine/status', { token: kioskToken, body: { uri: 'http://x', reachable: true, conditions: ['on_fire'] } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(openPrinterAlerts()).toEqual([]);
  });
});

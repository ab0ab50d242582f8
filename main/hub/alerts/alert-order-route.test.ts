// GET /api/alerts answers in the console's order (alert-order.ts): a kiosk's green-channel
// request and call for help before the routine alerts raised after them, each with the
// kiosk's name (not its device id) and, for the green channel, the reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(() => hub.close());

describe('GET /api/alerts order', () => {
  it('puts the green channel and help first, with the kiosk name and the reason, ahead of newer routine alerts', async () => {
    const kiosk = await hub.device('kiosk', '大厅取号机 1');
    expect((await hub.api('POST', '/api/kiosk/green-channel', { token: kiosk, body: { reason: 'elderly' } })).status).toBe(200);
    expect((await hub.api('POST', '/api/kiosk/help', { token: kiosk, body: { choice: 'self_service' } })).status).toBe(200);
    // Routine alerts the watcher would raise later on its timer.
    for (const service of ['cash', 'noncash']) hub.alerts.raise({ kind: 'estimate_over_threshold', key: `estimate:${service}`, details: { service, minutes: 12, threshold: 10 } }, null);
    hub.alerts.raise({ kind: 'counter_idle', key: 'idle:3', counter: '3', details: { minutes: 4, waiting: 2 } }, null);

    for (const token of [await hub.login('manager'), await hub.device('manager', '大堂平板')]) {
      const mine = new Set(['green_channel_request', 'kiosk_help', 'estimate_over_threshold', 'counter_idle']);
      // The records' reminders (a checklist due) may be open too, depending on the time of day.
      const alerts = (await hub.api('GET', '/api/alerts', { token })).body.alerts.filter((a: { kind: string }) => mine.has(a.kind));
      expect(alerts.map((a: { kind: string }) => a.kind)).toEqual(['green_channel_request', 'kiosk_help', 'estimate_over_threshold', 'estimate_over_threshold', 'counter_idle']);
      expect(alerts[0].details).toMatchObject({ reason: 'elderly', deviceName: '大厅取号机 1' });
      expect(alerts[1].details).toMatchObject({ choice: 'self_service', deviceName: '大厅取号机 1' });
    }
  });
});

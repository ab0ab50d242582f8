// Two figures of the daily report the issue found wrong: a self-service visit where the
// customer also pressed "I need help" counted twice, and the admin counted as staff on duty.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';

let hub: TestHub;
let now = new Date(2026, 5, 9, 9, 0).getTime();
const DATE = '2026-06-09';

beforeEach(async () => {
  now = new Date(2026, 5, 9, 9, 0).getTime();
  hub = await startTestHub({ clock: () => now, options: { staffIdleMinutes: 24 * 60 } });
});
afterEach(() => hub.close());

const report = async () => (await hub.api('GET', `/api/reports/daily?date=${DATE}`, { token: await hub.login('supervisor') })).body;

describe('daily report: visits and staff on duty', () => {
  it('counts one self-service visit once, even when the customer asked for help on it', async () => {
    const kiosk = await hub.device('kiosk', '大厅取号机 1');
    expect((await hub.api('POST', '/api/kiosk/self-service', { token: kiosk, body: { choice: 'self_service' } })).status).toBe(200);
    now += 60_000;
    expect((await hub.api('POST', '/api/kiosk/help', { token: kiosk, body: { choice: 'self_service' } })).status).toBe(200);
    // A second customer who only read where the machines are.
    now += 60_000;
    await hub.api('POST', '/api/kiosk/self-service', { token: kiosk, body: { choice: 'self_service' } });
    const r = await report();
    expect(r.totals.selfServiceTriage).toBe(2);
    expect(r.totals.kioskHelp).toBe(1);
  });

  it('counts the manager and a teller who worked on duty, never the admin who also acted that day', async () => {
    const admin = await hub.login('admin');
    const teller = await hub.login('teller2');
    const manager = await hub.login('manager');
    // The admin does real work that day (registers a kiosk), so the admin is an actor of the day's events.
    expect((await hub.api('POST', '/api/devices', { token: admin, body: { role: 'kiosk', name: '大厅取号机 2' } })).status).toBe(200);
    expect((await hub.api('POST', '/api/counters/2/open', { token: teller })).status).toBe(200);
    await hub.api('POST', '/api/triage/self-service', { token: manager, body: { service: 'cash' } });
    const r = await report();
    expect(r.staffOnDuty).toContain('teller2');
    expect(r.staffOnDuty).toContain('manager');
    expect(r.staffOnDuty).not.toContain('admin');
  });

  it('takes a role from the latest staff change: a teller made admin is no longer counted', async () => {
    const admin = await hub.login('admin');
    const teller = await hub.login('teller3');
    expect((await hub.api('POST', '/api/counters/3/open', { token: teller })).status).toBe(200);
    expect((await report()).staffOnDuty).toContain('teller3');
    expect((await hub.api('PATCH', '/api/staff/teller3', { token: admin, body: { role: 'admin' } })).status).toBe(200);
    expect((await report()).staffOnDuty).not.toContain('teller3');
  });
});

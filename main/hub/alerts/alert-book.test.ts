import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { AlertBook } from './alert-book.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe('alerts', () => {
  it('name a device as the admin named it, so the manager never reads a device id', async () => {
    const admin = await hub.login('admin');
    const { deviceId } = (await hub.api('POST', '/api/devices', { token: admin, body: { role: 'kiosk', name: '大厅取号机 1' } })).body;
    const alert = hub.alerts.raise({ kind: 'kiosk_help', key: `kiosk_help:${deviceId}`, device: deviceId }, deviceId);
    expect(alert.details.deviceName).toBe('大厅取号机 1');
    const unknown = hub.alerts.raise({ kind: 'kiosk_help', key: 'kiosk_help:gone', device: 'gone' }, null);
    expect(unknown.details.deviceName).toBeUndefined();
  });

  it('raises once per open key, acknowledges with who and when, and survives a restart', async () => {
    const first = hub.alerts.raise({ kind: 'printer_paper_out', key: 'printer:k1:paper_out', device: 'k1' }, 'k1');
    const again = hub.alerts.raise({ kind: 'printer_paper_out', key: 'printer:k1:paper_out', device: 'k1' }, 'k1');
    expect(again.id).toBe(first.id);
    const manager = await hub.login('manager');
    const listed = await hub.api('GET', '/api/alerts', { token: manager });
    expect(listed.body.alerts.filter((a: { key: string }) => a.key === 'printer:k1:paper_out')).toHaveLength(1);

    const ack = await hub.api('POST', `/api/alerts/${first.id}/ack`, { token: manager });
    expect(ack.body.alert).toMatchObject({ acknowledgedBy: 'manager', acknowledgedAt: expect.any(Number) });
    const twice = await hub.api('POST', `/api/alerts/${first.id}/ack`, { token: manager });
    expect(twice.status).toBe(409);
    expect((await hub.api('POST', '/api/alerts/nope/ack', { token: manager })).status).toBe(404);

    // Acknowledged: the same condition may be raised anew.
    const later = hub.alerts.raise({ kind: 'printer_paper_out', key: 'printer:k1:paper_out' }, 'k1');
    expect(later.id).not.toBe(first.id);
    hub.alerts.resolve('printer:k1:paper_out');
    expect(hub.alerts.isOpen('printer:k1:paper_out')).toBe(false);

    const rebuilt = new AlertBook(hub.hub);
    expect(rebuilt.list().find((a) => a.id === first.id)).toMatchObject({ acknowledgedBy: 'manager' });
    expect(rebuilt.list().find((a) => a.id === later.id)?.resolvedAt).toEqual(expect.any(Number));
  });

  it('never sends an alert\'s details to a display', async () => {
    const display = await hub.device('display');
    const WebSocket = (await import('ws')).default;
    const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/api/live?token=${display}`);
    const messages: string[] = [];
    ws.on('message', (m) => messages.push(m.toString()));
    await new Promise((r) => ws.once('message', r));
    hub.alerts.raise({ kind: 'vip_arrived', key: 'vip:x', details: { title: '王先生', notes: '需要放大镜' } }, 'kiosk');
    await new Promise((r) => setTimeout(r, 200));
    ws.close();
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.join('')).not.toContain('王先生');
  });
});

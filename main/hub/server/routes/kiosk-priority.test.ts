// A kiosk issues only normal tickets through POST /api/tickets: priorities come from check-in
// (VIP, appointment) and from the lobby manager.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../../tests/support/hub.js';

let hub: TestHub;
let kiosk: string;
let manager: string;

beforeAll(async () => {
  hub = await startTestHub();
  kiosk = await hub.device('kiosk');
  manager = await hub.login('manager');
});
afterAll(() => hub.close());

describe('POST /api/tickets from a kiosk', () => {
  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

  it.each([
    ['green', () => ({ service: 'cash', priority: 'green' })],
    ['vip', () => ({ service: 'vip', priority: 'vip' })],
    ['appointment', () => ({ service: 'noncash', priority: 'appointment', appointmentAt: inAnHour() })],
    ['normal with an appointment time', () => ({ service: 'noncash', priority: 'normal', appointmentAt: inAnHour() })],
  ])('refuses %s with 403 forbidden and writes nothing', async (_name, body) => {
    const seq = hub.hub.lastSeq();
    const tickets = Object.keys(hub.hub.state.tickets).length;
    const res = await hub.api('POST', '/api/tickets', { token: kiosk, body: body() });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'forbidden', message: expect.stringMatching(/normal tickets only/) } });
    expect(hub.hub.lastSeq()).toBe(seq);
    expect(Object.keys(hub.hub.state.tickets)).toHaveLength(tickets);
  });

  it('issues a normal ticket, given or by default', async () => {
    const plain = await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash' } });
    const normal = await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash', priority: 'normal' } });
    expect([plain.status, normal.status]).toEqual([200, 200]);
    expect([plain.body.ticket.priority, normal.body.ticket.priority]).toEqual(['normal', 'normal']);
  });

  it('still lets the lobby manager issue green and VIP tickets', async () => {
    const green = await hub.api('POST', '/api/tickets', { token: manager, body: { service: 'cash', priority: 'green' } });
    const vip = await hub.api('POST', '/api/tickets', { token: manager, body: { service: 'vip', priority: 'vip' } });
    expect([green.body.ticket.priority, vip.body.ticket.priority]).toEqual(['green', 'vip']);
  });
});

// Devices against a real hub: revoking ends the token and the live feed within a second,
// and the admin's list says when each device was last heard from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';


let hub: TestHub;
let admin: string;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
});
afterAll(() => hub.close());

async function pair(role: 'kiosk' | 'display' | 'counter' | 'manager', name: string): Promise<{ deviceId: string; token: string }> {
  const reg = await hub.api('POST', '/api/devices', { token: admin, body: { role, name } });
  const paired = await hub.api('POST', '/api/devices/pair', { body: { pairingCode: reg.body.pairingCode } });
  expect(paired.status).toBe(200);
  return { deviceId: reg.body.deviceId, token: paired.body.token };
}

/** Opens a feed with the token as its first message; resolves once the snapshot arrived. */
async function openFeed(token: string) {
  const socket = new WebSocket(hub.url.replace('http', 'ws') + '/api/live');
  const messages: any[] = [];
  socket.on('message', (raw) => messages.push(JSON.parse(raw.toString())));
  const closed = new Promise<{ code: number; at: number }>((resolve) => socket.on('close', (code) => resolve({ code, at: performance.now() })));
  await new Promise<void>((resolve) => socket.on('open', () => resolve()));
  socket.send(JSON.stringify({ token }));
  const deadline = Date.now() + 5000;
  while (messages.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(messages[0]?.type).toBe('snapshot');
  return { socket, messages, closed };
}

const listed = async (deviceId: string) => {
  const res = await hub.api('GET', '/api/devices', { token: admin });
  expect(res.status).toBe(200);
  return (res.body.devices as any[]).find((d) => d.deviceId === deviceId);
};

describe('DELETE /api/devices/:id', () => {
  it('revokes at once: the token is 401 and the open feed closes with 4401, both within a second', async () => {
    const kiosk = await pair('kiosk', '取号机 吊销');
    expect((await hub.api('GET', '/api/me', { token: kiosk.token })).status).toBe(200);
    const feed = await openFeed(kiosk.token);

    const started = performance.now();
    const res = await hub.api('DELETE', `/api/devices/${kiosk.deviceId}`, { token: admin });
    expect(res.status).toBe(200);
    const me = await hub.api('GET', '/api/me', { token: kiosk.token });
    const refusedAfter = performance.now() - started;
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('invalid_token');
    expect(refusedAfter).toBeLessThan(1000);

    const closed = await Promise.race([feed.closed, new Promise<null>((r) => setTimeout(() => r(null), 2000))]);
    expect(closed).not.toBeNull();
    const closedAfter = closed!.at - started;
    expect(closed!.code).toBe(4401);
    expect(closedAfter).toBeLessThan(1000);
    expect(feed.messages.at(-1)).toMatchObject({ type: 'error', error: { code: 'device_revoked' } });
    console.log(`revocation: token refused after ${refusedAfter.toFixed(0)} ms, feed closed after ${closedAfter.toFixed(0)} ms`);

    // The ticket it could issue a moment ago is refused too, and the revocation is on the ledger.
    expect((await hub.api('POST', '/api/tickets', { token: kiosk.token, body: { service: 'cash' } })).status).toBe(401);
    const events = hub.hub.ledger.readEventsOfType('device.revoked');
    expect(events.at(-1)).toMatchObject({ type: 'device.revoked', deviceId: kiosk.deviceId, actor: 'admin' });
    // A revoked device cannot open a feed again.
    const again = new WebSocket(hub.url.replace('http', 'ws') + '/api/live');
    again.on('open', () => again.send(JSON.stringify({ token: kiosk.token })));
    expect(await new Promise<number>((r) => again.on('close', (code) => r(code)))).toBe(4401);
  });

  it('answers 409 already_revoked the second time, and the list shows it revoked with when', async () => {
    const display = await pair('display', '叫号屏 二次');
    expect((await hub.api('DELETE', `/api/devices/${display.deviceId}`, { token: admin })).status).toBe(200);
    const before = hub.hub.lastSeq();
    const twice = await hub.api('DELETE', `/api/devices/${display.deviceId}`, { token: admin });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_revoked');
    expect(hub.hub.lastSeq()).toBe(before);
    const row = await listed(display.deviceId);
    expect(row).toMatchObject({ role: 'display', name: '叫号屏 二次', paired: true, revokedAt: expect.any(String) });
  });

  it('answers 404 unknown_device, writing nothing', async () => {
    const before = hub.hub.lastSeq();
    const res = await hub.api('DELETE', '/api/devices/no-such-device', { token: admin });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('unknown_device');
    expect(hub.hub.lastSeq()).toBe(before);
  });

  it('is the admin\'s alone: a teller\'s token is 403 and the device keeps working', async () => {
    const kiosk = await pair('kiosk', '取号机 柜员');
    const teller = await hub.login('teller2');
    const res = await hub.api('DELETE', `/api/devices/${kiosk.deviceId}`, { token: teller });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await hub.api('DELETE', `/api/devices/${kiosk.deviceId}`, { token: kiosk.token })).status).toBe(403);
    expect((await hub.api('GET', '/api/me', { token: kiosk.token })).status).toBe(200);
  });

  it('kills a pairing code not yet used', async () => {
    const reg = await hub.api('POST', '/api/devices', { token: admin, body: { role: 'display', name: '未配对' } });
    expect((await listed(reg.body.deviceId)).pairingExpiresAt).toEqual(expect.any(String));
    expect((await hub.api('DELETE', `/api/devices/${reg.body.deviceId}`, { token: admin })).status).toBe(200);
    const pairAfter = await hub.api('POST', '/api/devices/pair', { body: { pairingCode: reg.body.pairingCode } });
    expect(pairAfter.status).toBe(401);
    expect(await listed(reg.body.deviceId)).toMatchObject({ paired: false, pairingExpiresAt: null, revokedAt: expect.any(String) });
  });
});

describe('a staff feed', () => {
  it('closes within a second of signing out', async () => {
    const manager = await hub.login('manager');
    const feed = await openFeed(manager);
    const started = performance.now();
    expect((await hub.api('POST', '/api/auth/logout', { token: manager, body: {} })).status).toBe(200);
    const closed = await Promise.race([feed.closed, new Promise<null>((r) => setTimeout(() => r(null), 2000))]);
    expect(closed).not.toBeNull();
    expect(closed!.code).toBe(4401);
    expect(closed!.at - started).toBeLessThan(1000);
    expect(feed.messages.at(-1)).toMatchObject({ type: 'error', error: { code: 'session_ended' } });
  });
});

describe('GET /api/devices', () => {
  it('answers role, name, paired, pairedAt, lastSeenAt, revokedAt and counter (a satisfaction pad\'s only)', async () => {
    const reg = await hub.api('POST', '/api/devices', { token: admin, body: { role: 'manager', name: '大堂平板' } });
    expect(await listed(reg.body.deviceId)).toEqual({
      deviceId: reg.body.deviceId,
      role: 'manager',
      name: '大堂平板',
      paired: false,
      pairedAt: null,
      pairingExpiresAt: reg.body.expiresAt,
      lastSeenAt: null,
      revokedAt: null,
      counter: null,
    });
  });

  it('moves lastSeenAt when the device makes a request or its feed is alive', async () => {
    const display = await pair('display', '叫号屏 最近');
    const paired = await listed(display.deviceId);
    expect(paired.pairedAt).toEqual(expect.any(String));
    const first = paired.lastSeenAt === null ? 0 : Date.parse(paired.lastSeenAt);
    await new Promise((r) => setTimeout(r, 20));
    expect((await hub.api('GET', '/api/lobby', { token: display.token })).status).toBe(200);
    const afterRequest = Date.parse((await listed(display.deviceId)).lastSeenAt);
    expect(afterRequest).toBeGreaterThan(first);
    await new Promise((r) => setTimeout(r, 20));
    const feed = await openFeed(display.token);
    const afterFeed = Date.parse((await listed(display.deviceId)).lastSeenAt);
    expect(afterFeed).toBeGreaterThan(afterRequest);
    feed.socket.close();
  });
});

describe('last seen across a restart', () => {
  it('is kept in memory (a request writes nothing), and after a restart read back from the device\'s latest event or its pairing', async () => {
    let now = Date.parse('2026-03-02T09:00:00+08:00');
    const own = await startTestHub({ clock: () => now });
    let again: TestHub | null = null;
    try {
      const ownAdmin = await own.login('admin');
      const paired = async (role: string, name: string) => {
        const reg = await own.api('POST', '/api/devices', { token: ownAdmin, body: { role, name } });
        return { deviceId: reg.body.deviceId as string, token: (await own.api('POST', '/api/devices/pair', { body: { pairingCode: reg.body.pairingCode } })).body.token as string };
      };
      const pairedAt = now;
      const display = await paired('display', '叫号屏');
      const kiosk = await paired('kiosk', '取号机');
      const seen = async (h: TestHub, token: string, id: string) =>
        (await h.api('GET', '/api/devices', { token })).body.devices.find((d: { deviceId: string }) => d.deviceId === id).lastSeenAt;
      now += 30_000;
      const before = own.hub.lastSeq();
      expect((await own.api('GET', '/api/lobby', { token: display.token })).status).toBe(200);
      expect(own.hub.lastSeq()).toBe(before);
      expect(Date.parse(await seen(own, ownAdmin, display.deviceId))).toBe(now);
      now += 30_000;
      const issuedAt = now;
      expect((await own.api('POST', '/api/tickets', { token: kiosk.token, body: { service: 'cash' } })).status).toBe(200);
      await own.close();

      now += 60_000;
      again = await startTestHub({ dataDir: own.dataDir, clock: () => now });
      const admin2 = await again.login('admin');
      expect(Date.parse(await seen(again, admin2, display.deviceId))).toBe(pairedAt);
      expect(Date.parse(await seen(again, admin2, kiosk.deviceId))).toBe(issuedAt);
    } finally {
      await again?.close();
    }
  });

  it('voids a pairing code not used yet: the device lists its code as expired and the code pairs nothing', async () => {
    const own = await startTestHub();
    let again: TestHub | null = null;
    try {
      const reg = await own.api('POST', '/api/devices', { token: await own.login('admin'), body: { role: 'display', name: '未用' } });
      await own.close();
      again = await startTestHub({ dataDir: own.dataDir });
      const listed2 = (await again.api('GET', '/api/devices', { token: await again.login('admin') })).body.devices.find((d: { deviceId: string }) => d.deviceId === reg.body.deviceId);
      expect(listed2).toMatchObject({ paired: false, pairingExpiresAt: null });
      const pair = await again.api('POST', '/api/devices/pair', { body: { pairingCode: reg.body.pairingCode } });
      expect(pair).toMatchObject({ status: 401, body: { error: { code: 'pairing_code_invalid' } } });
    } finally {
      await again?.close();
    }
  });
});

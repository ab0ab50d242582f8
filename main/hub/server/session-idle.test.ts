// A staff sign-in ends after staffIdleMinutes unused (401 session_expired, REST and feed);
// use keeps it alive; a device never idles out; last use is kept in memory, and after a
// restart read back from the staff member's latest event.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { DB_FILE } from '../ledger/ledger.js';

const MIN = 60_000;
let now = Date.parse('2026-03-02T09:00:00+08:00');
let hub: TestHub;
let kiosk: string;
let display: string;

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now, options: { staffIdleMinutes: 60, throttle: { baseDelayMs: 1, maxDelayMs: 4, lockAfter: 5, lockMs: 60_000 } } });
  // Paired while the helper's admin sign-in is fresh: the tests move the clock by hours.
  kiosk = await hub.device('kiosk');
  display = await hub.device('display');
});
afterAll(() => hub.close());

const sessionsOf = (staffId: string) => {
  const db = new Database(path.join(hub.dataDir, DB_FILE), { readonly: true });
  try {
    return db.prepare('SELECT token_hash FROM sessions WHERE staff_id = ?').all(staffId) as { token_hash: string }[];
  } finally {
    db.close();
  }
};

describe('idle staff sessions', () => {
  it('stay alive while used and end after an hour unused', async () => {
    const teller = await hub.login('teller1');
    for (let i = 0; i < 3; i++) {
      now += 50 * MIN;
      expect((await hub.api('GET', '/api/me', { token: teller })).status).toBe(200);
    }
    now += 61 * MIN;
    const res = await hub.api('GET', '/api/me', { token: teller });
    expect(res).toEqual({ status: 401, body: { error: { code: 'session_expired', message: expect.any(String) } } });
    // Ended for good: coming back inside the hour does not revive it.
    now -= 30 * MIN;
    expect((await hub.api('GET', '/api/me', { token: teller })).status).toBe(401);
  });

  it('keeps last use in memory: a use writes nothing; an idle end is written once, by the hub', async () => {
    const manager = await hub.login('manager');
    const before = hub.hub.lastSeq();
    for (let i = 0; i < 3; i++) {
      now += 30_000;
      expect((await hub.api('GET', '/api/me', { token: manager })).status).toBe(200);
    }
    expect(hub.hub.lastSeq()).toBe(before);
    now += 61 * MIN;
    expect((await hub.api('GET', '/api/me', { token: manager })).body.error.code).toBe('session_expired');
    expect((await hub.api('GET', '/api/me', { token: manager })).status).toBe(401);
    const ended = hub.hub.ledger.readEvents(before + 1);
    expect(ended).toEqual([expect.objectContaining({ type: 'session.ended', reason: 'idle', actor: null })]);
    expect(sessionsOf('manager').map((r) => r.token_hash)).not.toContain((ended[0] as { tokenHash: string }).tokenHash);
  });

  it('refuses an idle session on the live feed too, but never idles a device out', async () => {
    const manager = await hub.login('manager');
    now += 2 * 60 * MIN;
    const socket = new WebSocket(hub.url.replace('http', 'ws') + '/api/live');
    socket.on('open', () => socket.send(JSON.stringify({ token: manager })));
    const first = await new Promise<any>((resolve) => socket.once('message', (raw) => resolve(JSON.parse(raw.toString()))));
    expect(first).toMatchObject({ type: 'error', error: { code: 'session_expired' } });
    now += 30 * 24 * 60 * MIN;
    expect((await hub.api('GET', '/api/lobby', { token: display })).status).toBe(200);
  });

  it('closes an open staff feed once the sign-in has idled out, and keeps a display feed', async () => {
    const manager = await hub.login('manager');
    const open = (token: string) => {
      const socket = new WebSocket(hub.url.replace('http', 'ws') + '/api/live');
      const messages: any[] = [];
      socket.on('open', () => socket.send(JSON.stringify({ token })));
      socket.on('message', (raw) => messages.push(JSON.parse(raw.toString())));
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
      return { socket, messages, closed };
    };
    const staffFeed = open(manager);
    const displayFeed = open(display);
    await vi.waitFor(() => expect(staffFeed.messages.length + displayFeed.messages.length).toBe(2));
    now += 61 * MIN;
    expect((await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash' } })).status).toBe(200);
    expect(await staffFeed.closed).toBe(4401);
    expect(staffFeed.messages.at(-1)).toMatchObject({ type: 'error', error: { code: 'session_expired' } });
    expect(staffFeed.messages.some((m) => m.type === 'ticket.issued')).toBe(false);
    await vi.waitFor(() => expect(displayFeed.messages.some((m) => m.type === 'ticket.issued')).toBe(true));
    displayFeed.socket.close();
  });
});

describe('the idle time as the admin sets it', () => {
  it('applies at once, is refused outside 5 to 720 minutes, and holds after a restart', async () => {
    let t = Date.parse('2026-03-02T09:00:00+08:00');
    const own = await startTestHub({ clock: () => t });
    const admin = await own.login('admin');
    expect((await own.api('PUT', '/api/settings/sign-in', { token: admin, body: { staffIdleMinutes: 3 } })).status).toBe(400);
    expect((await own.api('PUT', '/api/settings/sign-in', { token: await own.login('manager'), body: { staffIdleMinutes: 10 } })).status).toBe(403);
    expect((await own.api('PUT', '/api/settings/sign-in', { token: admin, body: { staffIdleMinutes: 10 } })).body).toEqual({ staffIdleMinutes: 10 });
    const teller = await own.login('teller1');
    t += 11 * MIN;
    expect((await own.api('GET', '/api/me', { token: teller })).body).toMatchObject({ error: { code: 'session_expired' } });
    await own.close();

    const again = await startTestHub({ dataDir: own.dataDir, clock: () => t });
    try {
      expect((await again.api('GET', '/api/settings/sign-in', { token: await again.login('admin') })).body).toEqual({ staffIdleMinutes: 10 });
    } finally {
      await again.close();
    }
  });
});

describe('last use across a restart', () => {
  it('is the staff member\'s latest event or the sign-in: an idle session does not come back to life', async () => {
    let t = Date.parse('2026-03-02T09:00:00+08:00');
    const own = await startTestHub({ clock: () => t, options: { staffIdleMinutes: 60 } });
    let again: TestHub | null = null;
    try {
      const acting = await own.login('teller1');
      const reading = await own.login('teller2');
      t += 50 * MIN;
      // One writes (its event names it), the other only reads (a mark in memory).
      expect((await own.api('POST', '/api/counters/1/open', { token: acting })).status).toBe(200);
      expect((await own.api('GET', '/api/me', { token: reading })).status).toBe(200);
      await own.close();

      again = await startTestHub({ dataDir: own.dataDir, clock: () => t, options: { staffIdleMinutes: 60 } });
      t += 20 * MIN;
      expect((await again.api('GET', '/api/me', { token: acting })).status).toBe(200);
      expect((await again.api('GET', '/api/me', { token: reading })).body.error.code).toBe('session_expired');
    } finally {
      await again?.close();
    }
  });
});

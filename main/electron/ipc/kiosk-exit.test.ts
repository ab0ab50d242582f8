// Against a real hub on loopback: the PIN is checked there, and the exit is recorded there.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { eventFrom, memorySettings } from '../testing/ipc-event.js';
import { kioskExitHandler } from './kiosk-exit.js';

let hub: TestHub;
let kioskToken: string;
beforeAll(async () => {
  hub = await startTestHub();
  kioskToken = await hub.device('kiosk', '取号机 1');
});
afterAll(() => hub.close());

function handler(onExit = vi.fn()) {
  const settings = memorySettings({ hubUrl: hub.url, role: 'kiosk', deviceToken: kioskToken });
  return { run: kioskExitHandler(settings, fetch, onExit), onExit };
}
const exits = () => hub.hub.ledger.db.prepare("SELECT data FROM events WHERE type = 'kiosk.exited'").all() as { data: string }[];

describe('kiosk:exit', () => {
  it('a wrong PIN keeps the kiosk locked and is answered with the hub\'s code', async () => {
    const { run, onExit } = handler();
    const answer = await run(eventFrom(`${hub.url}/kiosk`), { staffId: 'manager', pin: '999999' });
    expect(answer).toMatchObject({ ok: false, code: 'wrong_pin' });
    expect(onExit).not.toHaveBeenCalled();
    expect(exits()).toHaveLength(0);
  });

  it('a teller\'s right PIN is not enough: only a manager or admin may leave kiosk mode', async () => {
    const { run, onExit } = handler();
    const answer = await run(eventFrom(`${hub.url}/kiosk`), { staffId: 'teller1', pin: '000000' });
    expect(answer).toMatchObject({ ok: false, code: 'forbidden' });
    expect(onExit).not.toHaveBeenCalled();
  });

  it('the manager\'s PIN unlocks it, the hub records who left which kiosk, and the staff token is signed out', async () => {
    const calls: { url: string; auth?: string }[] = [];
    const recording: typeof fetch = (url, init) => {
      calls.push({ url: String(url), auth: (init?.headers as Record<string, string> | undefined)?.authorization });
      return fetch(url, init);
    };
    const onExit = vi.fn();
    const settings = memorySettings({ hubUrl: hub.url, role: 'kiosk', deviceToken: kioskToken });
    const me = await hub.api('GET', '/api/me', { token: kioskToken });
    const answer = await kioskExitHandler(settings, recording, onExit)(eventFrom(`${hub.url}/kiosk`), { staffId: 'manager', pin: '000000' });
    expect(answer).toEqual({ ok: true, staffId: 'manager' });
    expect(onExit).toHaveBeenCalledWith('manager');
    const recorded = exits().map((r) => JSON.parse(r.data) as Record<string, unknown>);
    expect(recorded.at(-1)).toMatchObject({ device: me.body.id, staffId: 'manager' });
    // The manager's token was used for the exit and is dead now: the kiosk keeps no person's token.
    const staffAuth = calls.find((c) => c.url.endsWith('/api/kiosk/exit'))?.auth ?? '';
    expect(staffAuth).toMatch(/^Bearer /);
    expect((await hub.api('GET', '/api/me', { token: staffAuth.slice(7) })).status).toBe(401);
  });

  it('refuses a page of another origin and a terminal that is not a kiosk, before asking the hub', async () => {
    const fetchSpy = vi.fn(fetch);
    const settings = memorySettings({ hubUrl: hub.url, role: 'counter', deviceToken: 't' });
    await expect(kioskExitHandler(settings, fetchSpy, vi.fn())(eventFrom(`${hub.url}/counter`), { staffId: 'manager', pin: '000000' })).rejects.toThrow(/not a kiosk/);
    const kioskSettings = memorySettings({ hubUrl: hub.url, role: 'kiosk', deviceToken: 't' });
    await expect(kioskExitHandler(kioskSettings, fetchSpy, vi.fn())(eventFrom('http://evil.example/'), { staffId: 'manager', pin: '000000' })).rejects.toThrow(/outside the hub/);
    await expect(kioskExitHandler(kioskSettings, fetchSpy, vi.fn())(eventFrom(hub.url), { staffId: 'manager' })).rejects.toThrow();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

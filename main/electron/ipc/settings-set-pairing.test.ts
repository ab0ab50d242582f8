// The pairing channel as main registers it (against the mocked electron), talking to a real
// hub on loopback: only a code the hub accepts changes the terminal's role, and the role
// stored is the hub's, never the page's.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import type { TerminalSettings } from '../../common/settings.js';
import { eventFrom, memorySettings } from '../testing/ipc-event.js';
import type { IpcHandler } from './types.js';

vi.mock('electron', () => import('../testing/fake-electron.js'));
const fake = await import('../testing/fake-electron.js');
const { registerIpc } = await import('./register.js');

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
});
afterAll(() => hub.close());
beforeEach(() => fake.resetFakeElectron());

/** A kiosk terminal already paired with the hub, with the channel registered as main does. */
function kioskTerminal() {
  const settings = memorySettings({ hubUrl: hub.url, role: 'kiosk', deviceToken: 'kiosk-token' });
  const onPaired = vi.fn<(s: TerminalSettings) => void>();
  const fetchSpy = vi.fn(fetch);
  registerIpc({ settings, appVersion: () => '1', onPaired, fetch: fetchSpy });
  const handler = fake.state.ipcHandlers.get('settings:set-pairing') as IpcHandler<'settings:set-pairing'>;
  return { settings, onPaired, fetchSpy, call: (request: unknown, from = `${hub.url}/kiosk`) => handler(eventFrom(from), request) };
}

async function newCode(role: string): Promise<{ deviceId: string; pairingCode: string }> {
  const reg = await hub.api('POST', '/api/devices', { token: admin, body: { role, name: `终端 ${role}` } });
  expect(reg.status).toBe(200);
  return reg.body;
}

describe('settings:set-pairing', () => {
  it.each([
    ['a role and token without a code (the old form)', { hubUrl: 'http://127.0.0.1:4180', token: 'forged', role: 'admin' }],
    ['a role beside a code', { pairingCode: 'ABCD2345', role: 'admin' }],
    ['a token beside a code', { pairingCode: 'ABCD2345', token: 'forged' }],
    ['an empty code', { pairingCode: '' }],
    ['nothing', undefined],
  ])('refuses %s before asking the hub, changing nothing', async (_what, request) => {
    const t = kioskTerminal();
    await expect(t.call(request)).rejects.toThrow();
    expect(t.fetchSpy).not.toHaveBeenCalled();
    expect(t.settings.writes).toBe(0);
    expect(t.settings.get()).toMatchObject({ role: 'kiosk', deviceToken: 'kiosk-token' });
    expect(t.onPaired).not.toHaveBeenCalled();
  });

  it('refuses a page from another origin before parsing anything', async () => {
    const { pairingCode } = await newCode('display');
    const t = kioskTerminal();
    await expect(t.call({ pairingCode }, 'http://evil.example/pair')).rejects.toThrow(/outside the hub/);
    expect(t.fetchSpy).not.toHaveBeenCalled();
    expect(t.settings.writes).toBe(0);
  });

  it('a code the hub refuses changes nothing, and the page hears the hub\'s code', async () => {
    const t = kioskTerminal();
    const answer = await t.call({ pairingCode: 'ZZZZ9999' });
    expect(answer).toMatchObject({ ok: false, code: 'pairing_code_invalid' });
    expect(t.fetchSpy).toHaveBeenCalledTimes(1);
    expect(t.settings.writes).toBe(0);
    expect(t.settings.get()).toMatchObject({ role: 'kiosk', deviceToken: 'kiosk-token' });
    expect(t.onPaired).not.toHaveBeenCalled();
  });

  it('an accepted code stores the role and token the hub answered, and reopens the window', async () => {
    const { deviceId, pairingCode } = await newCode('display');
    const t = kioskTerminal();
    const answer = await t.call({ pairingCode });
    expect(answer).toMatchObject({ ok: true, settings: { role: 'display', hubUrl: hub.url } });
    const stored = t.settings.get();
    expect(stored.role).toBe('display');
    expect(stored.deviceToken).not.toBe('kiosk-token');
    // The stored token is the hub's own: it is that display's identity at the hub.
    const me = await hub.api('GET', '/api/me', { token: stored.deviceToken });
    expect(me.body).toMatchObject({ kind: 'device', id: deviceId, role: 'display' });
    expect(t.onPaired).toHaveBeenCalledWith(stored);
    // The code is spent: the same page cannot use it again to change anything.
    const again = await t.call({ pairingCode });
    expect(again).toMatchObject({ ok: false, code: 'pairing_code_invalid' });
    expect(t.settings.get()).toEqual(stored);
  });

  it('an unreachable hub changes nothing', async () => {
    const settings = memorySettings({ hubUrl: 'http://127.0.0.1:9', role: 'kiosk', deviceToken: 'kiosk-token' });
    registerIpc({ settings, appVersion: () => '1', onPaired: vi.fn() });
    const handler = fake.state.ipcHandlers.get('settings:set-pairing') as IpcHandler<'settings:set-pairing'>;
    const answer = await handler(eventFrom('http://127.0.0.1:9/pair'), { pairingCode: 'ABCD2345' });
    expect(answer).toMatchObject({ ok: false, code: 'hub_unreachable' });
    expect(settings.writes).toBe(0);
  });
});

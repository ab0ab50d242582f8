import { describe, expect, it, vi } from 'vitest';
import { eventFrom, HUB, memorySettings } from '../testing/ipc-event.js';
import { settingsSetPairingHandler } from './settings-set-pairing.js';

const good = { hubUrl: HUB, token: 'device-token', role: 'counter' };

describe('settings:set-pairing', () => {
  it('stores token and role from the hub page and tells main to reopen the window', async () => {
    const settings = memorySettings();
    const onPaired = vi.fn();
    const answer = await settingsSetPairingHandler(settings, onPaired)(eventFrom(`${HUB}/pair`), good);
    expect(answer).toMatchObject({ role: 'counter', deviceToken: 'device-token', hubUrl: HUB });
    expect(settings.get()).toMatchObject({ role: 'counter', deviceToken: 'device-token' });
    expect(onPaired).toHaveBeenCalledWith(answer);
  });
  it('refuses a page from another origin, writing nothing', async () => {
    const settings = memorySettings();
    const onPaired = vi.fn();
    const call = settingsSetPairingHandler(settings, onPaired)(eventFrom('http://evil.example/pair'), good);
    await expect(call).rejects.toThrow(/outside the hub/);
    expect(settings.writes).toBe(0);
    expect(onPaired).not.toHaveBeenCalled();
  });
  it('refuses to point the terminal at a hub other than the one that served the page', async () => {
    const settings = memorySettings();
    const call = settingsSetPairingHandler(settings, vi.fn())(eventFrom(`${HUB}/pair`), { ...good, hubUrl: 'http://10.0.0.9:4180' });
    await expect(call).rejects.toThrow(/only with its own hub/);
    expect(settings.writes).toBe(0);
  });
  it.each([
    ['an unknown role', { ...good, role: 'root' }],
    ['an empty token', { ...good, token: '' }],
    ['a non-http hub', { ...good, hubUrl: 'file:///x' }],
    ['an extra field', { ...good, hostsHub: true }],
    ['nothing', undefined],
  ])('rejects %s, writing nothing', async (_what, request) => {
    const settings = memorySettings();
    await expect(settingsSetPairingHandler(settings, vi.fn())(eventFrom(HUB), request)).rejects.toThrow();
    expect(settings.writes).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { eventFrom, HUB, memorySettings } from '../testing/ipc-event.js';
import { settingsGetHandler } from './settings-get.js';

describe('settings:get', () => {
  it('answers the hub page with the stored settings, token included', async () => {
    const settings = memorySettings({ role: 'kiosk', deviceToken: 'tok' });
    const answer = await settingsGetHandler(settings)(eventFrom(`${HUB}/kiosk`), undefined);
    expect(answer).toEqual(settings.get());
    expect(answer.deviceToken).toBe('tok');
  });
  it('never gives the token to a page of another origin', async () => {
    const settings = memorySettings({ role: 'kiosk', deviceToken: 'tok' });
    await expect(settingsGetHandler(settings)(eventFrom('http://evil.example/'), undefined)).rejects.toThrow(/outside the hub/);
  });
  it('rejects an argument it does not take', async () => {
    await expect(settingsGetHandler(memorySettings())(eventFrom(HUB), { all: true })).rejects.toThrow();
  });
});

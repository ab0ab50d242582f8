import { describe, expect, it } from 'vitest';
import { eventFrom, HUB, memorySettings } from '../testing/ipc-event.js';
import { appInfoHandler } from './app-info.js';

describe('app:info', () => {
  it('answers the hub page with versions and platform', async () => {
    const answer = await appInfoHandler(memorySettings({ hostsHub: true }), () => '1.2.3')(eventFrom(`${HUB}/admin`), undefined);
    expect(answer).toMatchObject({ version: '1.2.3', platform: process.platform, arch: process.arch, hostsHub: true });
  });
  it('refuses another origin and unexpected arguments', async () => {
    const handler = appInfoHandler(memorySettings(), () => '1');
    await expect(handler(eventFrom('http://evil.example/'), undefined)).rejects.toThrow(/outside the hub/);
    await expect(handler(eventFrom(HUB), 'x')).rejects.toThrow();
  });
});

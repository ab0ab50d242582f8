import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideLaunch, hasDisplay, hubBanner, listeningUrl, readProbe, shouldProbe } from './start-decision.mjs';

const ok = { ok: true as const, binary: '/x/electron' };
const base = { platform: 'linux', env: { DISPLAY: ':0' }, electron: ok, rendererBuilt: true, node: '/usr/bin/node' };

describe('npm start decision', () => {
  it('runs the Electron shell when there is a display and a binary: build, then electron .', () => {
    const launch = decideLaunch(base);
    expect(launch.mode).toBe('electron');
    expect(launch.steps).toEqual([
      { command: 'npm', args: ['run', 'build'] },
      { command: 'npx', args: ['electron', '.'] },
    ]);
  });

  it('falls back to the demo hub, in one sentence, when no binary could be had', () => {
    const launch = decideLaunch({ ...base, electron: { ok: false, why: 'no Electron binary could be downloaded' } });
    expect(launch.mode).toBe('hub');
    expect(launch.message).toBe(
      'Electron cannot run on this machine (no Electron binary could be downloaded); starting the headless branch hub with the demo branch instead.',
    );
    expect(launch.steps.at(-1)).toEqual({
      command: '/usr/bin/node',
      args: ['--import', 'tsx', 'main/cli.ts', 'hub', '--data', './data', '--port', '4180', '--demo'],
    });
  });

  it('falls back on Linux without DISPLAY or WAYLAND_DISPLAY, and does not even probe', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
    expect(shouldProbe('linux', {})).toBe(false);
    const launch = decideLaunch({ ...base, env: {}, electron: null });
    expect(launch.mode).toBe('hub');
    expect(launch.message).toMatch(/no display/);
  });

  it('ATRIUM_HEADLESS=1 forces the hub even where Electron could run', () => {
    expect(shouldProbe('linux', { DISPLAY: ':0', ATRIUM_HEADLESS: '1' })).toBe(false);
    expect(decideLaunch({ ...base, env: { DISPLAY: ':0', ATRIUM_HEADLESS: '1' } }).mode).toBe('hub');
  });

  it('builds the renderer first only when out/renderer is missing', () => {
    const fallback = { ...base, electron: { ok: false as const, why: 'x' } };
    expect(decideLaunch({ ...fallback, rendererBuilt: false }).steps[0]).toEqual({ command: 'npm', args: ['run', 'build:renderer'] });
    expect(decideLaunch(fallback).steps).toHaveLength(1);
  });

  it('uses the .cmd shims on Windows', () => {
    expect(decideLaunch({ ...base, platform: 'win32' }).steps.map((s) => s.command)).toEqual(['npm.cmd', 'npx.cmd']);
  });

  it('reads the probe: a path that exists, a throw, a timeout, a path that does not exist', () => {
    expect(readProbe({ code: 0, timedOut: false, stdout: '/x/electron\n' }, () => true)).toEqual(ok);
    expect(readProbe({ code: 1, timedOut: false, stdout: '' }, () => true)).toEqual({ ok: false, why: 'no Electron binary could be downloaded' });
    expect(readProbe({ code: null, timedOut: true, stdout: '' }, () => true)).toMatchObject({ ok: false, why: expect.stringMatching(/within 20 s/) });
    expect(readProbe({ code: 0, timedOut: false, stdout: '/gone' }, () => false)).toMatchObject({ ok: false });
  });

  it('spots the hub listening line and prints every screen and the demo logins', () => {
    expect(listeningUrl('[hub] listening on http://127.0.0.1:4180/')).toBe('http://127.0.0.1:4180');
    expect(listeningUrl('starting')).toBeNull();
    const text = hubBanner('http://127.0.0.1:4180').join('\n');
    for (const screen of ['kiosk', 'counter', 'display', 'manager', 'supervisor', 'admin', 'records', 'pair', 'setup']) {
      expect(text).toContain(`http://127.0.0.1:4180/${screen}\n`);
    }
    expect(text).toMatch(/teller1/);
    expect(text).toContain('000000');
  });

  it('lists every page the renderer routes to (a page added later cannot be forgotten)', () => {
    const app = readFileSync(new URL('../renderer/App.tsx', import.meta.url), 'utf8');
    // Every <Route path="/name">: the index, the catch-all and the ticket page (/t/:id, reached by its QR code) aside.
    // /office is the head office's screen, served by `npm run office`, never by a hub.
    const pages = [...app.matchAll(/path="\/([a-z-]+)"/g)].map((m) => m[1]!).filter((page) => page !== 'office');
    expect(pages.length).toBeGreaterThanOrEqual(8);
    const text = hubBanner('http://h:1').join('\n');
    for (const page of pages) expect(text).toContain(`http://h:1/${page}\n`);
  });
});

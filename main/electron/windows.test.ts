import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, TERMINAL_ROLES, type TerminalSettings } from '../common/settings.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));
const fake = await import('./testing/fake-electron.js');
const { openTerminalWindow, urlFor } = await import('./windows.js');

const HUB = 'http://10.0.0.5:4180';
const settings = (patch: Partial<TerminalSettings>): TerminalSettings => ({ ...defaultSettings('/d'), hubUrl: HUB, ...patch });

describe('terminal window', () => {
  beforeEach(() => fake.resetFakeElectron());

  it('is created with the secure webPreferences and the preload', () => {
    openTerminalWindow(settings({ role: 'counter', deviceToken: 't' }), { preload: '/app/preload.js', devTools: true });
    const prefs = fake.state.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.js',
    });
  });

  it.each(TERMINAL_ROLES)('loads the screen of the stored role %s', (role) => {
    const win = openTerminalWindow(settings({ role, deviceToken: 't' }), { preload: '/p.js' });
    expect(fake.state.windows[0]?.loadURL).toHaveBeenCalledWith(`${HUB}/${role}`);
    expect(win).toBe(fake.state.windows[0]);
  });

  it('shows the pairing page until the terminal has both a role and a token', () => {
    expect(urlFor(settings({ role: null, deviceToken: null }))).toBe(`${HUB}/pair`);
    expect(urlFor(settings({ role: 'kiosk', deviceToken: null }))).toBe(`${HUB}/pair`);
    openTerminalWindow(settings({}), { preload: '/p.js' });
    expect(fake.state.windows[0]?.loadURL).toHaveBeenCalledWith(`${HUB}/pair`);
  });

  it('locks the kiosk down: kiosk mode, fullscreen, no devtools', () => {
    openTerminalWindow(settings({ role: 'kiosk', deviceToken: 't' }), { preload: '/p.js', devTools: true });
    const opts = fake.state.windows[0]?.options as Record<string, unknown> & { webPreferences: Record<string, unknown> };
    expect(opts).toMatchObject({ kiosk: true, fullscreen: true });
    expect(opts.webPreferences.devTools).toBe(false);
  });

  it('retries the page when the main frame fails to load (hub restarting)', () => {
    vi.useFakeTimers();
    try {
      openTerminalWindow(settings({ role: 'display', deviceToken: 't' }), { preload: '/p.js', retryMs: 1000 });
      const win = fake.state.windows[0]!;
      win.webContents.emit('did-fail-load', {}, -102, 'CONNECTION_REFUSED', `${HUB}/display`, false);
      vi.advanceTimersByTime(1000);
      expect(win.loadURL).toHaveBeenCalledTimes(1); // a subframe failure is not retried
      win.webContents.emit('did-fail-load', {}, -102, 'CONNECTION_REFUSED', `${HUB}/display`, true);
      vi.advanceTimersByTime(1000);
      expect(win.loadURL).toHaveBeenCalledTimes(2);
      expect(win.loadURL).toHaveBeenLastCalledWith(`${HUB}/display`);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reloads a page whose renderer crashed, after a pause', () => {
    vi.useFakeTimers();
    try {
      openTerminalWindow(settings({ role: 'kiosk', deviceToken: 't' }), { preload: '/p.js', reloadMs: 2000 });
      const win = fake.state.windows[0]!;
      win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
      expect(win.loadURL).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(2000);
      expect(win.loadURL).toHaveBeenCalledTimes(2);
      expect(win.loadURL).toHaveBeenLastCalledWith(`${HUB}/kiosk`);
    } finally {
      vi.useRealTimers();
    }
  });
});

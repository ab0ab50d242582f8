import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../testing/fake-electron.js'));
const fake = await import('../testing/fake-electron.js');
const { lockDownKiosk, startAtLogin } = await import('./lockdown.js');

function kioskWindow() {
  return new fake.BrowserWindow({ kiosk: true, fullscreen: true }) as unknown as BrowserWindow & InstanceType<typeof fake.BrowserWindow>;
}
const press = (win: InstanceType<typeof fake.BrowserWindow>, key: string, mods: Record<string, boolean> = {}) =>
  win.webContents.fire('before-input-event', {}, { type: 'keyDown', key, control: false, meta: false, alt: false, shift: false, ...mods });

describe('kiosk lockdown', () => {
  beforeEach(() => fake.resetFakeElectron());
  afterEach(() => vi.useRealTimers());

  it('removes the menus and keeps the display awake until the window closes', () => {
    const win = kioskWindow();
    lockDownKiosk(win);
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(win.setMenu).toHaveBeenCalledWith(null);
    expect(fake.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(fake.state.blockers.size).toBe(1);
    win.destroy();
    expect(fake.state.blockers.size).toBe(0);
  });

  it('swallows the exit keys and lets typing through, until staff unlock it', () => {
    const win = kioskWindow();
    const lock = lockDownKiosk(win);
    expect(press(win, 'F4', { alt: true })).toBe(true);
    expect(press(win, 'I', { control: true, shift: true })).toBe(true);
    expect(press(win, '7')).toBe(false);
    lock.unlock();
    expect(lock.locked).toBe(false);
    expect(win.setKiosk).toHaveBeenCalledWith(false);
    expect(win.setFullScreen).toHaveBeenCalledWith(false);
    expect(press(win, 'F4', { alt: true })).toBe(false);
  });

  it('crashes a page that stays hung so that it reloads, but not one that recovers', () => {
    vi.useFakeTimers();
    const win = kioskWindow();
    lockDownKiosk(win, { hangMs: 5000 });
    win.emit('unresponsive');
    vi.advanceTimersByTime(3000);
    win.emit('responsive');
    vi.advanceTimersByTime(5000);
    expect(win.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    win.emit('unresponsive');
    vi.advanceTimersByTime(5000);
    expect(win.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
  });

  it('registers the packaged app to start at login, and a development build not', () => {
    startAtLogin(fake.app as never);
    expect(fake.app.setLoginItemSettings).not.toHaveBeenCalled();
    fake.state.packaged = true;
    startAtLogin(fake.app as never);
    expect(fake.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
  });
});

// Kiosk mode around the kiosk's window: no menu, the exit keys swallowed, the screen kept
// awake, a hung page crashed so that it reloads (windows.ts), the shell started at login.
// unlock() is called only after the hub accepted a staff PIN (ipc/kiosk-exit.ts): the
// window then leaves kiosk mode until the shell next starts, which locks it again.
import { Menu, powerSaveBlocker, type App, type BrowserWindow } from 'electron';
import { isExitShortcut } from './exit-shortcuts.js';

export interface KioskLock {
  readonly locked: boolean;
  unlock(): void;
}

export interface LockdownOptions {
  /** How long a page may hang before it is reloaded: long enough for a GC pause or a slow estimate. */
  hangMs?: number;
  log?: (line: string) => void;
}

export function startAtLogin(app: Pick<App, 'setLoginItemSettings' | 'isPackaged'>): void {
  // A development build would register the bare Electron binary, which opens nothing useful.
  if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: true });
}

export function lockDownKiosk(win: BrowserWindow, opts: LockdownOptions = {}): KioskLock {
  const log = opts.log ?? (() => undefined);
  let locked = true;
  Menu.setApplicationMenu(null);
  win.setMenu(null);
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  win.on('closed', () => {
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
  });

  win.webContents.on('before-input-event', (event, input) => {
    if (locked && isExitShortcut(input)) event.preventDefault();
  });

  // A crashed renderer is reloaded by windows.ts (after a delay, for every terminal); a hung
  // one is crashed on purpose here so that the same path reloads it.
  let hang: ReturnType<typeof setTimeout> | null = null;
  win.on('unresponsive', () => {
    if (hang) return;
    hang = setTimeout(() => {
      hang = null;
      if (win.isDestroyed()) return;
      log('kiosk page hung: crashing its renderer to reload it');
      win.webContents.forcefullyCrashRenderer();
    }, opts.hangMs ?? 10_000);
  });
  win.on('responsive', () => {
    if (hang) clearTimeout(hang);
    hang = null;
  });

  return {
    get locked() {
      return locked;
    },
    unlock() {
      if (!locked || win.isDestroyed()) return;
      locked = false;
      win.setKiosk(false);
      win.setFullScreen(false);
      log('kiosk mode left by staff');
    },
  };
}

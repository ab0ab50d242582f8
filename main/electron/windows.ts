// One window per terminal, in the role its settings name: the hub's web app at /<role>, or
// the pairing page before the terminal is paired. The page gets no Node, runs sandboxed and
// isolated, and talks to main only through the preload's bridge.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { isPaired, type TerminalRole, type TerminalSettings } from '../common/settings.js';

/** out/main/electron/windows.js → out/preload/preload/index.js (tsconfig.preload.json). */
export function defaultPreloadPath(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'preload', 'preload', 'index.js');
}

/** The page a terminal shows: its role's screen, or the pairing page until it is paired. */
export function urlFor(settings: TerminalSettings): string {
  const origin = new URL(settings.hubUrl).origin;
  // The web app's /pair shows the pairing form and hands the code to atrium.setPairing(); main pairs.
  return isPaired(settings) ? `${origin}/${settings.role}` : `${origin}/pair`;
}

export function windowOptionsFor(role: TerminalRole | null, preload: string, devTools: boolean): BrowserWindowConstructorOptions {
  const base: BrowserWindowConstructorOptions = {
    width: 1280,
    height: 800,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    title: 'Atrium',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Customers stand at kiosks and displays: no devtools there even in development.
      devTools: devTools && role !== 'kiosk' && role !== 'display',
    },
  };
  if (role === 'kiosk') return { ...base, kiosk: true, fullscreen: true, frame: false };
  if (role === 'display') return { ...base, fullscreen: true, frame: false };
  return base;
}

export interface OpenWindowOptions {
  preload?: string;
  devTools?: boolean;
  /** Delay before reloading a page that failed to load (the hub may be restarting). */
  retryMs?: number;
  /** Delay before reloading a page whose renderer crashed. */
  reloadMs?: number;
}

export function openTerminalWindow(settings: TerminalSettings, opts: OpenWindowOptions = {}): BrowserWindow {
  const role = isPaired(settings) ? settings.role : null;
  const win = new BrowserWindow(windowOptionsFor(role, opts.preload ?? defaultPreloadPath(), opts.devTools ?? false));
  const url = urlFor(settings);
  // A terminal is unattended: when the hub is unreachable, keep trying rather than stay blank.
  win.webContents.on('did-fail-load', (_event, _code, _description, _url, isMainFrame) => {
    if (!isMainFrame) return;
    setTimeout(() => {
      if (!win.isDestroyed()) void win.loadURL(url).catch(() => undefined);
    }, opts.retryMs ?? 3000);
  });
  // After a crash (or a hang the kiosk lockdown turned into one), reload after a pause so a
  // page that crashes at once does not spin the CPU.
  win.webContents.on('render-process-gone', () => {
    setTimeout(() => {
      if (!win.isDestroyed()) void win.loadURL(url).catch(() => undefined);
    }, opts.reloadMs ?? 2000);
  });
  void win.loadURL(url).catch(() => undefined); // a failure is handled by did-fail-load
  return win;
}

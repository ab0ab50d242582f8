// The shell's start-up, in order: one instance only; hardening before any page exists;
// settings; the hub (on the terminal that hosts it); then the window for the stored role.
// app.ts only calls runApp(), so tests drive this file against a mocked 'electron'.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, net, session, type BrowserWindow } from 'electron';
import { isPaired, type TerminalSettings } from '../common/settings.js';
import { readOwnFingerprint } from '../hub/tls/index.js';
import { CertificatePins, pinHubCertificate } from './cert-pin.js';
import type { FetchLike } from './hub-call.js';
import { HubSupervisor } from './hub-supervisor.js';
import { registerIpc } from './ipc/register.js';
import { LocalPrinter } from './kiosk/local-printer.js';
import { lockDownKiosk, startAtLogin, type KioskLock } from './kiosk/lockdown.js';
import { startPrinterStatusReporter } from './kiosk/status-reporter.js';
import { hardenAllWebContents, secureSession } from './security.js';
import { openSettingsStore } from './settings-store.js';
import { parseShellArgs } from './shell-args.js';
import { openTerminalWindow, type OpenWindowOptions } from './windows.js';

export interface RunAppOptions {
  argv?: readonly string[];
  hubEntry?: string;
  window?: OpenWindowOptions;
  log?: (line: string) => void;
}

export interface RunningApp {
  window(): BrowserWindow | null;
  /** The kiosk-mode lock of a kiosk's window; null on other terminals. */
  kioskLock(): KioskLock | null;
  hub: HubSupervisor | null;
}

/** Resolves with null when another instance already runs (this one then quits). */
export async function runApp(opts: RunAppOptions = {}): Promise<RunningApp | null> {
  const log = opts.log ?? ((line: string) => console.log(`[atrium] ${line}`));
  // Two shells on one terminal would fight over the kiosk screen, the printer and the hub's
  // port: the second one hands over to the first and leaves.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());

  let settingsRef: { get(): TerminalSettings } | null = null;
  const hubUrl = (): string => settingsRef?.get().hubUrl ?? 'http://127.0.0.1';
  // Registered before ready so no web contents, ours or not, escapes the checks.
  hardenAllWebContents(app, hubUrl);

  await app.whenReady();
  const settings = openSettingsStore(app.getPath('userData'));
  settingsRef = settings;
  const { patch, problems } = parseShellArgs(opts.argv ?? process.argv);
  for (const problem of problems) log(problem);
  if (Object.keys(patch).length > 0) settings.update(patch);

  secureSession(session.defaultSession, hubUrl);
  const certificates = new CertificatePins(() => settings.get());
  pinHubCertificate(session.defaultSession, certificates);

  let kioskLock: KioskLock | null = null;
  const open = (current: TerminalSettings): void => {
    const previous = win;
    win = openTerminalWindow(current, { devTools: !app.isPackaged, ...opts.window });
    kioskLock = null;
    if (isPaired(current) && current.role === 'kiosk') {
      kioskLock = lockDownKiosk(win, { log });
      startAtLogin(app);
    }
    if (previous && !previous.isDestroyed()) previous.destroy();
  };
  // The printer cabled to this kiosk, made when first needed and again if its URI changes.
  let localPrinter: LocalPrinter | null = null;
  const printerOfKiosk = (): LocalPrinter | null => {
    const uri = settings.get().localPrinter;
    if (uri === null) return null;
    if (localPrinter?.uri !== uri) localPrinter = new LocalPrinter(uri);
    return localPrinter;
  };
  // Main talks to its hub through Chromium's network stack, so the pinned certificate guards
  // those requests too (Node's own fetch would refuse the hub's own certificate, or trust
  // any certificate a CA signed).
  const hubFetch: FetchLike = (url, init) => net.fetch(url, init);
  // Reports the cabled printer's health to the hub (it does nothing while there is none).
  const stopReporter = startPrinterStatusReporter(settings, printerOfKiosk, hubFetch, { log });
  app.on('will-quit', stopReporter);
  registerIpc({
    settings,
    appVersion: () => app.getVersion(),
    onPaired: open,
    localPrinter: printerOfKiosk,
    onKioskExit: () => kioskLock?.unlock(),
    certificates,
    fetch: hubFetch,
  });

  let hub: HubSupervisor | null = null;
  const initial = settings.get();
  if (initial.hostsHub) {
    // This terminal's own window talks to its hub over loopback whatever the LAN address is;
    // the hub listens on the LAN too, so it serves HTTPS, with the certificate pinned below.
    settings.update({ hubUrl: `https://127.0.0.1:${initial.hubPort}` });
    hub = new HubSupervisor({
      entry: opts.hubEntry ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'hub-host.js'),
      dataDir: initial.dataDir,
      port: initial.hubPort,
      host: '0.0.0.0',
      log,
    });
    const supervisor = hub;
    let stopped = false;
    app.on('will-quit', (event) => {
      if (stopped) return;
      event.preventDefault(); // let the hub close its database first
      void supervisor.stop().finally(() => {
        stopped = true;
        app.quit();
      });
    });
    try {
      await supervisor.start();
      // The hub made (or reused) its certificate before listening: pin it, as pairing would.
      const own = readOwnFingerprint(initial.dataDir);
      if (own) settings.update({ hubFingerprint: own });
    } catch (err) {
      // Open the window anyway: it retries the page until the restarted hub answers.
      log(err instanceof Error ? err.message : String(err));
    }
  }

  open(settings.get());
  return { window: () => win, kioskLock: () => kioskLock, hub };
}

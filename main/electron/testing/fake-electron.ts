// A stand-in for the 'electron' module in tests (no Electron binary exists on CI machines):
//   vi.mock('electron', () => import('./testing/fake-electron.js'))
// It records what the shell asks of Electron so tests can assert on it and fire events.
// Call resetFakeElectron() in beforeEach.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

export const state = {
  lockGranted: true,
  userData: '/tmp/atrium-fake-userdata',
  packaged: false,
  windows: [] as FakeBrowserWindow[],
  forks: [] as FakeUtilityProcess[],
  ipcHandlers: new Map<string, Handler>(),
  exposed: new Map<string, unknown>(),
  /** Ids of the power-save blockers currently started. */
  blockers: new Set<number>(),
  applicationMenu: undefined as unknown,
  /** The certificate an https host presents to net.fetch (null: plain HTTP, nothing to check). */
  presentedCertificate: null as string | null,
  /** What a host answers net.fetch once its certificate passed. */
  hubAnswer: (async () => ({ status: 404, text: async () => '' })) as (url: string, init?: { body?: string }) => Promise<{ status: number; text(): Promise<string> }>,
};

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: Handler | null = null;
  readonly forcefullyCrashRenderer = vi.fn();
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a cancellable event as Electron does; returns whether it was prevented. */
  fire(name: string, details: Record<string, unknown> = {}, ...rest: unknown[]): boolean {
    let prevented = false;
    const event = { ...details, preventDefault: () => void (prevented = true) };
    this.emit(name, event, ...rest);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows(): FakeBrowserWindow[] {
    return state.windows.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly show = vi.fn();
  readonly setMenu = vi.fn();
  readonly setKiosk = vi.fn((on: boolean) => void (this.options.kiosk = on));
  readonly setFullScreen = vi.fn((on: boolean) => void (this.options.fullscreen = on));
  minimized = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    state.windows.push(this);
    // Electron emits web-contents-created for every new web contents.
    app.emit('web-contents-created', {}, this.webContents);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = 4242;
  readonly postMessage = vi.fn();
  readonly kill = vi.fn(() => true);
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: unknown,
  ) {
    super();
  }
  /** Simulates the child dying. */
  die(code = 1): void {
    this.pid = undefined;
    this.emit('exit', code);
  }
}

class FakeApp extends EventEmitter {
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => state.lockGranted);
  readonly whenReady = vi.fn(async () => undefined);
  readonly getPath = vi.fn((_name: string) => state.userData);
  readonly getVersion = vi.fn(() => '0.1.0-test');
  readonly setLoginItemSettings = vi.fn();
  get isPackaged(): boolean {
    return state.packaged;
  }
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;

export const session = {
  defaultSession: {
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    /** The certificate check the shell installed; tests call it as Chromium would. */
    setCertificateVerifyProc: vi.fn(),
  },
};

/** Asks the installed certificate check about `hostname` presenting `pem`; answers its code. */
export function verifyCertificate(hostname: string, pem: string): number {
  const calls = session.defaultSession.setCertificateVerifyProc.mock.calls;
  const proc = calls.at(-1)?.[0] as ((request: unknown, callback: (code: number) => void) => void) | undefined;
  if (!proc) throw new Error('no certificate verify proc installed');
  let answer: number | null = null;
  proc({ hostname, certificate: { data: pem }, verificationResult: 'net::ERR_CERT_AUTHORITY_INVALID', errorCode: -202 }, (code) => (answer = code));
  if (answer === null) throw new Error('the verify proc did not answer');
  return answer;
}

/** Chromium's network stack: an https request is refused when the session's check rejects the certificate. */
export const net = {
  fetch: vi.fn(async (url: string, init?: { body?: string }) => {
    if (new URL(url).protocol === 'https:' && state.presentedCertificate !== null) {
      if (verifyCertificate(new URL(url).hostname, state.presentedCertificate) !== 0) throw new TypeError('net::ERR_CERT_INVALID');
    }
    return state.hubAnswer(url, init);
  }),
};

export const utilityProcess = {
  fork: vi.fn((modulePath: string, args: string[] = [], options?: unknown) => {
    const child = new FakeUtilityProcess(modulePath, args, options);
    state.forks.push(child);
    return child;
  }),
};

let nextBlocker = 1;
export const powerSaveBlocker = {
  start: vi.fn((_type: string) => {
    const id = nextBlocker++;
    state.blockers.add(id);
    return id;
  }),
  stop: vi.fn((id: number) => void state.blockers.delete(id)),
  isStarted: vi.fn((id: number) => state.blockers.has(id)),
};

export const Menu = {
  setApplicationMenu: vi.fn((menu: unknown) => void (state.applicationMenu = menu)),
};

export const ipcMain = {
  handle: vi.fn((channel: string, handler: Handler) => {
    state.ipcHandlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => state.ipcHandlers.delete(channel)),
};

export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    state.exposed.set(key, api);
  }),
};

export const ipcRenderer = {
  invoke: vi.fn(async (_channel: string, ..._args: unknown[]) => undefined as unknown),
  send: vi.fn(),
  on: vi.fn(),
};

export function resetFakeElectron(): void {
  state.lockGranted = true;
  state.packaged = false;
  state.windows.length = 0;
  state.forks.length = 0;
  state.ipcHandlers.clear();
  state.exposed.clear();
  state.blockers.clear();
  state.applicationMenu = undefined;
  state.presentedCertificate = null;
  state.hubAnswer = async () => ({ status: 404, text: async () => '' });
  app.removeAllListeners();
  vi.clearAllMocks();
}

export default { app, BrowserWindow, session, net, utilityProcess, ipcMain, contextBridge, ipcRenderer, powerSaveBlocker, Menu };

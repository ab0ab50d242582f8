import { beforeEach, describe, expect, it, vi } from 'vitest';

// No Electron here: both 'electron' and 'electron-store' (which needs a running Electron)
// are replaced; everything else in the shell is the real code.
const disk = vi.hoisted(() => ({ data: {} as Record<string, unknown> }));
vi.mock('electron-store', () => ({
  default: class {
    constructor(opts: { defaults: Record<string, unknown> }) {
      disk.data = { ...opts.defaults, ...disk.data };
    }
    get store() {
      return disk.data;
    }
    set(value: Record<string, unknown>) {
      disk.data = { ...value };
    }
  },
}));
vi.mock('electron', () => import('./testing/fake-electron.js'));
const fake = await import('./testing/fake-electron.js');
const { loadHubTls } = await import('../hub/tls/index.js');
const { tempDir } = await import('../../tests/support/hub.js');
const { runApp } = await import('./boot.js');

const quiet = { argv: [] as string[], hubEntry: '/app/hub-host.js', window: { preload: '/app/preload.js' }, log: () => undefined };
const hubPage = (url: string) => ({ senderFrame: { url, parent: null } });

describe('shell start-up', () => {
  beforeEach(() => {
    fake.resetFakeElectron();
    disk.data = {};
  });

  it('a second instance quits at once, opening nothing and forking nothing', async () => {
    fake.state.lockGranted = false;
    disk.data = { hostsHub: true };
    expect(await runApp(quiet)).toBeNull();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('the first instance focuses its window when a second one starts', async () => {
    disk.data = { role: 'counter', deviceToken: 't' };
    await runApp(quiet);
    fake.state.windows[0]!.minimized = true;
    fake.app.emit('second-instance');
    expect(fake.state.windows[0]!.restore).toHaveBeenCalled();
    expect(fake.state.windows[0]!.focus).toHaveBeenCalled();
  });

  it('a terminal that does not host the hub forks nothing and loads its role from the stored hub', async () => {
    disk.data = { role: 'manager', deviceToken: 't', hubUrl: 'http://10.0.0.5:4180' };
    await runApp(quiet);
    expect(fake.utilityProcess.fork).not.toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(1);
    expect(fake.state.windows[0]!.loadURL).toHaveBeenCalledWith('http://10.0.0.5:4180/manager');
  });

  it('a hub-hosting terminal forks the hub and opens its window only once the hub listens', async () => {
    disk.data = { role: 'kiosk', deviceToken: 't', hostsHub: true, hubPort: 4190, dataDir: '/var/atrium' };
    const running = runApp(quiet);
    await vi.waitFor(() => expect(fake.state.forks).toHaveLength(1));
    const child = fake.state.forks[0]!;
    expect(child.modulePath).toBe('/app/hub-host.js');
    expect(child.args).toEqual(expect.arrayContaining(['--data', '/var/atrium', '--port', '4190']));
    expect(fake.state.windows).toHaveLength(0);
    child.emit('message', { type: 'listening', url: 'http://0.0.0.0:4190' });
    await running;
    expect(fake.state.windows[0]!.loadURL).toHaveBeenCalledWith('https://127.0.0.1:4190/kiosk');
  });

  it("a hub-hosting terminal pins its own hub's certificate and refuses any other for it", async () => {
    const dataDir = tempDir();
    const own = await loadHubTls(dataDir, undefined, () => ({ dns: ['localhost'], ips: ['127.0.0.1'] }));
    const other = await loadHubTls(tempDir(), undefined, () => ({ dns: ['localhost'], ips: ['127.0.0.1'] }));
    disk.data = { role: 'display', deviceToken: 't', hostsHub: true, hubPort: 4190, dataDir };
    const running = runApp(quiet);
    await vi.waitFor(() => expect(fake.state.forks).toHaveLength(1));
    fake.state.forks[0]!.emit('message', { type: 'listening', url: 'https://0.0.0.0:4190' });
    await running;
    expect(disk.data).toMatchObject({ hubUrl: 'https://127.0.0.1:4190', hubFingerprint: own.fingerprint });
    expect(fake.verifyCertificate('127.0.0.1', own.cert)).toBe(0);
    expect(fake.verifyCertificate('127.0.0.1', other.cert)).toBe(-2);
  });

  it('pairs with an https hub only when the code names the certificate it presented, then pins it', async () => {
    const hubCert = await loadHubTls(tempDir(), undefined, () => ({ dns: ['localhost'], ips: ['10.9.9.9'] }));
    const rogue = await loadHubTls(tempDir(), undefined, () => ({ dns: ['localhost'], ips: ['10.9.9.9'] }));
    await runApp({ ...quiet, argv: ['--hub-url=https://10.9.9.9:4180'] });
    const setPairing = fake.state.ipcHandlers.get('settings:set-pairing')!;
    const page = hubPage('https://10.9.9.9:4180/pair');
    fake.state.hubAnswer = async () => ({ status: 200, text: async () => JSON.stringify({ token: 'tok', role: 'display', deviceId: 'd1' }) });
    const request = { pairingCode: 'ABCD2345', certFingerprint: hubCert.fingerprint };
    // Someone between the terminal and the hub presents their own certificate: the code never leaves.
    expect(fake.verifyCertificate('10.9.9.9', rogue.cert)).toBe(0);
    await expect(setPairing(page, request)).rejects.toThrow(/another certificate/);
    expect(fake.net.fetch).not.toHaveBeenCalled();
    expect(disk.data.deviceToken).toBeNull();
    expect(fake.verifyCertificate('10.9.9.9', hubCert.cert)).toBe(0);
    fake.state.presentedCertificate = hubCert.cert;
    await setPairing(page, request);
    expect(fake.net.fetch).toHaveBeenCalledWith('https://10.9.9.9:4180/api/devices/pair', expect.anything());
    expect(disk.data).toMatchObject({ role: 'display', deviceToken: 'tok', hubFingerprint: hubCert.fingerprint });
    expect(fake.verifyCertificate('10.9.9.9', rogue.cert)).toBe(-2);
    expect(fake.verifyCertificate('10.9.9.9', hubCert.cert)).toBe(0);
    // After pairing, main's own requests to the hub refuse the rogue certificate.
    fake.state.presentedCertificate = rogue.cert;
    await expect(fake.net.fetch('https://10.9.9.9:4180/api/health')).rejects.toThrow(/CERT/);
  });

  it('stops the hub before quitting', async () => {
    disk.data = { hostsHub: true };
    const running = runApp(quiet);
    await vi.waitFor(() => expect(fake.state.forks).toHaveLength(1));
    const child = fake.state.forks[0]!;
    child.emit('message', { type: 'listening', url: 'http://0.0.0.0:4180' });
    await running;
    let prevented = false;
    fake.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'stop' });
    child.die(0);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
  });

  it('sets the CSP and denies permissions on the session, and hardens the window it opens', async () => {
    disk.data = { role: 'display', deviceToken: 't' };
    await runApp(quiet);
    expect(fake.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    const contents = fake.state.windows[0]!.webContents;
    expect(contents.fire('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.fire('will-navigate', { url: 'http://127.0.0.1:4180/display' })).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('first run shows the pairing page; a code its hub accepts reopens the window in the hub\'s role', async () => {
    // The hub's side of POST /api/devices/pair (the channel is tested against a real hub on its own).
    fake.state.hubAnswer = async () => ({ status: 200, text: async () => JSON.stringify({ token: 'tok', role: 'kiosk', deviceId: 'd1' }) });
    await runApp(quiet);
    const first = fake.state.windows[0]!;
    expect(first.loadURL).toHaveBeenCalledWith('http://127.0.0.1:4180/pair');
    const setPairing = fake.state.ipcHandlers.get('settings:set-pairing')!;
    await setPairing(hubPage('http://127.0.0.1:4180/pair'), { pairingCode: 'ABCD2345' });
    expect(fake.net.fetch).toHaveBeenCalledWith('http://127.0.0.1:4180/api/devices/pair', expect.objectContaining({ body: JSON.stringify({ pairingCode: 'ABCD2345' }) }));
    expect(disk.data).toMatchObject({ role: 'kiosk', deviceToken: 'tok' });
    const second = fake.state.windows[1]!;
    expect(second.loadURL).toHaveBeenCalledWith('http://127.0.0.1:4180/kiosk');
    expect(second.options).toMatchObject({ kiosk: true });
    expect(first.isDestroyed()).toBe(true);
  });

  it('a hub URL given on the command line is stored before the window opens', async () => {
    await runApp({ ...quiet, argv: ['--hub-url=http://10.9.9.9:4180'] });
    expect(disk.data.hubUrl).toBe('http://10.9.9.9:4180');
    expect(fake.state.windows[0]!.loadURL).toHaveBeenCalledWith('http://10.9.9.9:4180/pair');
  });

  it('a paired kiosk opens locked down (no menu, display kept awake, exit keys swallowed); a counter does not', async () => {
    disk.data = { role: 'kiosk', deviceToken: 't' };
    const running = await runApp(quiet);
    const win = fake.state.windows[0]!;
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(fake.state.blockers.size).toBe(1);
    expect(win.webContents.fire('before-input-event', {}, { type: 'keyDown', key: 'F4', alt: true, control: false, meta: false, shift: false })).toBe(true);
    expect(running?.kioskLock()?.locked).toBe(true);

    fake.resetFakeElectron();
    disk.data = { role: 'counter', deviceToken: 't' };
    const counter = await runApp(quiet);
    expect(counter?.kioskLock()).toBeNull();
    expect(fake.state.blockers.size).toBe(0);
    expect(fake.state.windows[0]!.webContents.fire('before-input-event', {}, { type: 'keyDown', key: 'F4', alt: true, control: false, meta: false, shift: false })).toBe(false);
  });
});

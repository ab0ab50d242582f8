import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./testing/fake-electron.js'));
const fake = await import('./testing/fake-electron.js');
const { HubSupervisor } = await import('./hub-supervisor.js');

const opts = { entry: '/app/out/main/electron/hub-host.js', dataDir: '/data/hub', port: 4180, host: '0.0.0.0', log: () => undefined };

describe('HubSupervisor', () => {
  beforeEach(() => {
    fake.resetFakeElectron();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('forks hub-host in a utility process with the data dir and port, and waits for listening', async () => {
    const ready = new HubSupervisor(opts).start();
    expect(fake.utilityProcess.fork).toHaveBeenCalledTimes(1);
    const child = fake.state.forks[0]!;
    expect(child.modulePath).toBe(opts.entry);
    expect(child.args).toEqual(['--data', '/data/hub', '--port', '4180', '--host', '0.0.0.0']);
    let settled = false;
    void ready.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false); // not before the hub says so
    child.emit('message', { type: 'listening', url: 'http://0.0.0.0:4180' });
    await expect(ready).resolves.toBe('http://0.0.0.0:4180');
  });

  it('forks it again when it dies, with back-off', async () => {
    const supervisor = new HubSupervisor({ ...opts, restartDelayMs: (n) => n * 100 });
    void supervisor.start();
    fake.state.forks[0]!.die(1);
    vi.advanceTimersByTime(99);
    expect(fake.state.forks).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(fake.state.forks).toHaveLength(2);
    fake.state.forks[1]!.die(1);
    vi.advanceTimersByTime(199);
    expect(fake.state.forks).toHaveLength(2); // second failure in a row waits longer
    vi.advanceTimersByTime(1);
    expect(fake.state.forks).toHaveLength(3);
    expect(fake.state.forks[2]!.args).toEqual(fake.state.forks[0]!.args);
  });

  it('resolves start() when a restarted hub listens after an early crash', async () => {
    const ready = new HubSupervisor({ ...opts, restartDelayMs: () => 10 }).start();
    fake.state.forks[0]!.die(1);
    vi.advanceTimersByTime(10);
    fake.state.forks[1]!.emit('message', { type: 'listening', url: 'http://x:4180' });
    await expect(ready).resolves.toBe('http://x:4180');
  });

  it('rejects start() when the hub never listens', async () => {
    const ready = new HubSupervisor({ ...opts, readyTimeoutMs: 500 }).start();
    const check = expect(ready).rejects.toThrow(/did not start listening/);
    vi.advanceTimersByTime(500);
    await check;
  });

  it('asks the hub to stop and does not restart it after', async () => {
    const supervisor = new HubSupervisor({ ...opts, restartDelayMs: () => 10 });
    void supervisor.start();
    const child = fake.state.forks[0]!;
    const stopped = supervisor.stop();
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'stop' });
    child.die(0);
    await stopped;
    vi.advanceTimersByTime(1000);
    expect(fake.state.forks).toHaveLength(1);
    expect(child.kill).not.toHaveBeenCalled();
  });

  it('kills a hub that does not stop within the grace time', async () => {
    const supervisor = new HubSupervisor(opts);
    void supervisor.start();
    const stopped = supervisor.stop(200);
    vi.advanceTimersByTime(200);
    await stopped;
    expect(fake.state.forks[0]!.kill).toHaveBeenCalled();
  });
});

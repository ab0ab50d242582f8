import { describe, expect, it, vi } from 'vitest';
import { parseHubHostArgs, runHubHost, type ParentPortLike, type StartHub } from './hub-host.js';

function parent() {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  const port: ParentPortLike & { sent: unknown[]; send(data: unknown): void } = {
    sent: [],
    postMessage: (m) => void port.sent.push(m),
    on: (_e, l) => listeners.push(l),
    send: (data) => listeners.forEach((l) => l({ data })),
  };
  return port;
}

describe('hub-host', () => {
  it('finds its flags wherever Electron put them in argv', () => {
    expect(parseHubHostArgs(['/electron', '/app/hub-host.js', '--data', '/d', '--port', '4180', '--host', '0.0.0.0'])).toEqual({
      dataDir: '/d',
      port: 4180,
      host: '0.0.0.0',
      demo: false,
    });
    expect(parseHubHostArgs(['--port', '1', '--data', '/d', '--demo'])).toMatchObject({ demo: true });
    expect(() => parseHubHostArgs(['--port', '4180'])).toThrow(/--data/);
    expect(() => parseHubHostArgs(['--data', '/d', '--port', 'x'])).toThrow(/--port/);
  });

  it('starts the hub with the parsed options and reports listening with its URL', async () => {
    const close = vi.fn(async () => undefined);
    const startHub = vi.fn<StartHub>(async () => ({ url: 'http://127.0.0.1:4180', close }));
    const port = parent();
    const exit = vi.fn();
    await runHubHost(['--data', '/d', '--port', '4180'], port, async () => startHub, exit);
    expect(startHub).toHaveBeenCalledWith({ dataDir: '/d', port: 4180, demo: false });
    expect(port.sent).toEqual([{ type: 'listening', url: 'http://127.0.0.1:4180' }]);
    port.send({ type: 'stop' });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    expect(close).toHaveBeenCalled();
  });

  it('reports a failure to start and exits non-zero', async () => {
    const port = parent();
    const exit = vi.fn();
    await runHubHost(['--data', '/d', '--port', '4180'], port, async () => async () => Promise.reject(new Error('EADDRINUSE')), exit);
    expect(port.sent).toEqual([{ type: 'failed', message: 'EADDRINUSE' }]);
    expect(exit).toHaveBeenCalledWith(1);
  });
});

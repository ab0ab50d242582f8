// One hub per data folder, shown with real processes: the lock is the kernel's, so only
// separate processes (and a SIGKILL) show that it holds and that it goes with its holder.
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/hub.js';
import { exited, runCli, startCliHub } from '../support/cli.js';

const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));

async function health(url: string): Promise<number> {
  return (await fetch(`${url}/api/health`)).status;
}

describe('one hub per data folder', () => {
  it('refuses a second hub at once, keeps the first serving, and frees the folder when the first is killed', async () => {
    const dataDir = tempDir();
    const first = await startCliHub(dataDir, ['--demo'], children);
    expect(await health(first.url)).toBe(200);

    // Were the lock missing, this hub would serve too: killed after 10 s, it fails the test.
    const second = await runCli(['hub', '--data', dataDir, '--port', '0'], { timeout: 10_000, killSignal: 'SIGKILL' });
    expect(second.status).not.toBe(0);
    expect(second.status).not.toBeNull();
    expect(second.ms).toBeLessThan(10_000);
    expect(second.stdout).not.toContain('listening');
    // One plain sentence naming the folder: no stack trace.
    expect(second.stderr.trim()).toBe(`Another Atrium hub is already running on the data folder ${dataDir}; stop it first, or give this one its own folder with --data.`);
    expect(await health(first.url)).toBe(200);

    // verify reads the ledger beside the running hub.
    const verify = await runCli(['verify', '--data', dataDir]);
    expect(verify.status, verify.stderr).toBe(0);

    first.child.kill('SIGKILL');
    await exited(first.child);
    const third = await startCliHub(dataDir, [], children);
    expect(await health(third.url)).toBe(200);
  }, 40_000);
});

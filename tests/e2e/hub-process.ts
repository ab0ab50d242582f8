// Starting and stopping a real hub for the e2e: `node --import tsx main/cli.ts hub …`,
// ready when it prints `listening on http://…` (or https:// with --tls). With `demo: false`
// the hub starts as a real branch's first start does, and the setup code it prints is read.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHub {
  url: string;
  process: ChildProcess;
  dataDir: string;
  /** The `setup code: …` the hub printed (a hub started without --demo); null for a demo hub. */
  setupCode: string | null;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startHub(repoRoot: string, timeoutMs = 30_000, extraArgs: string[] = [], { demo = true }: { demo?: boolean } = {}): Promise<RunningHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-e2e-'));
  const port = await freePort();
  const args = ['--import', 'tsx', 'main/cli.ts', 'hub', '--data', join(dataDir, 'data'), '--port', String(port), ...(demo ? ['--demo'] : []), ...extraArgs];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (https?:\/\/\S+)/.exec(output);
      // A hub without --demo prints its setup code right after its address.
      if (m?.[1] && (demo || /setup code: \S+\r?\n/.test(output))) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} before it was ready:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const setupCode = /setup code: (\S+)\r?\n/.exec(output)?.[1] ?? null;
  return { url, process: child, dataDir, setupCode, stop };
}

/** One JSON request to a hub started here: the status and the parsed body (null when empty). */
export async function requestHub<T = any>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

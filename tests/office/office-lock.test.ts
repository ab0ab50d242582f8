// One head office per data folder, with real processes: a second `atrium office` on a running
// office's folder refuses in one sentence, exits 1 and changes nothing there; the first keeps
// answering; the lock goes with its process (stopped, or killed with SIGKILL).
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, exited, runCli } from '../support/cli.js';
import { tempDir } from '../support/hub.js';
import { api } from './support.js';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function startCliOffice(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', 'office', '--data', dataDir, '--port', '0', '--demo'], { cwd: ROOT });
  children.push(child);
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`office exited ${code}: ${out}`)));
  });
}

/** Every file under `dir` with its size, time and content hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        out[path.relative(dir, p)] = `${st.size} ${st.mtimeMs} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
      }
    }
  };
  walk(dir);
  return out;
}

describe('the office folder lock', () => {
  it('refuses a second office on the same folder with one sentence and changes nothing', async () => {
    const dir = tempDir('atrium-office-lock-');
    const first = await startCliOffice(dir);
    const admin = (await api(first.url, 'POST', '/api/auth/login', { body: { staffId: 'hq-admin', pin: '000000' } })).body.token;
    const made = await api(first.url, 'POST', '/api/office/branches', { token: admin, body: { name: 'Kept' } });
    expect(made.status).toBe(200);
    const before = snapshot(dir);

    const second = await runCli(['office', '--data', dir, '--port', '0', '--demo']);
    expect(second.status).toBe(1);
    expect(second.stderr.trim()).toBe(`the head office cannot start: Another Atrium head office is already running on the data folder ${dir}; stop it first, or give this one its own folder with --data.`);
    expect(second.stdout).not.toMatch(/listening/);
    // Not one file added, removed or touched by the refused one (the first is idle meanwhile).
    expect(snapshot(dir)).toEqual(before);
    const list = await api(first.url, 'GET', '/api/office/branches', { token: admin });
    expect(list.body.branches.map((b: { branchId: string }) => b.branchId)).toEqual([made.body.branchId]);

    // Stopped cleanly, the folder is free; killed with SIGKILL, too (the kernel drops the lock).
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    const third = await startCliOffice(dir);
    third.child.kill('SIGKILL');
    await exited(third.child);
    const fourth = await startCliOffice(dir);
    const again = (await api(fourth.url, 'POST', '/api/auth/login', { body: { staffId: 'hq-admin', pin: '000000' } })).body.token;
    expect((await api(fourth.url, 'GET', '/api/office/branches', { token: again })).body.branches).toHaveLength(1);
    fourth.child.kill('SIGTERM');
    expect(await exited(fourth.child)).toBe(0);
  }, 180_000);
});

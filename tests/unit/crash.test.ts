// A hub killed with SIGKILL right after answering loses nothing: the next number follows on,
// and `atrium verify` finds the ledger sound; an edited event row makes it fail and name it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/hub.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));

function startCli(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', 'hub', '--data', dataDir, '--port', '0', '--demo'], { cwd: ROOT });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`hub exited ${code}: ${out}`)));
  });
}

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function manager(url: string): Promise<string> {
  return (await post(`${url}/api/auth/login`, { staffId: 'manager', pin: '000000' })).body.token;
}

function verify(dataDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'main/cli.ts', 'verify', '--data', dataDir], { cwd: ROOT, encoding: 'utf8' });
}

describe('crash safety', () => {
  it('loses nothing to a SIGKILL right after an answer', async () => {
    const dataDir = tempDir();
    const first = await startCli(dataDir);
    const token = await manager(first.url);
    const a1 = await post(`${first.url}/api/tickets`, { service: 'cash' }, token);
    expect(a1.body.ticket.number).toBe('A001');
    const a2 = await post(`${first.url}/api/tickets`, { service: 'cash' }, token);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startCli(dataDir);
    const token2 = await manager(second.url);
    const again = await fetch(`${second.url}/api/tickets/${a2.body.ticket.id}`, { headers: { authorization: `Bearer ${token2}` } });
    expect(((await again.json()) as any).ticket).toMatchObject({ number: 'A002', status: 'waiting' });
    const a3 = await post(`${second.url}/api/tickets`, { service: 'cash' }, token2);
    expect(a3.body.ticket.number).toBe('A003');
    second.child.kill('SIGTERM');
    expect(await new Promise((r) => second.child.once('exit', r))).toBe(0);
    expect(verify(dataDir).status).toBe(0);
    // Two real hub processes started one after the other: slow on a loaded CI machine.
  }, 90_000);

  it('verify names an event row edited behind its back', async () => {
    const dataDir = tempDir();
    const hub = await startCli(dataDir);
    const token = await manager(hub.url);
    await post(`${hub.url}/api/tickets`, { service: 'cash' }, token);
    hub.child.kill('SIGTERM');
    await new Promise((r) => hub.child.once('exit', r));
    const sound = verify(dataDir);
    expect(sound.status, sound.stderr).toBe(0);

    // Edited the way someone with a shell would: the sqlite3 command on the live file.
    const dbFile = path.join(dataDir, 'atrium.db');
    const seq = spawnSync('sqlite3', [dbFile, "SELECT seq FROM events WHERE type = 'ticket.issued'"], { encoding: 'utf8' }).stdout.trim();
    const edit = spawnSync('sqlite3', [dbFile, `UPDATE events SET data = replace(data, '"normal"', '"vip"') WHERE seq = ${seq}`], { encoding: 'utf8' });
    expect(edit.status, edit.stderr).toBe(0);
    const row = { seq: Number(seq) };
    const tampered = verify(dataDir);
    expect(tampered.status).not.toBe(0);
    expect(tampered.stderr).toContain(String(row.seq));
  });
});

// Backups taken while the branch works: a real hub process issuing tickets over HTTP, the
// backup run as another process mid-way, then restored and verified; and every refusal of
// restore, each with its one sentence.
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/hub.js';
import { runCli, startCliHub } from '../support/cli.js';
import { openLedger } from '../../main/hub/ledger/ledger.js';
import { twoDays } from '../../main/hub/ledger/testing.js';
import { backupDataFolder } from '../../main/hub/storage/backup.js';
import { restoreDataFolder } from '../../main/hub/storage/restore.js';

const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));

const SECRET = 'customer-key-secret-3f9a1c';
const modeOf = (file: string) => statSync(file).mode & 0o777;

/** The files other parts of the hub keep beside the ledger, as they would lie on a branch's disk. */
function addKeyFiles(dataDir: string): Database.Database {
  mkdirSync(path.join(dataDir, 'tls'), { recursive: true });
  writeFileSync(path.join(dataDir, 'tls', 'key.pem'), '-----BEGIN PRIVATE KEY-----\nkey\n', { mode: 0o600 });
  writeFileSync(path.join(dataDir, 'tls', 'cert.pem'), '-----BEGIN CERTIFICATE-----\ncert\n', { mode: 0o644 });
  writeFileSync(path.join(dataDir, 'customer-key.secret'), SECRET, { mode: 0o600 });
  // A key store that is itself a SQLite database, left open with its latest row still in the WAL.
  const keys = new Database(path.join(dataDir, 'keys.db'));
  keys.pragma('journal_mode = WAL');
  keys.exec('CREATE TABLE keys (id TEXT PRIMARY KEY, key BLOB)');
  keys.pragma('wal_checkpoint(TRUNCATE)');
  keys.prepare('INSERT INTO keys VALUES (?, ?)').run('k1', Buffer.from('personal-data-key'));
  return keys;
}

/** Every regular file of a data folder but the ledger, the lock and SQLite's side files. */
function plainFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((n) => !/^(atrium\.db|hub\.lock)/.test(n) && !/-(wal|shm|journal)$/.test(n));
}

async function post(url: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('backup and restore', () => {
  it('a backup taken while tickets are issued restores to a ledger that verifies and holds the last answered ticket', async () => {
    const dataDir = tempDir();
    const hub = await startCliHub(dataDir, ['--demo'], children);
    const keys = addKeyFiles(dataDir);
    const token = (await post(`${hub.url}/api/auth/login`, { staffId: 'manager', pin: '000000' })).body.token as string;

    const answered: { id: string; number: string; at: number }[] = [];
    let stop = false;
    const issuing = (async () => {
      while (!stop) {
        const res = await post(`${hub.url}/api/tickets`, { service: answered.length % 2 ? 'noncash' : 'cash' }, token);
        expect(res.status).toBe(200);
        answered.push({ id: res.body.ticket.id, number: res.body.ticket.number, at: performance.now() });
        // A busy branch, not a flood: the machine's two cores are shared with the backup.
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    while (answered.length < 15) await new Promise((r) => setTimeout(r, 10));

    const backupFile = path.join(tempDir(), 'atrium-backup.db');
    const lastBefore = answered.at(-1)!;
    const backupStarted = performance.now();
    const backup = await runCli(['backup', '--data', dataDir, '--to', backupFile]);
    const duringBackup = answered.filter((t) => t.at > backupStarted).length;
    stop = true;
    await issuing;
    keys.close();
    expect(backup.status, backup.stderr).toBe(0);
    // At least the four above: the hub may keep files of its own there too.
    expect(Number(/backup written to .*: \d+ events, (\d+) other files/.exec(backup.stdout)?.[1])).toBeGreaterThanOrEqual(4);
    // The hub kept answering while the backup ran.
    expect(duringBackup).toBeGreaterThan(0);
    expect(modeOf(backupFile)).toBe(0o600);

    // The running hub's folder is refused: a hub holds it.
    const onRunning = await runCli(['restore', '--from', backupFile, '--data', dataDir]);
    expect(onRunning.status).not.toBe(0);
    expect(onRunning.stderr.trim()).toBe(`A hub is running on ${dataDir}: stop it, and restore into a new or empty folder.`);

    const restoredDir = path.join(tempDir(), 'restored');
    const restore = await runCli(['restore', '--from', backupFile, '--data', restoredDir]);
    expect(restore.status, restore.stderr).toBe(0);
    const verify = await runCli(['verify', '--data', restoredDir]);
    expect(verify.status, verify.stderr).toBe(0);

    const db = new Database(path.join(restoredDir, 'atrium.db'), { readonly: true });
    const restoredTickets = new Set((db.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((r) => r.id));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    db.close();
    expect(restoredTickets.has(lastBefore.id)).toBe(true);
    for (const t of answered.filter((a) => a.at <= backupStarted)) expect(restoredTickets.has(t.id)).toBe(true);
    expect(restoredTickets.size).toBeLessThanOrEqual(answered.length);

    // Every other file came back with its bytes and its mode; the keys are not left in the ledger.
    expect(readFileSync(path.join(restoredDir, 'customer-key.secret'), 'utf8')).toBe(SECRET);
    expect(modeOf(path.join(restoredDir, 'customer-key.secret'))).toBe(0o600);
    expect(modeOf(path.join(restoredDir, 'tls', 'key.pem'))).toBe(0o600);
    expect(modeOf(path.join(restoredDir, 'tls', 'cert.pem'))).toBe(0o644);
    expect(readFileSync(path.join(restoredDir, 'tls', 'cert.pem'), 'utf8')).toContain('CERTIFICATE');
    const restoredKeys = new Database(path.join(restoredDir, 'keys.db'), { readonly: true });
    expect((restoredKeys.prepare('SELECT key FROM keys WHERE id = ?').get('k1') as { key: Buffer }).key.toString()).toBe('personal-data-key');
    restoredKeys.close();
    expect(tables.filter((t) => t.startsWith('atrium_backup'))).toEqual([]);
    expect(readFileSync(path.join(restoredDir, 'atrium.db')).includes(SECRET)).toBe(false);
    // Whatever else the hub keeps in its folder came back too, byte for byte, mode for mode.
    for (const name of plainFiles(dataDir)) {
      if (name === 'keys.db') continue;
      expect(readFileSync(path.join(restoredDir, name)).equals(readFileSync(path.join(dataDir, name))), name).toBe(true);
      expect(modeOf(path.join(restoredDir, name)), name).toBe(modeOf(path.join(dataDir, name)));
    }

    // The restored folder runs a hub, whose next number follows on.
    const again = await startCliHub(restoredDir, [], children);
    const t2 = (await post(`${again.url}/api/auth/login`, { staffId: 'manager', pin: '000000' })).body.token as string;
    const next = await post(`${again.url}/api/tickets`, { service: 'cash' }, t2);
    expect(next.status).toBe(200);
  }, 60_000);
});

describe('restore refuses', () => {
  async function aBackup(): Promise<string> {
    const dir = tempDir();
    const ledger = openLedger(dir);
    twoDays(ledger);
    ledger.close();
    const file = path.join(tempDir(), 'b.db');
    await backupDataFolder(dir, file);
    return file;
  }

  it('a copy whose ledger does not verify, and writes nothing', async () => {
    const file = await aBackup();
    const edited = new Database(file);
    edited.exec(`UPDATE events SET data = replace(data, 'withdrawal', 'deposit') WHERE type = 'ticket.finished'`);
    edited.close();
    const target = path.join(tempDir(), 'r');
    expect(() => restoreDataFolder(file, target)).toThrow(/does not verify \(event \d+.*\); nothing was restored/);
    expect(existsSync(target)).toBe(false);
  });

  it('a folder that is not empty', async () => {
    const file = await aBackup();
    const target = tempDir();
    writeFileSync(path.join(target, 'notes.txt'), 'mine');
    expect(() => restoreDataFolder(file, target)).toThrow(`${target} is not empty: restore into a new or empty folder, so nothing there is overwritten.`);
    expect(readdirSync(target)).toEqual(['notes.txt']);
  });

  it('a file that is not a backup, or is damaged', async () => {
    const dir = tempDir();
    openLedger(dir).close();
    expect(() => restoreDataFolder(path.join(dir, 'atrium.db'), path.join(tempDir(), 'r'))).toThrow(/is not an Atrium backup/);
    const garbage = path.join(tempDir(), 'g.db');
    const file = await aBackup();
    copyFileSync(file, garbage);
    writeFileSync(garbage, readFileSync(garbage).subarray(0, 8192));
    expect(() => restoreDataFolder(garbage, path.join(tempDir(), 'r'))).toThrow(/damaged|not an Atrium backup|does not verify/);
  });

  it('backup refuses to overwrite a file or to write inside the data folder', async () => {
    const file = await aBackup();
    const dir = tempDir();
    openLedger(dir).close();
    await expect(backupDataFolder(dir, file)).rejects.toThrow(/already exists/);
    await expect(backupDataFolder(dir, path.join(dir, 'inside.db'))).rejects.toThrow(/must not go inside the data folder/);
  });
});

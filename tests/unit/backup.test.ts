// Backups taken while the branch works: a real hub process issuing tickets over HTTP, the
// backup run as another process mid-way, then restored and verified; every refusal of
// restore, each with its one sentence; and both commands stopped midway (a pause the test
// asks for, then SIGKILL), to see what a crash leaves on the disk.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/hub.js';
import { exited, ROOT, runCli, startCliHub } from '../support/cli.js';

import { twoDays } from '../../main/hub/ledger/testing.js';
import { backupDataFolder } from '../../main/hub/storage/backup.js';
import { restoreDataFolder } from '../../main/hub/storage/restore.js';
import { openHubLedger } from '../../main/hub/projectors.js';

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
    // Whatever the backup recorded, nothing comes back readable by the group or others.
    expect(modeOf(path.join(restoredDir, 'tls', 'cert.pem'))).toBe(0o600);
    expect(modeOf(path.join(restoredDir, 'tls'))).toBe(0o700);
    expect(readFileSync(path.join(restoredDir, 'tls', 'cert.pem'), 'utf8')).toContain('CERTIFICATE');
    const restoredKeys = new Database(path.join(restoredDir, 'keys.db'), { readonly: true });
    expect((restoredKeys.prepare('SELECT key FROM keys WHERE id = ?').get('k1') as { key: Buffer }).key.toString()).toBe('personal-data-key');
    restoredKeys.close();
    expect(tables.filter((t) => t.startsWith('atrium_backup'))).toEqual([]);
    expect(readFileSync(path.join(restoredDir, 'atrium.db')).includes(SECRET)).toBe(false);
    // Whatever else the hub keeps in its folder came back too, byte for byte, its owner's bits kept.
    for (const name of plainFiles(dataDir)) {
      // SQLite files (keys.db above, the hub's own key store) come back through SQLite's
      // online backup: the same rows, not the same bytes, and the running hub may write to
      // them after the copy.
      if (readFileSync(path.join(dataDir, name)).subarray(0, 16).toString('latin1') === 'SQLite format 3\0') continue;
      expect(readFileSync(path.join(restoredDir, name)).equals(readFileSync(path.join(dataDir, name))), name).toBe(true);
      expect(modeOf(path.join(restoredDir, name)), name).toBe(modeOf(path.join(dataDir, name)) & 0o700);
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
    const ledger = openHubLedger(dir);
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
    expect(readdirSync(path.dirname(target)).filter((n) => n.includes('.restoring-'))).toEqual([]);
  });

  it('a file that is not a backup, or is damaged', async () => {
    const dir = tempDir();
    openHubLedger(dir).close();
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
    openHubLedger(dir).close();
    await expect(backupDataFolder(dir, file)).rejects.toThrow(/already exists/);
    await expect(backupDataFolder(dir, path.join(dir, 'inside.db'))).rejects.toThrow(/must not go inside the data folder/);
  });
});

/** The real CLI with the umask that gives most away, stopped for good at `point`; resolves once it is there. */
function runPaused(args: string[], point: string): Promise<ChildProcess> {
  const umask = process.umask(0);
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, ATRIUM_TEST_PAUSE_AT: point } });
  } finally {
    process.umask(umask);
  }
  children.push(child);
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes(`paused at ${point}`)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before ${point}: ${stderr}`)));
  });
}

async function kill(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await exited(child);
}

/** A stopped hub's folder: a ledger, a key store (SQLite, so it goes through the scratch copy), the secret and the TLS key. */
function folderWithKeys(): string {
  const dir = tempDir();
  const ledger = openHubLedger(dir);
  twoDays(ledger);
  ledger.close();
  addKeyFiles(dir).close();
  return dir;
}

/** Every file in `dir` with a bit for the group or others, with its mode; the hub's lock file holds nothing and is left out. */
function openToOthers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.name.startsWith('hub.lock'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => statSync(f).mode & 0o077 && !statSync(f).isDirectory())
    .map((f) => `${path.relative(dir, f)} 0${(statSync(f).mode & 0o777).toString(8)}`);
}

describe('backup files are private from their first byte', () => {
  it('under umask 0: the partial backup and the key store scratch copy are 0600 midway, the backup 0600 at the end', async () => {
    const dataDir = folderWithKeys();
    const outDir = tempDir();
    chmodSync(outDir, 0o755);

    const atScratch = await runPaused(['backup', '--data', dataDir, '--to', path.join(outDir, 'a.db')], 'backup:scratch-written');
    const midway = readdirSync(outDir);
    expect(midway.some((n) => n.endsWith('.scratch')), midway.join()).toBe(true);
    expect(midway.some((n) => /\.partial-\d+$/.test(n)), midway.join()).toBe(true);
    expect(openToOthers(outDir)).toEqual([]);
    await kill(atScratch);

    const atEnd = await runPaused(['backup', '--data', dataDir, '--to', path.join(outDir, 'b.db')], 'backup:files-copied');
    // The keys are in the partial file now, not yet renamed.
    expect(readdirSync(outDir).filter((n) => n.startsWith('b.db.partial-'))).toHaveLength(1);
    expect(openToOthers(outDir)).toEqual([]);
    await kill(atEnd);

    const umask = process.umask(0);
    let done: Awaited<ReturnType<typeof runCli>>;
    try {
      done = await runCli(['backup', '--data', dataDir, '--to', path.join(outDir, 'c.db')]);
    } finally {
      process.umask(umask);
    }
    expect(done.status, done.stderr).toBe(0);
    expect(modeOf(path.join(outDir, 'c.db'))).toBe(0o600);
    expect(openToOthers(outDir)).toEqual([]);
  }, 60_000);
});

describe('restore', () => {
  it('brings keys backed up 0644 back 0600, and the folders 0700', async () => {
    const dataDir = folderWithKeys();
    chmodSync(path.join(dataDir, 'tls', 'key.pem'), 0o644);
    chmodSync(path.join(dataDir, 'customer-key.secret'), 0o664);
    chmodSync(path.join(dataDir, 'tls'), 0o755);
    const file = path.join(tempDir(), 'b.db');
    await backupDataFolder(dataDir, file);
    const restored = path.join(tempDir(), 'r');
    restoreDataFolder(file, restored);
    expect(modeOf(path.join(restored, 'tls', 'key.pem'))).toBe(0o600);
    expect(modeOf(path.join(restored, 'customer-key.secret'))).toBe(0o600);
    expect(modeOf(path.join(restored, 'tls'))).toBe(0o700);
    expect(modeOf(restored)).toBe(0o700);
    expect(openToOthers(restored)).toEqual([]);
  });

  it('killed midway leaves the folder absent, and the next restore cleans up and succeeds', async () => {
    const file = path.join(tempDir(), 'b.db');
    await backupDataFolder(folderWithKeys(), file);
    const parent = tempDir();
    const target = path.join(parent, 'data');

    const child = await runPaused(['restore', '--from', file, '--data', target], 'restore:files-written');
    // The keys are written, the ledger not yet: all of it in the folder beside the target.
    const unfinished = path.join(parent, `data.restoring-${child.pid}`);
    expect(existsSync(path.join(unfinished, 'customer-key.secret'))).toBe(true);
    expect(existsSync(target)).toBe(false);
    await kill(child);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(parent).sort()).toEqual([`data.restoring-${child.pid}`]);

    // A hub on the target now starts on nothing of the half restore (and refuses nothing): the folder is simply not there.
    const again = await runCli(['restore', '--from', file, '--data', target]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`removed the unfinished restore ${unfinished}`);
    expect(readdirSync(parent)).toEqual(['data']);
    const verify = await runCli(['verify', '--data', target]);
    expect(verify.status, verify.stderr).toBe(0);
  }, 60_000);

  it('killed after verifying, just before the rename, leaves an empty target empty; the next restore replaces it', async () => {
    const file = path.join(tempDir(), 'b.db');
    await backupDataFolder(folderWithKeys(), file);
    const parent = tempDir();
    const target = path.join(parent, 'data');
    mkdirSync(target);

    const child = await runPaused(['restore', '--from', file, '--data', target], 'restore:verified');
    expect(existsSync(path.join(parent, `data.restoring-${child.pid}`, 'atrium.db'))).toBe(true);
    expect(readdirSync(target)).toEqual([]);
    await kill(child);
    expect(readdirSync(target)).toEqual([]);

    const again = await runCli(['restore', '--from', file, '--data', target]);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(parent)).toEqual(['data']);
    expect(readFileSync(path.join(target, 'customer-key.secret'), 'utf8')).toBe(SECRET);
    expect(existsSync(path.join(target, 'atrium.db'))).toBe(true);
  }, 60_000);
});

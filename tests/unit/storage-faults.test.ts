// A data folder the hub cannot use: read-only, a database of garbage bytes, a database cut
// short, a schema from a newer Atrium. The real command line, hub and verify, answers each
// with one plain sentence on stderr and a non-zero exit; never SQLite's stack trace.
import { chmodSync, mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { twoDays } from '../../main/hub/ledger/testing.js';
import { tempDir } from '../support/hub.js';
import { runCli, runCommand, type CliResult } from '../support/cli.js';
import { openHubLedger } from '../../main/hub/projectors.js';

/** A data folder holding two days of a branch, closed as a stopped hub leaves it. */
function soundFolder(): string {
  const dir = tempDir();
  const ledger = openHubLedger(dir);
  twoDays(ledger);
  ledger.close();
  return dir;
}

function expectOneSentence(result: CliResult, pattern: RegExp): void {
  expect(result.status, result.stderr).not.toBe(0);
  expect(result.status).not.toBeNull();
  expect(result.stdout).not.toContain('listening');
  const text = result.stderr.replace(/^warning: .*\n/gm, '').trim();
  expect(text.split('\n')).toHaveLength(1);
  expect(text).toMatch(pattern);
  expect(text).not.toMatch(/SqliteError|\n\s+at |node_modules/);
}

/** Both commands that open a data folder, each to its end. */
async function hubAndVerify(dir: string, options = {}): Promise<CliResult[]> {
  return [
    await runCli(['hub', '--data', dir, '--port', '0'], { timeout: 30_000, killSignal: 'SIGKILL', ...options }),
    await runCli(['verify', '--data', dir], { timeout: 30_000, killSignal: 'SIGKILL', ...options }),
  ];
}

// Two processes a case, each starting Node and tsx: generous on a busy machine.
const TWO_PROCESSES_MS = 60_000;

describe('storage faults on the command line', () => {
  it('a database of garbage bytes', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'atrium.db'), randomBytes(64 * 1024));
    for (const result of await hubAndVerify(dir)) expectOneSentence(result, new RegExp(`${dir}/atrium\\.db is damaged`));
  }, TWO_PROCESSES_MS);

  it('a database cut short', async () => {
    const dir = soundFolder();
    const file = path.join(dir, 'atrium.db');
    truncateSync(file, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    for (const result of await hubAndVerify(dir)) expectOneSentence(result, /is damaged .*restore the last backup/);
  }, TWO_PROCESSES_MS);

  it('a schema newer than this program', async () => {
    const dir = soundFolder();
    const db = new Database(path.join(dir, 'atrium.db'));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, ?, 0)').run('9999_future.sql');
    db.close();
    for (const result of await hubAndVerify(dir)) expectOneSentence(result, /written by a newer version of Atrium \(schema 9999/);
  }, TWO_PROCESSES_MS);

  it('a read-only data folder', async () => {
    const dir = soundFolder();
    let results: CliResult[];
    if (process.getuid?.() === 0) {
      // Root writes through any mode bits, so the folder is mounted read-only instead, as a
      // failing disk is remounted; the commands run inside that private mount namespace.
      const inReadOnlyMount = (args: string[]) =>
        runCommand('unshare', ['-m', 'sh', '-c', 'mount --bind -o ro "$0" "$0" && exec "$@"', dir, process.execPath, '--import', 'tsx', 'main/cli.ts', ...args], {
          timeout: 30_000,
          killSignal: 'SIGKILL',
        });
      results = [await inReadOnlyMount(['hub', '--data', dir, '--port', '0']), await inReadOnlyMount(['verify', '--data', dir])];
    } else {
      chmodSync(dir, 0o555);
      for (const name of readdirSync(dir)) chmodSync(path.join(dir, name), 0o444);
      try {
        results = await hubAndVerify(dir);
      } finally {
        chmodSync(dir, 0o755);
      }
    }
    for (const result of results) expectOneSentence(result, new RegExp(`cannot write to the data folder ${dir}: it is read-only`));
  }, TWO_PROCESSES_MS);

  it('secrets that other users could read: the hub does not start on them', async () => {
    const dir = soundFolder();
    mkdirSync(path.join(dir, 'tls'), { mode: 0o755 });
    chmodSync(path.join(dir, 'tls'), 0o755);
    writeFileSync(path.join(dir, 'tls', 'key.pem'), 'key', { mode: 0o600 });
    writeFileSync(path.join(dir, 'customer-key.secret'), `${'a'.repeat(64)}\n`);
    chmodSync(path.join(dir, 'customer-key.secret'), 0o644);
    writeFileSync(path.join(dir, 'personal-keys.db'), '');
    chmodSync(path.join(dir, 'personal-keys.db'), 0o640);
    const result = await runCli(['hub', '--data', dir, '--port', '0'], { timeout: 30_000, killSignal: 'SIGKILL' });
    expectOneSentence(
      result,
      new RegExp(`^Secrets in ${dir} are open to other users of this machine \\(tls 0755, customer-key\\.secret 0644, personal-keys\\.db 0640\\): .*chmod 700 ${dir}/tls && chmod 600 ${dir}/customer-key\\.secret && chmod 600 ${dir}/personal-keys\\.db`),
    );
    // Refused, not tightened behind the operator's back.
    expect(statSync(path.join(dir, 'customer-key.secret')).mode & 0o777).toBe(0o644);
  }, TWO_PROCESSES_MS);
});

// Two hubs that share a secret produce the same customer keys; a hub that already keyed
// customers refuses a new secret; the ledger never holds the secret itself.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/hub.js';

import { branchSecret, customerKey } from './customer-key.js';
import { setSharedSecret, showSecret } from './shared-secret.js';
import { openHubLedger } from '../projectors.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('shared customer secret', () => {
  it('makes a second branch key customers as the first does, through the command line', () => {
    const first = tempDir();
    const second = tempDir();
    const a = openHubLedger(first);
    const { secret } = showSecret(a);
    a.close();
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'main/cli.ts', 'customer-secret', ...args], { cwd: ROOT, encoding: 'utf8' });
    const shown = cli('--data', first, '--show');
    expect(shown.stdout).toContain(secret);
    const set = cli('--data', second, '--set', secret);
    expect(set.status, set.stderr).toBe(0);
    const b = openHubLedger(second);
    expect(customerKey(branchSecret(b.db), 'phone', '13800138000')).toBe(customerKey(secret, 'phone', '13800138000'));
    expect(JSON.stringify(b.readEvents())).not.toContain(secret);
    b.close();
  });

  it('refuses to change the secret once customers are keyed with it, and refuses malformed ones', () => {
    const l = openHubLedger(tempDir());
    l.db.prepare("INSERT INTO notebook (key, date, status, doc) VALUES ('k', '2026-11-25', 'active', '{}')").run();
    const before = l.lastSeq();
    expect(() => setSharedSecret(l, 'a'.repeat(64), 'it')).toThrow(/orphan/);
    expect(() => setSharedSecret(l, 'not-hex', 'it')).toThrow(/64 hexadecimal/);
    expect(l.lastSeq()).toBe(before);
    l.close();
  });
});

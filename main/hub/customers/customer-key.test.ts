import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { branchSecret, customerKey } from './customer-key.js';
import { openHubLedger } from '../projectors.js';

describe('customer keys', () => {
  it('match the same number however it is typed, and differ by kind and by secret', () => {
    const k = customerKey('s1', 'phone', '138 0013-8000');
    expect(customerKey('s1', 'phone', '+86 13800138000')).toBe(k);
    expect(customerKey('s1', 'card', '13800138000')).not.toBe(k);
    expect(customerKey('s2', 'phone', '13800138000')).not.toBe(k);
    expect(k).not.toContain('13800138000');
  });

  it('keeps one branch secret across restarts', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'atrium-key-'));
    const a = openHubLedger(dir);
    const secret = branchSecret(a.db);
    a.close();
    const b = openHubLedger(dir);
    expect(branchSecret(b.db)).toBe(secret);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    b.close();
  });
});

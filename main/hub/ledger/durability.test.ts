import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { tempDir } from './testing.js';
import { verifyLedger } from './verify.js';
import { openHubLedger } from '../projectors.js';

const FIXTURE = fileURLToPath(new URL('./durability.fixture.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the fixture, SIGKILLs it the moment it has read `killAfter` lines, returns the last seq printed. */
function appendUntilKilled(dataDir: string, killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let lines = 0;
    let lastPrinted = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (lines >= killAfter) return;
        const m = /^committed (\d+)$/.exec(line);
        if (!m) return reject(new Error(`unexpected output: ${line}`));
        lastPrinted = Number(m[1]);
        if (++lines === killAfter) child.kill('SIGKILL'); // right away, mid-append most likely
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL' && lines >= killAfter) resolve(lastPrinted);
      else reject(new Error(`the fixture ended on its own (${signal ?? _code}): ${stderr}`));
    });
  });
}

describe('durability', () => {
  it('keeps every event reported as committed when the process is killed, with the chain intact', async () => {
    const dataDir = path.join(tempDir(), 'data');
    let before = 0;
    for (const killAfter of [5, 40, 200]) {
      const printed = await appendUntilKilled(dataDir, killAfter);
      expect(printed).toBeGreaterThan(before);
      const ledger = openHubLedger(dataDir);
      try {
        const seqs = ledger.readEvents().map((e) => e.seq);
        // every printed event is there (and maybe a few committed after the last line)
        expect(seqs.length).toBeGreaterThanOrEqual(printed);
        expect(seqs.slice(0, printed)).toEqual(Array.from({ length: printed }, (_, i) => i + 1));
        // the projection write of the last committed append is there, and no other
        const last = ledger.db.prepare("SELECT value FROM settings WHERE key = 'last'").pluck().get();
        expect(Number(last)).toBe(seqs.length);
        before = seqs.length;
      } finally {
        ledger.close();
      }
      expect(verifyLedger(dataDir)).toEqual({ ok: true, events: before });
    }
  }, 60_000);
});

// `npm run bench` exits non-zero when a wait-predictor target misses, and says which: shown
// on a tiny scenario with a deliberately broken estimator (Atrium's estimate tripled), so
// the run takes seconds. The bench's own targets are in bench/predictors/targets.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..');
const out = mkdtempSync(path.join(tmpdir(), 'atrium-bench-exit-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function bench(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--only=wait-predictors', `--scenario-dir=${path.join('tests', 'fixtures', 'bench-tiny')}`, `--out=${out}`, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('npm run bench, wait predictors', () => {
  it('exits non-zero on a broken estimator and names the target it missed', () => {
    const run = bench('--estimator=broken', '--days=2');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('target missed: tiny: atrium MAE within 10% of the oracle');
    expect(run.stderr).toContain('target missed: tiny: atrium no worse than any other predictor');
    // The figures it judged are written, with the miss in the checks.
    const json = JSON.parse(readFileSync(path.join(out, 'predictors.json'), 'utf8')) as { checks: { name: string; met: boolean }[] };
    expect(json.checks.find((c) => c.name === 'tiny: atrium MAE within 10% of the oracle')?.met).toBe(false);
  }, 120_000);
});

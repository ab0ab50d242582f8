// The full bench is made of stored days (bench/predictors/day-store.ts): a day computed once
// is reused, a day whose fingerprint changed is computed again, and a run stopped by its time
// budget exits non-zero saying how many days are missing. Shown on the tiny scenario
// (tests/fixtures/bench-tiny/), as bench-exit.test.ts drives the bench.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceClosure } from '../../bench/predictors/day-store.js';
import { score, type Scored } from '../../bench/predictors/metrics.js';
import { addRow, addSums, emptySums, metricsOf } from '../../bench/predictors/score-sums.js';
import { Random } from '../../bench/sim/random.js';

const root = path.join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'atrium-bench-days-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fixture = path.join(root, 'tests', 'fixtures', 'bench-tiny', 'tiny.json');

/** A copy of the tiny scenario, changed as asked, in a folder of its own. */
function scenarioDir(name: string, change: (s: Record<string, unknown>) => void = () => {}): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const s = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown>;
  change(s);
  writeFileSync(path.join(dir, 'tiny.json'), JSON.stringify(s));
  return dir;
}

function bench(scenarios: string, days: string, ...args: string[]) {
  const out = path.join(tmp, `out-${Math.random().toString(36).slice(2)}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--only=wait-predictors', `--scenario-dir=${scenarios}`, `--out=${out}`, `--days-dir=${days}`, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const counts = /days computed (\d+), reused (\d+)/.exec(run.stdout);
  return { ...run, out, computed: counts ? Number(counts[1]) : NaN, reused: counts ? Number(counts[2]) : NaN };
}

const stored = (days: string, date: string) => JSON.parse(gunzipSync(readFileSync(path.join(days, 'tiny', `${date}.json.gz`))).toString('utf8')) as { fingerprint: string; computedAt: string; issue: { ticket: string[] } };

describe('the bench\'s stored days', () => {
  it('computes a day once and reuses it, in later runs and longer ones', () => {
    const dir = scenarioDir('reuse');
    const days = path.join(tmp, 'reuse-days');
    const first = bench(dir, days, '--days=1', '--jobs=1');
    expect(first.computed, first.stderr).toBe(1);
    expect(first.reused).toBe(0);
    const day1 = stored(days, '2024-01-30');
    expect(day1.issue.ticket.length).toBeGreaterThan(10);

    // Two days: the first is read back (its file untouched), only the second is computed, in two workers.
    const second = bench(dir, days, '--days=2', '--jobs=2');
    expect(second.computed, second.stderr).toBe(1);
    expect(second.reused).toBe(1);
    expect(stored(days, '2024-01-30').computedAt).toBe(day1.computedAt);

    const third = bench(dir, days, '--days=2');
    expect(third.computed, third.stderr).toBe(0);
    expect(third.reused).toBe(2);
    // The figures of stored days are the figures of computed ones.
    const figures = (out: string) => (JSON.parse(readFileSync(path.join(out, 'predictors.json'), 'utf8')) as { scenarios: { predictors: unknown }[] }).scenarios[0]!.predictors;
    expect(figures(third.out)).toEqual(figures(second.out));
    const json = JSON.parse(readFileSync(path.join(third.out, 'predictors.json'), 'utf8')) as { days: { computed: number; reused: number } };
    expect(json.days).toMatchObject({ computed: 0, reused: 2 });
  }, 240_000);

  it('computes a day again when its fingerprint changes, never mixing it with the old one', () => {
    const days = path.join(tmp, 'stale-days');
    const before = bench(scenarioDir('stale-a'), days, '--days=2');
    expect(before.computed, before.stderr).toBe(2);
    const old = stored(days, '2024-01-30');
    // The same scenario with more customers: every stored day is stale.
    const after = bench(scenarioDir('stale-b', (s) => (s.customersPerDay = 40)), days, '--days=2');
    expect(after.computed, after.stderr).toBe(2);
    expect(after.reused).toBe(0);
    const fresh = stored(days, '2024-01-30');
    expect(fresh.fingerprint).not.toBe(old.fingerprint);
    expect(fresh.computedAt).not.toBe(old.computedAt);
    // A day file tampered with (another fingerprint) is not trusted either.
    const file = path.join(days, 'tiny', '2024-01-31.json.gz');
    copyFileSync(path.join(tmp, 'stale-days', 'tiny', '2024-01-30.json.gz'), file);
    const again = bench(scenarioDir('stale-b', (s) => (s.customersPerDay = 40)), days, '--days=2');
    expect(again.computed, again.stderr).toBe(1);
    expect(again.reused).toBe(1);
  }, 240_000);

  it('exits non-zero, writing no figures, when its time budget leaves days missing', () => {
    const dir = scenarioDir('budget');
    const days = path.join(tmp, 'budget-days');
    const none = bench(dir, days, '--days=2', '--max-minutes=0');
    expect(none.status, none.stderr).toBe(1);
    expect(none.stderr).toContain('incomplete: 2 days missing');
    expect(existsSync(path.join(none.out, 'predictors.json'))).toBe(false);
    expect(existsSync(path.join(none.out, 'wait-predictors.json'))).toBe(false);

    expect(bench(dir, days, '--days=1').computed).toBe(1);
    const one = bench(dir, days, '--days=2', '--max-minutes=0');
    expect(one.status).toBe(1);
    expect(one.reused).toBe(1);
    expect(one.stderr).toContain('incomplete: 1 days missing');
  }, 240_000);

  it('fingerprints every source a day runs, and no report-only file', () => {
    const files = sourceClosure();
    for (const f of ['main/hub/estimate/atrium.ts', 'main/hub/estimate/spread.ts', 'main/hub/queue/dispatch.ts', 'main/common/domain.ts', 'bench/sim/world.ts', 'bench/sim/simulator.ts', 'bench/predictors/oracle.ts', 'bench/predictors/evaluate.ts', 'bench/predictors/branch-knowledge.ts', 'bench/predictors/regression.ts', 'bench/predictors/broken.ts']) {
      expect(files).toContain(f);
    }
    for (const f of ['bench/predictors/report.ts', 'bench/predictors/targets.ts', 'bench/predictors/paired.ts', 'bench/predictors/run-scenario.ts']) expect(files).not.toContain(f);
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });
});

describe('screen updates kept as sums', () => {
  it('give the figures of the rows they were made of, split over days', () => {
    const random = new Random(7);
    const rows: Scored[] = Array.from({ length: 2000 }, () => {
      const predicted = Math.round(random.exponential(8) * 10) / 10;
      return { predicted, low: Math.round(predicted * 5) / 10, high: Math.round(predicted * 17) / 10, realised: random.exponential(8) };
    });
    const a = emptySums();
    const b = emptySums();
    rows.forEach((r, i) => addRow(i < 700 ? a : b, r));
    addSums(a, b);
    const exact = score(rows);
    const summed = metricsOf(a);
    for (const k of ['n', 'meanWait', 'mae', 'rmse', 'bias', 'rase', 'within2', 'within20pct', 'under2', 'under5', 'coverage'] as const) expect(summed[k]).toBeCloseTo(exact[k], 3);
    expect(Math.abs(summed.p90AbsError - exact.p90AbsError)).toBeLessThanOrEqual(0.125);
    expect(Math.abs(summed.rangeWidthMedian - exact.rangeWidthMedian)).toBeLessThanOrEqual(0.025);
    expect(Math.abs(summed.rangeWidthP90 - exact.rangeWidthP90)).toBeLessThanOrEqual(0.025);
  });
});

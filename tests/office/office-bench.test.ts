// The office bench (bench/office.ts) judges its figures against targets and exits non-zero on
// a miss: the judgement on figures made by hand, and `npm run bench -- --only=office` itself,
// without a reachable PostgreSQL server (it says so, writes "not run" and exits 1) and, when
// ATRIUM_TEST_PG_URL names one, on three branches with an events/s target no office can meet.
// In tests/office so that CI's second pass over this folder, on its PostgreSQL server, runs that too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OFFICE_TARGETS, officeMisses, type OfficeFigures } from '../../bench/office.js';

const root = path.join(import.meta.dirname, '..', '..');
const out = mkdtempSync(path.join(tmpdir(), 'atrium-bench-office-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const PG_URL = process.env.ATRIUM_TEST_PG_URL ?? null;

function bench(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--only=office', `--out=${out}`, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, ATRIUM_BENCH_PG_URL: '' },
  });
}

const good: OfficeFigures = {
  eventsPerSecond: OFFICE_TARGETS.eventsPerSecond + 1,
  catchUpSeconds: OFFICE_TARGETS.catchUpSeconds - 1,
  dashboard: { 'GET /api/office/branches (after ingest)': { p50Ms: 20, p95Ms: OFFICE_TARGETS.dashboardP95Ms, n: 20 } },
};

describe("the office bench's targets", () => {
  it('are met by figures within them', () => {
    expect(officeMisses(good)).toEqual([]);
  });

  it('name each figure that misses', () => {
    const missed = officeMisses({
      eventsPerSecond: OFFICE_TARGETS.eventsPerSecond - 1,
      catchUpSeconds: OFFICE_TARGETS.catchUpSeconds + 0.1,
      dashboard: { ...good.dashboard, 'GET /api/office/reports/daily (during ingest)': { p50Ms: 100, p95Ms: OFFICE_TARGETS.dashboardP95Ms + 1, n: 5 } },
    });
    expect(missed).toEqual([
      `target missed: office ingest ${OFFICE_TARGETS.eventsPerSecond - 1} events/s < ${OFFICE_TARGETS.eventsPerSecond}`,
      `target missed: office catch-up after a three-day outage ${OFFICE_TARGETS.catchUpSeconds + 0.1} s > ${OFFICE_TARGETS.catchUpSeconds} s`,
      `target missed: office dashboard GET /api/office/reports/daily (during ingest) p95 ${OFFICE_TARGETS.dashboardP95Ms + 1} ms > ${OFFICE_TARGETS.dashboardP95Ms} ms`,
    ]);
    // A figure that could not be measured (NaN) is a miss, never a pass.
    expect(officeMisses({ ...good, catchUpSeconds: NaN })).toHaveLength(1);
  });
});

describe('npm run bench -- --only=office', () => {
  it('without a reachable PostgreSQL server says so, records "not run" and exits non-zero', () => {
    const run = bench('--pg=postgres://nobody:nothing@127.0.0.1:1/none');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('cannot be used');
    expect(run.stderr).toContain('not run');
    const json = JSON.parse(readFileSync(path.join(out, 'office.json'), 'utf8')) as { description: string; figures: Record<string, string> };
    expect(json.figures.result).toBe('not run');
    expect(readFileSync(path.join(out, 'summary.md'), 'utf8')).toContain('| result | not run |');
  }, 60_000);

  it.skipIf(!PG_URL)('exits non-zero and names the target when a figure misses (three branches, an impossible events/s target)', () => {
    const run = bench(`--pg=${PG_URL}`, '--branches=3', '--office-target-events=100000000');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/target missed: office ingest \d+ events\/s < 100000000/);
    const json = JSON.parse(readFileSync(path.join(out, 'office.json'), 'utf8')) as { branches: number; events: number; eventsPerSecond: number };
    expect(json.branches).toBe(3);
    expect(json.events).toBeGreaterThan(3 * 1000);
    expect(json.eventsPerSecond).toBeGreaterThan(0);
  }, 180_000);
});

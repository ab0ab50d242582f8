// Scored days stored one file each (bench/results/days/<scenario>/<date>.json.gz), so the
// full bench (about 13 hours of CPU) can be made across sessions and committed day by day.
// Each file carries the fingerprint of everything that could change the day; a file whose
// fingerprint differs is stale and is computed again, never mixed with fresh days.
//
// The fingerprint hashes:
// - the source of every module the day's computation imports, followed transitively from
//   scored-day.ts and broken.ts (so main/hub/estimate, main/hub/queue, main/common, bench/sim
//   and the predictors: whatever they import, tests and report-only files such as report.ts,
//   targets.ts, metrics.ts excluded because nothing a day runs imports them);
// - every scenario the branch calendar draws its days from (the scored one and, for a branch
//   scenario, the standard ordinary, month-end and pension days), as parsed;
// - the date, its index among the scored days, the oracle runs (in the scenario), whether the
//   hub-information oracle runs, the estimator variant, the sensitivity variant (its changed
//   scenarios are hashed as above) and the record's format.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DayKind } from '../sim/calendar.js';
import type { Scenario } from '../sim/scenario.js';
import { RECORD_FORMAT, type DayRecord } from './day-record.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
/** Where the day computation starts: its imports, followed, are the sources hashed. */
const ENTRY_MODULES = [path.join(import.meta.dirname, 'scored-day.ts'), path.join(import.meta.dirname, 'broken.ts')];

export const DAYS_DIR = path.join(import.meta.dirname, '..', 'results', 'days');

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|import\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every local module reachable from the entries by relative imports (.js resolved to .ts), repo-relative, sorted. */
export function sourceClosure(entries: readonly string[] = ENTRY_MODULES): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
      if (existsSync(target)) queue.push(target);
      else if (existsSync(`${target}.ts`)) queue.push(`${target}.ts`);
      else if (existsSync(path.join(target, 'index.ts'))) queue.push(path.join(target, 'index.ts'));
      // Otherwise a path quoted in a comment, not an import: nothing to hash.
    }
  }
  return [...seen].map((f) => path.relative(ROOT, f)).sort();
}

let sourcesHash: string | undefined;

/** One hash of every source file a day's computation runs (computed once a process). */
export function sourceHash(): string {
  if (sourcesHash === undefined) {
    const h = createHash('sha256');
    for (const rel of sourceClosure()) h.update(rel).update('\0').update(readFileSync(path.join(ROOT, rel))).update('\0');
    sourcesHash = h.digest('hex');
  }
  return sourcesHash;
}

export interface DayKey {
  scenario: string;
  /** A sensitivity variant (its world is in the calendar's scenarios; its day runs Atrium and QL-abandon alone), or null. */
  variant: string | null;
  date: string;
  index: number;
  hubOracle: boolean;
  /** Atrium as the hub makes it (`atrium`) or the exit-code test's broken one. */
  estimator: string;
}

export function dayFingerprint(key: DayKey, calendar: Record<DayKind, Scenario>, sources = sourceHash()): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ format: RECORD_FORMAT, sources, key, calendar }));
  return h.digest('hex').slice(0, 32);
}

export function dayFile(dir: string, scenario: string, date: string): string {
  return path.join(dir, scenario, `${date}.json.gz`);
}

/** The stored day if its fingerprint matches; undefined when missing or stale. */
export function readDay(file: string, fingerprint: string): DayRecord | undefined {
  if (!existsSync(file)) return undefined;
  const record = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as DayRecord;
  return record.fingerprint === fingerprint && record.format === RECORD_FORMAT ? record : undefined;
}

/** Written whole or not at all (a run stopped mid-write leaves no half day). */
export function writeDay(file: string, record: DayRecord): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, gzipSync(JSON.stringify(record), { level: 9 }));
  renameSync(tmp, file);
}

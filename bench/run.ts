// `npm run bench`: runs every benchmark, writes bench/results/<name>.json and summary.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchEstimator } from './estimator.js';
import { benchApi } from './api.js';
import { benchLoad } from './load.js';
import { benchRecords } from './records.js';
import { benchKiosk } from './kiosk.js';
import { benchVipImport } from './vip-import.js';
import { benchLoginAttack } from './login-attack.js';
import { benchPredictors } from './predictors.js';
import { benchFairCalling } from './fair-calling.js';
import type { BenchResult } from './stats.js';

// A quick run (a smoke check) writes apart, so it never replaces the committed figures of a full run.
const quick = process.argv.includes('--quick');
const flag = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
// Development runs of the predictors: `--days=N` scored days per scenario, `--scenarios=a,b`
// some scenarios, `--scenario-dir=DIR` scenarios from elsewhere (the exit-code test's tiny
// one), `--estimator=broken` a deliberately broken Atrium (that test again). Any of them is
// a partial run and writes to results/partial/ (or `--out=DIR`), never over a full run's figures.
const days = flag('days') === undefined ? undefined : Number(flag('days'));
if (days !== undefined && !(Number.isInteger(days) && days > 0)) throw new Error('--days must be a positive whole number');
const scenarios = flag('scenarios')?.split(',');
const scenarioDir = flag('scenario-dir');
const estimator = flag('estimator');
if (estimator !== undefined && estimator !== 'broken') throw new Error('--estimator can only be "broken" (for the exit-code test)');
// The full run is made of stored days (bench/results/days/, predictors/day-store.ts): only
// missing or stale days are computed, `--jobs=N` worker processes at once (default: the
// cores), and `--max-minutes=M` starts no day after M minutes (the run then reports
// "incomplete: N days missing" and exits non-zero; run it again to go on). `--days-dir=DIR`
// stores the days elsewhere.
const jobs = flag('jobs') === undefined ? undefined : Number(flag('jobs'));
if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) throw new Error('--jobs must be a positive whole number');
const maxMinutes = flag('max-minutes') === undefined ? undefined : Number(flag('max-minutes'));
if (maxMinutes !== undefined && !(Number.isFinite(maxMinutes) && maxMinutes >= 0)) throw new Error('--max-minutes must be a number of minutes');
const daysDir = flag('days-dir');
// The office bench: `--pg=URL` (or `--pg URL`, or ATRIUM_BENCH_PG_URL) names the PostgreSQL
// server; `--branches=N` fewer than the 1,000 branches (a partial run), `--senders=N` branches at once.
const pgIndex = process.argv.indexOf('--pg');
const pgUrl = flag('pg') ?? (pgIndex >= 0 ? process.argv[pgIndex + 1] : undefined);
const branches = flag('branches') === undefined ? undefined : Number(flag('branches'));
if (branches !== undefined && !(Number.isInteger(branches) && branches > 0)) throw new Error('--branches must be a positive whole number');
const senders = flag('senders') === undefined ? undefined : Number(flag('senders'));
if (senders !== undefined && !(Number.isInteger(senders) && senders > 0)) throw new Error('--senders must be a positive whole number');
// `--office-target-events=N`: another events/s target (the exit-code test asks for one no office meets).
const officeTargetEvents = flag('office-target-events') === undefined ? undefined : Number(flag('office-target-events'));
// One budget for the whole run: each bench that stores days gets what is left of it.
const budgetEnd = maxMinutes === undefined ? undefined : Date.now() + maxMinutes * 60_000;
const minutesLeft = (): number | undefined => (budgetEnd === undefined ? undefined : Math.max(0, (budgetEnd - Date.now()) / 60_000));
const partial = days !== undefined || scenarios !== undefined || scenarioDir !== undefined || estimator !== undefined || branches !== undefined || officeTargetEvents !== undefined;
const outDir = flag('out') ?? path.join(import.meta.dirname, 'results', ...(quick ? ['quick'] : partial ? ['partial'] : []));
mkdirSync(outDir, { recursive: true });
const missed: string[] = [];

// `--only NAME[,NAME]` runs those benches alone; the summary is then rewritten from every
// result file of the folder, so the other figures stay as their last run left them.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
// A bench that returns null wrote nothing worth keeping (an incomplete run): its last file stays.
const BENCHES: [string, () => BenchResult | null | Promise<BenchResult | null>][] = [
  ['estimator', benchEstimator],
  ['api', benchApi],
  ['load', benchLoad],
  ['records', benchRecords],
  ['kiosk', benchKiosk],
  ['vip-import', benchVipImport],
  ['login-attack', () => benchLoginAttack(quick)],
  [
    'wait-predictors',
    async () => {
      const { missed: m, ...result } = await benchPredictors({ quick, outDir, days, scenarios, scenarioDir, estimator: estimator === 'broken' ? 'broken' : undefined, jobs, maxMinutes: minutesLeft(), daysDir });
      // A quick run's figures are printed, never asserted (one day judges nothing); an incomplete run never passes.
      missed.push(...(quick ? m.filter((line) => line.startsWith('incomplete:')) : m));
      return m.some((line) => line.startsWith('incomplete:')) ? null : result;
    },
  ],
  // Atrium alone on variant worlds: 20 scored days a scenario and variant (1 with --quick, --days=N in a development run).
  [
    'sensitivity',
    async () => {
      const { missed: m, ...result } = await (await import('./sensitivity.js')).benchSensitivity({ days: days ?? (quick ? 1 : 20), outDir, only: scenarios, jobs, maxMinutes: minutesLeft(), daysDir, quick });
      missed.push(...m);
      return m.length > 0 ? null : result;
    },
  ],
  ['fair-calling', () => benchFairCalling(quick)],
  // A lobby that follows the advisor against one that does not (issue 17): 20 days a scenario, --days=N, --scenarios=a,b, --jobs=N.
  [
    'advisor',
    async () => {
      const { missed: m, ...result } = await (await import('./advisor.js')).benchAdvisor({ days, only: scenarios, quick, jobs });
      missed.push(...m);
      return result;
    },
  ],
  ['fuzz', async () => (await import('./fuzz.js')).benchFuzz(quick)],
  // Loaded on demand: it needs a PostgreSQL server (--pg URL or ATRIUM_BENCH_PG_URL); without one it says so, writes "not run" and exits non-zero.
  [
    'office',
    async () =>
      (await import('./office.js')).benchOffice({ pgUrl, branches, senders, targets: officeTargetEvents === undefined ? undefined : { eventsPerSecond: officeTargetEvents } }),
  ],
  // Loaded on demand: it needs Debian's Chromium, which the other benches do not.
  ['screens', async () => (await import('./screens.js')).benchScreens()],
];
if (only) for (const name of only) if (!BENCHES.some(([n]) => n === name)) throw new Error(`no bench named ${name}: ${BENCHES.map(([n]) => n).join(', ')}`);

for (const [name, run] of BENCHES) {
  if (only && !only.includes(name)) continue;
  const r = await run();
  if (r === null) continue;
  writeFileSync(path.join(outDir, `${r.name}.json`), JSON.stringify(r, null, 2) + '\n');
}

const lines = ['# Atrium benchmarks', '', `Run ${new Date().toISOString()} on Node ${process.version}${only ? ` (${only.join(', ')}; the others from their last run)` : ''}.`, ''];
for (const [name] of BENCHES) {
  const file = path.join(outDir, `${name}.json`);
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  lines.push(`## ${r.name}`, '', r.description, '', '| figure | value |', '| --- | --- |');
  for (const [k, v] of Object.entries(r.figures)) lines.push(`| ${k} | ${v} |`);
  lines.push('');
}
writeFileSync(path.join(outDir, 'summary.md'), lines.join('\n'));
console.log(lines.join('\n'));

// Every predictor target that missed, by name; the other benches set the exit code themselves.
if (missed.length > 0) {
  for (const line of missed) console.error(line);
  const targets = missed.filter((line) => line.startsWith('target missed')).length;
  if (targets > 0) console.error(`${targets} wait-predictor target(s) missed`);
  process.exitCode = 1;
}

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
const outDir = path.join(import.meta.dirname, 'results', ...(quick ? ['quick'] : []));
mkdirSync(outDir, { recursive: true });

// `--only NAME[,NAME]` runs those benches alone; the summary is then rewritten from every
// result file of the folder, so the other figures stay as their last run left them.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const BENCHES: [string, () => BenchResult | Promise<BenchResult>][] = [
  ['estimator', benchEstimator],
  ['api', benchApi],
  ['load', benchLoad],
  ['records', benchRecords],
  ['kiosk', benchKiosk],
  ['vip-import', benchVipImport],
  ['login-attack', () => benchLoginAttack(quick)],
  ['wait-predictors', () => benchPredictors(quick, outDir)],
  ['fair-calling', () => benchFairCalling(quick)],
  ['fuzz', async () => (await import('./fuzz.js')).benchFuzz(quick)],
  // Loaded on demand: it needs Debian's Chromium, which the other benches do not.
  ['screens', async () => (await import('./screens.js')).benchScreens()],
];
if (only) for (const name of only) if (!BENCHES.some(([n]) => n === name)) throw new Error(`no bench named ${name}: ${BENCHES.map(([n]) => n).join(', ')}`);

for (const [name, run] of BENCHES) {
  if (only && !only.includes(name)) continue;
  const r = await run();
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

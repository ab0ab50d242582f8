// `npm run bench`: runs every benchmark, writes bench/results/<name>.json and summary.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchEstimator } from './estimator.js';
import { benchApi } from './api.js';
import { benchLoad } from './load.js';
import { benchRecords } from './records.js';
import { benchKiosk } from './kiosk.js';
import { benchLoginAttack } from './login-attack.js';
import { benchPredictors } from './predictors.js';
import type { BenchResult } from './stats.js';

// A quick run (a smoke check) writes apart, so it never replaces the committed figures of a full run.
const quick = process.argv.includes('--quick');
const outDir = path.join(import.meta.dirname, 'results', ...(quick ? ['quick'] : []));
mkdirSync(outDir, { recursive: true });

const results: BenchResult[] = [benchEstimator(), await benchApi(), await benchLoad(), await benchRecords(), await benchKiosk(), await benchLoginAttack(quick), benchPredictors(quick, outDir)];
results.push(await (await import('./fuzz.js')).benchFuzz(quick));

const lines = ['# Atrium benchmarks', '', `Run ${new Date().toISOString()} on Node ${process.version}.`, ''];
for (const r of results) {
  writeFileSync(path.join(outDir, `${r.name}.json`), JSON.stringify(r, null, 2) + '\n');
  lines.push(`## ${r.name}`, '', r.description, '', '| figure | value |', '| --- | --- |');
  for (const [k, v] of Object.entries(r.figures)) lines.push(`| ${k} | ${v} |`);
  lines.push('');
}
writeFileSync(path.join(outDir, 'summary.md'), lines.join('\n'));
console.log(lines.join('\n'));

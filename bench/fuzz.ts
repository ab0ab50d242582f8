// The fuzz test's hostile requests, run longer: FUZZ_REQUESTS (default 20 000) or 60 s,
// whichever comes first, against every route of a real hub on loopback. Reports how many
// requests it sent, per status class, and every distinct failure (a 5xx, an answer outside
// the error shape, a refusal that wrote). Target: none; the process exits non-zero otherwise.
import fc from 'fast-check';
import { startTestHub } from '../tests/support/hub.js';
import { hostileRequest } from '../tests/fuzz/hostile.js';
import { describeRequest, FUZZ_ROUTES, fuzzKnownIds, fuzzOnce, fuzzPrincipals, newTally, principalGroups } from '../tests/fuzz/fuzz-hub.js';
import type { BenchResult } from './stats.js';

export async function benchFuzz(quick = false): Promise<BenchResult> {
  const requests = Number(process.env.FUZZ_REQUESTS ?? (quick ? 2000 : 20_000));
  const seconds = quick ? 15 : 60;
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  const now = new Date(2026, 2, 2, 10, 0).getTime();
  const hub = await startTestHub({ clock: () => now });
  hub.watcher.stop();
  const tally = newTally();
  const t0 = performance.now();
  try {
    const tokens = await fuzzPrincipals(hub);
    const ids = await fuzzKnownIds(hub, tokens);
    // Every request is checked and counted; a failure is recorded and the run goes on.
    await fc.assert(
      fc.asyncProperty(hostileRequest(FUZZ_ROUTES, principalGroups(tokens, FUZZ_ROUTES), ids), async (req) => {
        await fuzzOnce(hub, req, tokens, tally, ids);
      }),
      { seed, numRuns: requests, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false },
    );
    const health = await hub.api('GET', '/api/health');
    if (health.status !== 200) tally.failures.push({ problem: `/api/health answered ${health.status} after the fuzz`, request: { method: 'GET', route: 'GET /api/health', url: '/api/health', principal: 'none', contentType: null, body: null, bigHeader: false } });
  } finally {
    await hub.close();
  }
  const distinct = new Map<string, string>();
  for (const f of tally.failures) distinct.set(f.problem.slice(0, 80), `${f.problem}\n    ${describeRequest(f.request)}`);
  for (const line of distinct.values()) console.error(`fuzz failure: ${line}`);
  if (tally.slowest.request) console.error(`fuzz: slowest answer ${Math.round(tally.slowest.ms)} ms: ${describeRequest(tally.slowest.request)}`);
  const met = tally.byClass['5xx'] === 0 && tally.failures.length === 0;
  if (!met) console.error(`fuzz: replay with FUZZ_SEED=${seed}`);
  if (!met) process.exitCode = 1;
  return {
    name: 'fuzz',
    description: `hostile bodies, params, queries and headers at every route of the hub's route table, as every role and none (fast-check seed ${seed}); checks: no 5xx, the error shape on every 4xx, nothing written by a refusal`,
    figures: {
      'requests sent': tally.sent,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      '2xx': tally.byClass['2xx'] ?? 0,
      '4xx': tally.byClass['4xx'] ?? 0,
      '503 (a printer or the disk at fault, in the error shape)': tally.byClass['503'] ?? 0,
      '5xx (other)': tally.byClass['5xx'] ?? 0,
      'slowest answer ms': Math.round(tally.slowest.ms),
      'failures (5xx, shape, writes)': tally.failures.length,
      'target: zero failures': met ? 'met' : 'MISSED',
    },
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  console.log(JSON.stringify(await benchFuzz(process.argv.includes('--quick')), null, 2));
}

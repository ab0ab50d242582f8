// Property-based fuzzing of every route the hub registers (its own route table, so routes
// added later are fuzzed too): never a 5xx, the error shape on every 4xx, nothing written by
// a refusal, and the hub still answers afterwards. A fixed seed and a bounded count here;
// FUZZ_RUNS=20000 (or `npm run bench`) runs it longer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';
import { hostileRequest } from './hostile.js';
import { describeRequest, fuzzKnownIds, fuzzOnce, fuzzPrincipals, newTally, principalGroups } from './fuzz-hub.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261101);
/** A Monday morning in the branch: a frozen clock keeps the hub's own timers from writing mid-check. */
const NOW = new Date(2026, 2, 2, 10, 0).getTime();

describe('every route under hostile input', () => {
  let hub: TestHub;
  let tokens: Record<string, string | null>;
  let ids: Record<string, string[]>;

  beforeAll(async () => {
    hub = await startTestHub({ clock: () => NOW });
    hub.watcher.stop();
    tokens = await fuzzPrincipals(hub);
    ids = await fuzzKnownIds(hub, tokens);
  });
  afterAll(async () => hub?.close());

  it('covers the whole route table, routes added by anyone included', () => {
    const urls = hub.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('GET /api/reports/daily');
    expect(urls).toContain('POST /api/tickets/:id/transfer');
    expect(urls.length).toBeGreaterThan(60);
  });

  it('never answers 5xx, always the error shape on 4xx, writes nothing on a refusal', async () => {
    const routes = hub.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    const tally = newTally();
    await fc.assert(
      fc.asyncProperty(hostileRequest(routes, await principalGroups(tokens, routes), ids), async (req) => {
        const problem = await fuzzOnce(hub, req, tokens, tally, ids);
        if (problem) throw new Error(`${problem}\n  request: ${describeRequest(req)}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(tally.sent).toBeGreaterThanOrEqual(RUNS);
    // The fuzz reached the routes' logic, not only their doors.
    expect(tally.byClass['2xx']).toBeGreaterThan(0);
    const health = await hub.api('GET', '/api/health');
    expect(health.status).toBe(200);
  });
});

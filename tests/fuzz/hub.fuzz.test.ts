// Property-based fuzzing of every route of the route table (main/common/routes, so routes
// added later are fuzzed too): never a 5xx, the error shape on every 4xx, nothing written by
// a refusal, and the hub still answers afterwards. A fixed seed and a bounded count here;
// FUZZ_RUNS=20000 (or `npm run bench`) runs it longer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';
import { hostileRequest } from './hostile.js';
import { admissions, describeRequest, FUZZ_ROUTES, fuzzKnownIds, fuzzOnce, fuzzPrincipals, newTally, principalGroups, tableAdmissions } from './fuzz-hub.js';

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

  it('walks the route table of main/common, whose callers are those the hub\'s guards admit', async () => {
    const routes = FUZZ_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(routes).toContain('GET /api/reports/daily');
    expect(routes).toContain('POST /api/tickets/:id/transfer');
    expect(routes.length).toBeGreaterThan(80);
    // Asked of the preHandlers fastify registered, not of the table: the two must agree.
    const served = await admissions(hub.app.routeTable.filter((r) => r.url.startsWith('/api/')));
    expect(served).toEqual(tableAdmissions(FUZZ_ROUTES));
  });

  it('never answers 5xx, always the error shape on 4xx, writes nothing on a refusal', async () => {
    const tally = newTally();
    await fc.assert(
      fc.asyncProperty(hostileRequest(FUZZ_ROUTES, principalGroups(tokens, FUZZ_ROUTES), ids), async (req) => {
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
    // Hundreds of real requests: a loaded two-core CI machine has needed more than the default 20 s.
  }, 90_000);
});

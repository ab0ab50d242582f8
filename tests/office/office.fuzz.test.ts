// The office's routes under the hub's hostile requests (tests/fuzz/hostile.ts), walking the
// office's own route table: never a 5xx, always the error shape on a 4xx, nothing written by
// a refusal, and the office still answers afterwards. A fixed seed; FUZZ_RUNS runs it longer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_ROUTES } from '../../main/common/office/routes.js';
import { send, type Answer } from '../fuzz/fuzz-hub.js';
import { hostileRequest, type HostileRequest } from '../fuzz/hostile.js';
import { startTestOffice, type TestOffice } from './support.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const TABLES = ['office_staff', 'office_sessions', 'office_branches', 'office_events', 'office_tickets', 'office_ticket_days', 'office_alerts', 'office_audit', 'office_staff_branches'];

let office: TestOffice;
let tokens: Record<string, string | null>;
let ids: Record<string, string[]>;

async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const t of TABLES) parts.push(JSON.stringify(await office.sql.query(`SELECT * FROM ${t} ORDER BY 1`)));
  return parts.join('\n');
}

beforeAll(async () => {
  office = await startTestOffice();
  const admin = await office.login();
  const created = await office.api('POST', '/api/office/branches', { token: admin, body: { name: 'Fuzzed' } });
  const enrolled = await office.api('POST', '/api/office/enrol', { body: { code: created.body.enrolmentCode } });
  // A regional manager of the fuzzed branch, with a PIN of their own (the staff routes' ids).
  const added = await office.api('POST', '/api/office/staff', { token: admin, body: { staffId: 'rm-fuzz', name: 'Fuzz', role: 'regional_manager', branches: [created.body.branchId] } });
  const regional = await office.api('POST', '/api/auth/pin', { body: { staffId: 'rm-fuzz', pin: added.body.oneTimePin, newPin: '246813' } });
  tokens = {
    hq_admin: `Bearer ${admin}`,
    regional_manager: `Bearer ${regional.body.token}`,
    branch: `Bearer ${enrolled.body.credential}`,
    none: null,
    'unknown token': 'Bearer nottokenatall',
    basic: 'Basic YTpi',
    'overlong token': `Bearer ${'x'.repeat(5000)}`,
  };
  ids = { id: [created.body.branchId], staffId: ['rm-fuzz'] };
}, 120_000);
afterAll(() => office?.close());

describe('every office route under hostile input', () => {
  it('never answers 5xx, always the error shape on 4xx, writes nothing on a refusal', async () => {
    const admitted: Record<string, string[]> = {};
    for (const r of OFFICE_ROUTES) admitted[`${r.method} ${r.path}`] = r.access === 'public' ? ['none'] : [...r.access.grants].filter((g) => g in tokens);
    const principals = { roles: ['hq_admin', 'regional_manager', 'branch'], garbage: ['none', 'unknown token', 'basic', 'overlong token'], admitted };
    const tally = { sent: 0, byClass: {} as Record<string, number> };
    await fc.assert(
      fc.asyncProperty(hostileRequest(OFFICE_ROUTES, principals, ids), async (req: HostileRequest) => {
        const before = await fingerprint();
        const answer = await send(office.url, req, tokens).catch((err: Error): Answer => ({ status: 0, text: `no answer: ${err.message}` }));
        tally.sent++;
        const cls = `${Math.floor(answer.status / 100)}xx`;
        tally.byClass[cls] = (tally.byClass[cls] ?? 0) + 1;
        const what = `${req.method} ${req.url.slice(0, 120)} as ${req.principal}: ${answer.status} ${answer.text.slice(0, 200)}`;
        if (answer.status === 0 || answer.status >= 500) throw new Error(what);
        if (answer.status >= 400) {
          const error = (() => {
            try {
              return (JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } }).error;
            } catch {
              return undefined;
            }
          })();
          if (typeof error?.code !== 'string' || typeof error.message !== 'string') throw new Error(`outside the error shape: ${what}`);
          if (/\n\s+at |\.ts:\d+|node_modules/.test(answer.text)) throw new Error(`a stack trace: ${what}`);
          // A wrong PIN writes nothing either (the throttle's counts live in memory).
          if ((await fingerprint()) !== before) throw new Error(`a refusal wrote: ${what}`);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(tally.sent).toBeGreaterThanOrEqual(RUNS);
    expect(tally.byClass['4xx']).toBeGreaterThan(RUNS / 2);
    expect((await office.api('GET', '/api/health')).status).toBe(200);
  }, 300_000);
});

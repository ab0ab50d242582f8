// The day figures ingest keeps (office_ticket_days, migration 0005), which the branch list and
// the reports read instead of every ticket event: after two simulated busy days of two
// branches shipped in uneven batches (a ticket issued in one batch and called, served or
// missed in later ones), with a batch sent twice, they equal the counts of the ticket
// projection row by row, and the daily and monthly reports equal fold.ts over the whole
// events, the way the reports were counted before. On PGlite, or ATRIUM_TEST_PG_URL's server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRANCH_ZONE, BranchLedger, recordDay } from '../../bench/office-day.js';
import type { ShippedEvent } from '../../main/common/office/wire.js';
import { localDate } from '../../main/office/branches/today.js';
import { foldFigures } from '../../main/office/reports/fold.js';
import { startTestOffice, type TestOffice } from './support.js';

let office: TestOffice;
let admin: string;
const branches: { id: string; credential: string; rows: ShippedEvent[] }[] = [];
const DAYS = ['2026-03-02', '2026-03-03'];

beforeAll(async () => {
  office = await startTestOffice();
  admin = await office.login();
  const recorded = DAYS.map((d, i) => recordDay(d, 7 + i));
  for (let i = 0; i < 2; i++) {
    const made = (await office.api('POST', '/api/office/branches', { token: admin, body: { name: `Branch ${i}` } })).body;
    const { credential } = (await office.api('POST', '/api/office/enrol', { body: { code: made.enrolmentCode } })).body;
    const ledger = new BranchLedger(i);
    const rows = recorded.flatMap((day, d) => ledger.rows(day, i * 60_000, d > 0));
    branches.push({ id: made.branchId, credential, rows });
    // Uneven batches (a ticket's events fall in different ones); one batch sent twice.
    for (let at = 0, n = 0; at < rows.length; n++) {
      const size = [137, 500, 61, 333][n % 4]!;
      const batch = rows.slice(at, at + size);
      for (let again = 0; again < (n === 2 ? 2 : 1); again++) {
        const res = await office.api('POST', '/api/office/ingest', { token: credential, body: { timeZone: BRANCH_ZONE, events: batch } });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
      at += size;
    }
  }
}, 120_000);

afterAll(async () => {
  await office?.close();
});

describe('the day figures kept at ingest', () => {
  it('equal the ticket projection counted again, for every branch and day', async () => {
    const kept = await office.sql.query(
      "SELECT branch_id, to_char(business_day, 'YYYY-MM-DD') AS day, issued, served, no_show, waiting, called, within15, within30 FROM office_ticket_days ORDER BY 1, 2",
    );
    const counted = await office.sql.query(
      `SELECT branch_id, to_char(business_day, 'YYYY-MM-DD') AS day, count(*)::int AS issued,
              (count(*) FILTER (WHERE status = 'done'))::int AS served, (count(*) FILTER (WHERE status = 'no_show'))::int AS no_show,
              (count(*) FILTER (WHERE status = 'waiting'))::int AS waiting, (count(*) FILTER (WHERE called_at_ms IS NOT NULL))::int AS called,
              (count(*) FILTER (WHERE called_at_ms - issued_at_ms <= 900000))::int AS within15, (count(*) FILTER (WHERE called_at_ms - issued_at_ms <= 1800000))::int AS within30
         FROM office_tickets GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(kept.length).toBe(4);
    expect(kept.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)])))).toEqual(counted);
  });

  it('give the reports fold.ts gives over every event', async () => {
    for (const [route, first, last] of [
      [`/api/office/reports/daily?date=${DAYS[1]}`, DAYS[1]!, DAYS[1]!],
      ['/api/office/reports/monthly?month=2026-03', '2026-03-01', '2026-03-31'],
    ] as const) {
      const res = await office.api('GET', route, { token: admin });
      expect(res.status).toBe(200);
      for (const b of branches) {
        const events = b.rows.map((r) => ({ type: r.type, at: r.at, data: JSON.parse(r.data) as Record<string, unknown> }));
        const expected = foldFigures(events, (day) => day >= first && day <= last, (at) => localDate(at, BRANCH_ZONE));
        const got = (res.body.branches as { branchId: string }[]).find((x) => x.branchId === b.id);
        expect(got).toMatchObject(expected);
        expect(expected.issued).toBeGreaterThan(300);
      }
    }
  });
});

// A branch's tickets today, in the branch's own date (its time zone, sent with each batch):
// the counts the hub's daily report gives for the same day.
import type { Queryable } from '../db/sql.js';

/** YYYY-MM-DD of `at` in `timeZone` (an unknown zone reads as UTC). */
export function localDate(at: number, timeZone: string): string {
  let zone = timeZone;
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
  } catch {
    zone = 'UTC';
  }
  // en-CA spells a date YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export async function branchToday(db: Queryable, branchId: string, timeZone: string, now: number): Promise<{ issued: number; served: number; noShow: number; waiting: number }> {
  const [row] = await db.query<{ issued: number; served: number; no_show: number; waiting: number }>(
    `SELECT count(*)::int AS issued,
            (count(*) FILTER (WHERE status = 'done'))::int AS served,
            (count(*) FILTER (WHERE status = 'no_show'))::int AS no_show,
            (count(*) FILTER (WHERE status = 'waiting'))::int AS waiting
       FROM office_tickets WHERE branch_id = $1 AND business_day = $2`,
    [branchId, localDate(now, timeZone)],
  );
  return { issued: Number(row?.issued ?? 0), served: Number(row?.served ?? 0), noShow: Number(row?.no_show ?? 0), waiting: Number(row?.waiting ?? 0) };
}

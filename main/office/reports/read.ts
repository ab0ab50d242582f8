// Reads a branch's shipped events for a period, and builds the cross-branch reports from them
// (fold.ts does the counting). Events are read by time with a margin: a business day is the
// branch's local date, and a complaint or opinion may be answered after the period ends.
import type { BranchFigures } from '../../common/office/report-routes.js';
import { localDate } from '../branches/today.js';
import type { Queryable } from '../db/sql.js';
import { foldFigures, type ShippedEvent } from './fold.js';

const DAY = 86_400_000;
/** How long after a period an answer is still looked for: complaints and opinions fall due within days. */
const ANSWER_MARGIN = 31 * DAY;
const REPORT_TYPES = ['ticket.issued', 'ticket.called', 'ticket.finished', 'ticket.no_show', 'ticket.cancelled', 'day.closed', 'rating.recorded', 'complaint.opened', 'complaint.resolved', 'opinion.recorded', 'opinion.replied', 'intervention.recorded', 'intervention.signed'];

export async function readEvents(db: Queryable, branchId: string, types: readonly string[], from: number, to: number): Promise<ShippedEvent[]> {
  const rows = await db.query<{ type: string; at_ms: string | number; data: string }>(
    'SELECT type, at_ms, data FROM office_events WHERE branch_id = $1 AND type = ANY($2::text[]) AND occurred_at >= $3 AND occurred_at < $4 ORDER BY seq',
    [branchId, types, new Date(from).toISOString(), new Date(to).toISOString()],
  );
  const events: ShippedEvent[] = [];
  for (const r of rows) {
    try {
      const data = JSON.parse(r.data) as unknown;
      if (data && typeof data === 'object') events.push({ type: r.type, at: Number(r.at_ms), data: data as Record<string, unknown> });
    } catch {
      // A row the office cannot parse is still in the chain; it just counts for nothing.
    }
  }
  return events;
}

interface BranchRow {
  branch_id: string;
  name: string;
  status: string;
  time_zone: string;
}

/** `first`/`last`: the period's first and last dates, YYYY-MM-DD; `scope`: the branch IDs the caller reads, or null for every branch. */
export async function branchReport(db: Queryable, first: string, last: string, scope: readonly string[] | null): Promise<BranchFigures[]> {
  const branches = await db.query<BranchRow>(
    "SELECT branch_id, name, status, time_zone FROM office_branches WHERE status <> 'enrolling' AND ($1::text[] IS NULL OR branch_id = ANY($1::text[])) ORDER BY name, branch_id",
    [scope],
  );
  // Every zone is within a day of UTC: a day's margin each side holds the branch's local days.
  const from = Date.parse(`${first}T00:00:00Z`) - DAY;
  const to = Date.parse(`${last}T00:00:00Z`) + 2 * DAY + ANSWER_MARGIN;
  const out: BranchFigures[] = [];
  for (const b of branches) {
    const events = await readEvents(db, b.branch_id, REPORT_TYPES, from, to);
    const figures = foldFigures(events, (day) => day >= first && day <= last, (at) => localDate(at, b.time_zone));
    out.push({ branchId: b.branch_id, name: b.name, status: b.status, ...figures });
  }
  return out;
}

export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

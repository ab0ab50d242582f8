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
  return rows.map(parsed).filter((e): e is ShippedEvent => e !== null);
}

function parsed(r: { type: string; at_ms: string | number; data: string }): ShippedEvent | null {
  try {
    const data = JSON.parse(r.data) as unknown;
    if (data && typeof data === 'object') return { type: r.type, at: Number(r.at_ms), data: data as Record<string, unknown> };
  } catch {
    // A row the office cannot parse is still in the chain; it just counts for nothing.
  }
  return null;
}

interface BranchRow {
  branch_id: string;
  name: string;
  status: string;
  time_zone: string;
}

/**
 * The events the ticket projection does not cover, read for every branch at once through the
 * partial index office_events_report (migration 0005), whose predicate lists the same types:
 * written out in the query (constants, not input) so the planner sees the index applies.
 */
const RARE_TYPES = REPORT_TYPES.filter((t) => !t.startsWith('ticket.') && t !== 'day.closed');
const RARE_IN = RARE_TYPES.map((t) => `'${t}'`).join(', ');

interface TicketRow {
  branch_id: string;
  issued: number;
  served: number;
  no_show: number;
  called: number;
  within15: number;
  within30: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const share = (part: number, of: number) => (of === 0 ? null : round1((part / of) * 100));

/**
 * `first`/`last`: the period's first and last dates, YYYY-MM-DD; `scope`: the branch IDs the
 * caller reads, or null for every branch. The ticket figures are the sums of each branch's days
 * (office_ticket_days, moved at ingest by each batch: issued, served, no-show, called, called
 * within 15 and 30 minutes, by fold.ts's rules); ratings, complaints, opinions and interventions
 * are folded by fold.ts from their events, read for every branch in one query. Three queries
 * whatever the number of branches.
 */
export async function branchReport(db: Queryable, first: string, last: string, scope: readonly string[] | null): Promise<BranchFigures[]> {
  const branches = await db.query<BranchRow>(
    "SELECT branch_id, name, status, time_zone FROM office_branches WHERE status <> 'enrolling' AND ($1::text[] IS NULL OR branch_id = ANY($1::text[])) ORDER BY name, branch_id",
    [scope],
  );
  const tickets = await db.query<TicketRow>(
    `SELECT branch_id, sum(issued)::int AS issued, sum(served)::int AS served, sum(no_show)::int AS no_show,
            sum(called)::int AS called, sum(within15)::int AS within15, sum(within30)::int AS within30
       FROM office_ticket_days WHERE business_day BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR branch_id = ANY($3::text[])) GROUP BY branch_id`,
    [first, last, scope],
  );
  const ticketsOf = new Map(tickets.map((t) => [t.branch_id, t]));
  // Every zone is within a day of UTC: a day's margin each side holds the branch's local days.
  const from = Date.parse(`${first}T00:00:00Z`) - DAY;
  const to = Date.parse(`${last}T00:00:00Z`) + 2 * DAY + ANSWER_MARGIN;
  const rare = await db.query<{ branch_id: string; type: string; at_ms: string | number; data: string }>(
    `SELECT branch_id, type, at_ms, data FROM office_events WHERE type IN (${RARE_IN}) AND occurred_at >= $1 AND occurred_at < $2 AND ($3::text[] IS NULL OR branch_id = ANY($3::text[])) ORDER BY branch_id, seq`,
    [new Date(from).toISOString(), new Date(to).toISOString(), scope],
  );
  const rareOf = new Map<string, ShippedEvent[]>();
  for (const r of rare) {
    const event = parsed(r);
    if (!event) continue;
    const list = rareOf.get(r.branch_id) ?? [];
    list.push(event);
    rareOf.set(r.branch_id, list);
  }
  return branches.map((b) => {
    const rest = foldFigures(rareOf.get(b.branch_id) ?? [], (day) => day >= first && day <= last, (at) => localDate(at, b.time_zone));
    const t = ticketsOf.get(b.branch_id);
    const n = (x: number | undefined) => Number(x ?? 0);
    const called = n(t?.called);
    return {
      branchId: b.branch_id,
      name: b.name,
      status: b.status,
      ...rest,
      issued: n(t?.issued),
      served: n(t?.served),
      noShow: n(t?.no_show),
      called,
      within15: share(n(t?.within15), called),
      within30: share(n(t?.within30), called),
    };
  });
}

export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

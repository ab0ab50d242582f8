// The office's ticket projection: each branch's tickets and their status, from the ticket
// events as they arrive, following the hub's state machine (main/hub/queue/apply-ticket.ts)
// only as far as the counts need: issued, done, no-show, waiting, cancelled, unserved, and
// the two instants of the wait the reports count (issued, first called). A batch is folded in
// memory first (a ticket issued and served in one batch is one row written), then written in
// a few statements, whatever its size. Each branch's business day's figures
// (office_ticket_days: what the branch list and the reports read) move by the difference each
// changed ticket makes, in the same transaction: the tickets it held before the batch are read
// first (the branch's row is locked FOR UPDATE by ingest, so nobody else moves them meanwhile).
import type { Queryable } from '../db/sql.js';

const STATUS_AFTER: Record<string, string> = {
  'ticket.called': 'called',
  'ticket.recalled': 'recalled',
  'ticket.started': 'serving',
  'ticket.finished': 'done',
  'ticket.no_show': 'no_show',
  'ticket.cancelled': 'cancelled',
  // A transfer keeps the ticket's place in the new queue: it waits again.
  'ticket.transferred': 'waiting',
};

export interface IssuedTicket {
  day: string;
  status: string;
  /** The ticket's issuedAt (its event's time when it has none). */
  issuedAt: number;
  /** Its first call in the batch, if any. */
  calledAt: number | null;
}

export interface TicketChanges {
  /** Tickets issued in the batch, with their status at the batch's end. */
  issued: Map<string, IssuedTicket>;
  /** Tickets issued before the batch whose status it changed: the last status, and the batch's first call of it. */
  moved: Map<string, { status: string; calledAt: number | null }>;
}

export function foldTicketEvents(events: readonly { type: string; at?: number; data: unknown }[]): TicketChanges {
  const issued = new Map<string, IssuedTicket>();
  const moved = new Map<string, { status: string; calledAt: number | null }>();
  const move = (id: string, status: string, calledAt: number | null) => {
    const mine = issued.get(id) ?? moved.get(id);
    if (mine) {
      mine.status = status;
      mine.calledAt ??= calledAt;
    } else moved.set(id, { status, calledAt });
  };
  for (const { type, at, data } of events) {
    const d = (data ?? {}) as Record<string, unknown>;
    if (type === 'ticket.issued') {
      const t = d.ticket as { id?: unknown; businessDay?: unknown; status?: unknown; issuedAt?: unknown } | undefined;
      if (typeof t?.id === 'string' && typeof t.businessDay === 'string') {
        const issuedAt = typeof t.issuedAt === 'number' && Number.isFinite(t.issuedAt) ? Math.round(t.issuedAt) : (at ?? 0);
        issued.set(t.id, { day: t.businessDay, status: typeof t.status === 'string' ? t.status : 'waiting', issuedAt, calledAt: null });
      }
    } else if (type === 'day.closed' && Array.isArray(d.unserved)) {
      for (const id of d.unserved) if (typeof id === 'string') move(id, 'unserved_at_close', null);
    } else if (STATUS_AFTER[type] && typeof d.ticket === 'string') {
      move(d.ticket, STATUS_AFTER[type], type === 'ticket.called' && typeof at === 'number' ? at : null);
    }
  }
  return { issued, moved };
}

/** What one ticket adds to its day's figures (office_ticket_days's columns). */
interface DayFigures {
  issued: number;
  served: number;
  no_show: number;
  waiting: number;
  called: number;
  within15: number;
  within30: number;
}
const DAY_COLUMNS = ['issued', 'served', 'no_show', 'waiting', 'called', 'within15', 'within30'] as const;

interface TicketRow {
  day: string;
  status: string;
  issuedAt: number | null;
  calledAt: number | null;
}

export function dayFigures(t: TicketRow): DayFigures {
  const wait = t.calledAt !== null && t.issuedAt !== null ? t.calledAt - t.issuedAt : null;
  return {
    issued: 1,
    served: t.status === 'done' ? 1 : 0,
    no_show: t.status === 'no_show' ? 1 : 0,
    waiting: t.status === 'waiting' ? 1 : 0,
    called: t.calledAt !== null ? 1 : 0,
    within15: wait !== null && wait <= 15 * 60_000 ? 1 : 0,
    within30: wait !== null && wait <= 30 * 60_000 ? 1 : 0,
  };
}

/** Each day's change of figures: every changed ticket's figures after the batch minus before it. */
export function dayDeltas(before: ReadonlyMap<string, TicketRow>, changes: TicketChanges): Map<string, DayFigures> {
  const deltas = new Map<string, DayFigures>();
  const add = (t: TicketRow, sign: 1 | -1) => {
    const d = deltas.get(t.day) ?? { issued: 0, served: 0, no_show: 0, waiting: 0, called: 0, within15: 0, within30: 0 };
    const f = dayFigures(t);
    for (const c of DAY_COLUMNS) d[c] += sign * f[c];
    deltas.set(t.day, d);
  };
  for (const [id, t] of changes.issued) {
    const old = before.get(id);
    // A ticket already held keeps its day and issue time, and its first call (the INSERT's ON CONFLICT below).
    if (old) add(old, -1);
    add(old ? { ...old, status: t.status, calledAt: old.calledAt ?? t.calledAt } : t, 1);
  }
  for (const [id, m] of changes.moved) {
    const old = before.get(id);
    // A ticket the office never saw issued (its issue was before the office's first event) moves nothing.
    if (!old) continue;
    add(old, -1);
    add({ ...old, status: m.status, calledAt: old.calledAt ?? m.calledAt }, 1);
  }
  return deltas;
}

export async function writeTicketChanges(db: Queryable, branchId: string, changes: TicketChanges): Promise<void> {
  const changed = [...changes.issued.keys(), ...changes.moved.keys()];
  if (changed.length === 0) return;
  const held = await db.query<{ ticket_id: string; day: string; status: string; issued_at_ms: string | number | null; called_at_ms: string | number | null }>(
    "SELECT ticket_id, to_char(business_day, 'YYYY-MM-DD') AS day, status, issued_at_ms, called_at_ms FROM office_tickets WHERE branch_id = $1 AND ticket_id = ANY($2::text[])",
    [branchId, changed],
  );
  const orNull = (v: string | number | null) => (v === null ? null : Number(v));
  const before = new Map(held.map((r) => [r.ticket_id, { day: r.day, status: r.status, issuedAt: orNull(r.issued_at_ms), calledAt: orNull(r.called_at_ms) }]));
  if (changes.issued.size > 0) {
    const ids = [...changes.issued.keys()];
    const rows = ids.map((id) => changes.issued.get(id)!);
    await db.query(
      `INSERT INTO office_tickets (branch_id, ticket_id, business_day, status, issued_at_ms, called_at_ms)
       SELECT $1, id, day::date, status, issued, called FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[]) AS t(id, day, status, issued, called)
       ON CONFLICT (branch_id, ticket_id) DO UPDATE SET status = EXCLUDED.status, called_at_ms = COALESCE(office_tickets.called_at_ms, EXCLUDED.called_at_ms)`,
      [branchId, ids, rows.map((t) => t.day), rows.map((t) => t.status), rows.map((t) => t.issuedAt), rows.map((t) => t.calledAt)],
    );
  }
  if (changes.moved.size > 0) {
    const ids = [...changes.moved.keys()];
    const rows = ids.map((id) => changes.moved.get(id)!);
    await db.query(
      `UPDATE office_tickets o SET status = v.status, called_at_ms = COALESCE(o.called_at_ms, v.called)
         FROM unnest($2::text[], $3::text[], $4::bigint[]) AS v(id, status, called)
        WHERE o.branch_id = $1 AND o.ticket_id = v.id`,
      [branchId, ids, rows.map((t) => t.status), rows.map((t) => t.calledAt)],
    );
  }
  const deltas = [...dayDeltas(before, changes)].filter(([, d]) => DAY_COLUMNS.some((c) => d[c] !== 0));
  if (deltas.length > 0) {
    await db.query(
      `INSERT INTO office_ticket_days AS o (branch_id, business_day, ${DAY_COLUMNS.join(', ')})
       SELECT $1, day::date, ${DAY_COLUMNS.join(', ')}
         FROM unnest($2::text[], ${DAY_COLUMNS.map((_, i) => `$${i + 3}::int[]`).join(', ')}) AS d(day, ${DAY_COLUMNS.join(', ')})
       ON CONFLICT (branch_id, business_day) DO UPDATE SET ${DAY_COLUMNS.map((c) => `${c} = o.${c} + EXCLUDED.${c}`).join(', ')}`,
      [branchId, deltas.map(([day]) => day), ...DAY_COLUMNS.map((c) => deltas.map(([, d]) => d[c]))],
    );
  }
}

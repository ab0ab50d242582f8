// The office's ticket projection: each branch's tickets and their status, from the ticket
// events as they arrive, following the hub's state machine (main/hub/queue/apply-ticket.ts)
// only as far as the counts need: issued, done, no-show, waiting, cancelled, unserved. A
// batch is folded in memory first (a ticket issued and served in one batch is one row
// written), then written in two statements, whatever its size.
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

export interface TicketChanges {
  /** Tickets issued in the batch, with their status at the batch's end. */
  issued: Map<string, { day: string; status: string }>;
  /** Tickets issued before the batch whose status it changed: the last status. */
  moved: Map<string, string>;
}

export function foldTicketEvents(events: readonly { type: string; data: unknown }[]): TicketChanges {
  const issued = new Map<string, { day: string; status: string }>();
  const moved = new Map<string, string>();
  const move = (id: string, status: string) => {
    const mine = issued.get(id);
    if (mine) mine.status = status;
    else moved.set(id, status);
  };
  for (const { type, data } of events) {
    const d = (data ?? {}) as Record<string, unknown>;
    if (type === 'ticket.issued') {
      const t = d.ticket as { id?: unknown; businessDay?: unknown; status?: unknown } | undefined;
      if (typeof t?.id === 'string' && typeof t.businessDay === 'string') issued.set(t.id, { day: t.businessDay, status: typeof t.status === 'string' ? t.status : 'waiting' });
    } else if (type === 'day.closed' && Array.isArray(d.unserved)) {
      for (const id of d.unserved) if (typeof id === 'string') move(id, 'unserved_at_close');
    } else if (STATUS_AFTER[type] && typeof d.ticket === 'string') {
      move(d.ticket, STATUS_AFTER[type]);
    }
  }
  return { issued, moved };
}

export async function writeTicketChanges(db: Queryable, branchId: string, changes: TicketChanges): Promise<void> {
  if (changes.issued.size > 0) {
    const ids = [...changes.issued.keys()];
    await db.query(
      `INSERT INTO office_tickets (branch_id, ticket_id, business_day, status)
       SELECT $1, id, day::date, status FROM unnest($2::text[], $3::text[], $4::text[]) AS t(id, day, status)
       ON CONFLICT (branch_id, ticket_id) DO UPDATE SET status = EXCLUDED.status`,
      [branchId, ids, ids.map((id) => changes.issued.get(id)!.day), ids.map((id) => changes.issued.get(id)!.status)],
    );
  }
  if (changes.moved.size > 0) {
    await db.query(
      `UPDATE office_tickets o SET status = v.status FROM unnest($2::text[], $3::text[]) AS v(id, status)
        WHERE o.branch_id = $1 AND o.ticket_id = v.id`,
      [branchId, [...changes.moved.keys()], [...changes.moved.values()]],
    );
  }
}

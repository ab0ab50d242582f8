// The office's ticket projection: each branch's tickets and their status, from the ticket
// events as they arrive, following the hub's state machine (main/hub/queue/apply-ticket.ts)
// only as far as the counts need: issued, done, no-show, waiting, cancelled, unserved.
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

export async function projectTicketEvent(db: Queryable, branchId: string, type: string, data: unknown): Promise<void> {
  const d = data as Record<string, unknown>;
  if (type === 'ticket.issued') {
    const ticket = d.ticket as { id?: unknown; businessDay?: unknown; status?: unknown } | undefined;
    if (typeof ticket?.id !== 'string' || typeof ticket.businessDay !== 'string') return;
    await db.query(
      'INSERT INTO office_tickets (branch_id, ticket_id, business_day, status) VALUES ($1, $2, $3, $4) ON CONFLICT (branch_id, ticket_id) DO UPDATE SET status = EXCLUDED.status',
      [branchId, ticket.id, ticket.businessDay, typeof ticket.status === 'string' ? ticket.status : 'waiting'],
    );
    return;
  }
  if (type === 'day.closed') {
    const unserved = Array.isArray(d.unserved) ? d.unserved.filter((id): id is string => typeof id === 'string') : [];
    if (unserved.length > 0) await db.query("UPDATE office_tickets SET status = 'unserved_at_close' WHERE branch_id = $1 AND ticket_id = ANY($2::text[])", [branchId, unserved]);
    return;
  }
  const status = STATUS_AFTER[type];
  if (status && typeof d.ticket === 'string') {
    await db.query('UPDATE office_tickets SET status = $3 WHERE branch_id = $1 AND ticket_id = $2', [branchId, d.ticket, status]);
  }
}

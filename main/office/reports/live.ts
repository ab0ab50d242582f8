// One branch now, from its shipped events: what the lobby looks like as far as the office
// knows (as fresh as the branch's last batch). Decisions:
// - "now" for the longest wait is the office's clock: a branch that stopped shipping shows its
//   waits growing, and its lastSeenAt says how old the picture is;
// - a counter is open from counter.opened until counter.closed (paused counts as open);
// - an alert is open from alert.raised until acknowledged or resolved, as the hub's alert book has it;
// - the branch's opening hour is not in its events, so "signed by opening time" is read as
//   "signed before the day's first ticket was issued".
import type { BranchLive } from '../../common/office/report-routes.js';
import { DomainError } from '../../common/errors.js';
import { localDate } from '../branches/today.js';
import type { Queryable } from '../db/sql.js';
import { readEvents } from './read.js';

const DAY = 86_400_000;
const LIVE_TYPES = ['ticket.issued', 'ticket.called', 'ticket.finished', 'ticket.no_show', 'ticket.cancelled', 'ticket.transferred', 'day.closed', 'counter.opened', 'counter.closed', 'alert.raised', 'alert.acknowledged', 'alert.resolved', 'checklist.started', 'checklist.signed'];

export async function branchLive(db: Queryable, branchId: string, now: number): Promise<BranchLive> {
  const [b] = await db.query<{ name: string; status: string; time_zone: string; last_seen_at: string | Date | null }>(
    'SELECT name, status, time_zone, last_seen_at FROM office_branches WHERE branch_id = $1',
    [branchId],
  );
  if (!b) throw new DomainError('not_found', 'unknown_branch', `There is no branch ${branchId}.`);
  const today = localDate(now, b.time_zone);
  // Counters and alerts can stay open across days: a week back is read for them.
  const events = await readEvents(db, branchId, LIVE_TYPES, now - 7 * DAY, now + DAY);
  const issuedAt = new Map<string, number>();
  const waiting = new Map<string, number>();
  const counters = new Map<string, boolean>();
  const alerts = new Set<string>();
  const opening = new Map<string, number | null>();
  let firstTicketAt: number | null = null;
  for (const { type, at, data } of events) {
    const ticketId = typeof data.ticket === 'string' ? data.ticket : null;
    if (type === 'ticket.issued') {
      const t = data.ticket as { id?: unknown; businessDay?: unknown; issuedAt?: unknown } | undefined;
      if (typeof t?.id !== 'string' || t.businessDay !== today) continue;
      firstTicketAt ??= at;
      issuedAt.set(t.id, typeof t.issuedAt === 'number' ? t.issuedAt : at);
      waiting.set(t.id, issuedAt.get(t.id)!);
    } else if (type === 'ticket.transferred' && ticketId) {
      // A transfer waits again, keeping its place (its issue time), as the hub's lobby does.
      const since = issuedAt.get(ticketId);
      if (since !== undefined) waiting.set(ticketId, since);
    } else if (type.startsWith('ticket.') && ticketId) {
      waiting.delete(ticketId);
    } else if (type === 'day.closed' && Array.isArray(data.unserved)) {
      for (const id of data.unserved) waiting.delete(String(id));
    } else if (type === 'counter.opened' || type === 'counter.closed') {
      if (typeof data.counter === 'string') counters.set(data.counter, type === 'counter.opened');
    } else if (type === 'alert.raised') {
      const a = data.alert as { id?: unknown } | undefined;
      if (typeof a?.id === 'string') alerts.add(a.id);
    } else if ((type === 'alert.resolved' || type === 'alert.acknowledged') && typeof data.id === 'string') {
      alerts.delete(data.id);
    } else if (type === 'checklist.started' && data.kind === 'opening' && data.date === today && typeof data.id === 'string') {
      opening.set(data.id, null);
    } else if (type === 'checklist.signed' && typeof data.id === 'string' && opening.has(data.id)) {
      opening.set(data.id, at);
    }
  }
  const signedAt = [...opening.values()].find((v): v is number => v !== null) ?? null;
  const oldest = waiting.size ? Math.min(...waiting.values()) : null;
  return {
    branchId,
    name: b.name,
    status: b.status,
    lastSeenAt: b.last_seen_at === null ? null : new Date(b.last_seen_at).toISOString(),
    date: today,
    waiting: waiting.size,
    longestWaitMinutes: oldest === null ? null : Math.max(0, Math.round((now - oldest) / 6_000) / 10),
    countersOpen: [...counters.values()].filter(Boolean).length,
    openAlerts: alerts.size,
    openingChecklist: {
      signed: signedAt !== null,
      signedAt: signedAt === null ? null : new Date(signedAt).toISOString(),
      beforeFirstTicket: signedAt === null ? (firstTicketAt === null ? null : false) : firstTicketAt === null || signedAt <= firstTicketAt,
    },
  };
}

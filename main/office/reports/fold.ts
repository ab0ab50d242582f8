// A branch's report figures, folded from its shipped events alone (pure: tested without a
// database). The rules are the hub's own where it has them:
// - a wait ends at the FIRST call (main/hub/queue/apply-ticket.ts), and the shares are of called
//   tickets, as the hub's daily report's waits are;
// - a ticket counts in its business day; a rating in the business day it carries;
// - a complaint is answered in time when resolved at or before its dueAt; an opinion when
//   replied on or before its dueDate (branch-local date); both count on the day they were opened.
// An unknown or malformed event is skipped: the office keeps every event but reports on those it knows.
import type { BranchFigures } from '../../common/office/report-routes.js';

export interface ShippedEvent {
  type: string;
  at: number;
  data: Record<string, unknown>;
}

export type Figures = Omit<BranchFigures, 'branchId' | 'name' | 'status'>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const round1 = (x: number) => Math.round(x * 10) / 10;
const share = (part: number, of: number) => (of === 0 ? null : round1((part / of) * 100));

interface T {
  day: string;
  issuedAt: number;
  calledAt: number | null;
  status: string;
}

const END: Record<string, string> = { 'ticket.finished': 'done', 'ticket.no_show': 'no_show', 'ticket.cancelled': 'cancelled' };

/** `inPeriod(day)`: the business day (YYYY-MM-DD) is in the report; `dateOf(at)`: an instant's branch-local date. */
export function foldFigures(events: readonly ShippedEvent[], inPeriod: (day: string) => boolean, dateOf: (at: number) => string): Figures {
  const tickets = new Map<string, T>();
  let ratingSum = 0;
  let ratings = 0;
  const complaints = new Map<string, { dueAt: number; resolvedAt: number | null }>();
  const opinions = new Map<string, { dueDate: string; repliedOn: string | null }>();
  const interventions = new Map<string, boolean>();
  for (const e of events) {
    const d = e.data;
    if (e.type === 'ticket.issued') {
      const t = d.ticket as Record<string, unknown> | undefined;
      const id = str(t?.id);
      const day = str(t?.businessDay);
      if (id && day && inPeriod(day)) tickets.set(id, { day, issuedAt: num(t?.issuedAt) ?? e.at, calledAt: null, status: 'waiting' });
      continue;
    }
    if (e.type.startsWith('ticket.')) {
      const t = tickets.get(str(d.ticket) ?? '');
      if (!t) continue;
      if (e.type === 'ticket.called') t.calledAt ??= e.at;
      if (END[e.type]) t.status = END[e.type]!;
      continue;
    }
    if (e.type === 'day.closed' && Array.isArray(d.unserved)) {
      for (const id of d.unserved) {
        const t = tickets.get(String(id));
        if (t) t.status = 'unserved_at_close';
      }
      continue;
    }
    if (e.type === 'rating.recorded') {
      const day = str(d.businessDay);
      const score = num(d.score);
      if (day && score !== null && inPeriod(day)) {
        ratings++;
        ratingSum += score;
      }
      continue;
    }
    if (e.type === 'complaint.opened') {
      const c = d.complaint as Record<string, unknown> | undefined;
      const id = str(c?.id);
      const dueAt = num(c?.dueAt);
      if (id && dueAt !== null && inPeriod(dateOf(e.at))) complaints.set(id, { dueAt, resolvedAt: null });
      continue;
    }
    if (e.type === 'complaint.resolved') {
      const c = complaints.get(str(d.id) ?? '');
      if (c && c.resolvedAt === null) c.resolvedAt = e.at;
      continue;
    }
    if (e.type === 'opinion.recorded') {
      const id = str(d.id);
      const due = str(d.dueDate);
      if (id && due && inPeriod(str(d.date) ?? dateOf(e.at))) opinions.set(id, { dueDate: due, repliedOn: null });
      continue;
    }
    if (e.type === 'opinion.replied') {
      const o = opinions.get(str(d.id) ?? '');
      if (o && o.repliedOn === null) o.repliedOn = dateOf(e.at);
      continue;
    }
    if (e.type === 'intervention.recorded') {
      const id = str(d.id);
      if (id && inPeriod(str(d.date) ?? dateOf(e.at))) interventions.set(id, false);
      continue;
    }
    if (e.type === 'intervention.signed' && interventions.has(str(d.id) ?? '')) interventions.set(str(d.id)!, true);
  }
  const all = [...tickets.values()];
  const waits = all.filter((t) => t.calledAt !== null).map((t) => (t.calledAt! - t.issuedAt) / 60_000);
  const cs = [...complaints.values()];
  const os = [...opinions.values()];
  return {
    issued: all.length,
    served: all.filter((t) => t.status === 'done').length,
    noShow: all.filter((t) => t.status === 'no_show').length,
    called: waits.length,
    within15: share(waits.filter((w) => w <= 15).length, waits.length),
    within30: share(waits.filter((w) => w <= 30).length, waits.length),
    satisfaction: { count: ratings, mean: ratings ? Math.round((ratingSum / ratings) * 100) / 100 : null },
    complaints: {
      opened: cs.length,
      answeredInTime: cs.filter((c) => c.resolvedAt !== null && c.resolvedAt <= c.dueAt).length,
      answeredLate: cs.filter((c) => c.resolvedAt !== null && c.resolvedAt > c.dueAt).length,
      open: cs.filter((c) => c.resolvedAt === null).length,
    },
    opinions: {
      recorded: os.length,
      answeredInTime: os.filter((o) => o.repliedOn !== null && o.repliedOn <= o.dueDate).length,
      answeredLate: os.filter((o) => o.repliedOn !== null && o.repliedOn > o.dueDate).length,
      open: os.filter((o) => o.repliedOn === null).length,
    },
    interventions: { count: interventions.size, signed: [...interventions.values()].filter(Boolean).length },
  };
}

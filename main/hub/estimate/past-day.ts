// One past business day as the estimator learns from it (day-kinds.ts `PastDay`), built from
// that day's tickets and counter events. Pure, and the one place that decides what a ticket
// teaches: the hub feeds it rows of its tickets table (ledger-knowledge.ts), the bench the
// engine's tickets of a simulated past day (bench/predictors/branch-knowledge.ts), so both
// learn from the same facts in the same way (issue 15: the bench used to learn from the drawn
// service times of every customer, those who left included, and no leaving or counter days).
import type { DayKind } from '../../common/calendar.js';
import type { Priority } from '../../common/domain.js';
import type { PastTicket } from './arrival-profile.js';
import type { PastJob } from './branch-history.js';
import { readCounterDay, type CounterEvent } from './counter-days.js';
import type { PastDay } from './day-kinds.js';

/** What a past ticket must say: a row of the tickets table, or an engine Ticket. */
export interface PastTicketRecord {
  issuedAt: number;
  service: string;
  priority: Priority;
  status: string;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  transfers: number;
  /** The kiosk choice it was issued under; absent or null: none. */
  choice?: string | null;
}

/** A past day of `kind` from its tickets and, when known, its counter events (in order). */
export function pastDayOf(date: string, kind: DayKind, tickets: Iterable<PastTicketRecord>, counterEvents?: readonly CounterEvent[]): PastDay {
  const issued: PastTicket[] = [];
  const jobs: PastJob[] = [];
  const walks: number[] = [];
  const reached: { waitedMinutes: number; left: boolean }[] = [];
  for (const t of tickets) {
    issued.push({ issuedAt: t.issuedAt, service: t.service, priority: t.priority });
    if (t.status === 'done' && t.startedAt !== null && t.finishedAt !== null) {
      jobs.push({ service: t.service, minutes: (t.finishedAt - t.startedAt) / 60_000, ...(t.choice ? { choice: t.choice } : {}) });
    }
    // A transferred ticket keeps its first call time, so its call-to-start spans a service.
    if (t.calledAt !== null && t.startedAt !== null && t.transfers === 0) walks.push((t.startedAt - t.calledAt) / 60_000);
    if (t.calledAt !== null && t.status !== 'called') reached.push({ waitedMinutes: Math.max(0, (t.calledAt - t.issuedAt) / 60_000), left: t.status === 'no_show' });
  }
  return { date, kind, tickets: issued, jobs, walks, reached, ...(counterEvents ? { counters: readCounterDay(counterEvents) } : {}) };
}

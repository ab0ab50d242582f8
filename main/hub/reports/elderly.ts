// Older customers in the daily and monthly reports (issue 14): tickets of priority elderly,
// how many were served, and their average wait (issue to call, as every wait in the reports).
// A ticket the manager raised from elderly to green channel counts under green channel.
//
// Their counter visits are figures of their own: the self-service triage figure counts only
// customers sent to self-service (the manager's and the kiosk's events, event-reads.ts), never
// a ticket, so an older customer served at a counter is never counted against it.
import type { Ticket } from '../../common/domain.js';
import type { ElderlyFigures } from '../../common/records.js';

/** Raw sums, so a month adds its days and averages once. */
export interface ElderlyTally {
  tickets: number;
  served: number;
  called: number;
  waitMinutes: number;
}

export const NO_ELDERLY: ElderlyTally = { tickets: 0, served: 0, called: 0, waitMinutes: 0 };

export function elderlyTally(tickets: readonly Ticket[]): ElderlyTally {
  const mine = tickets.filter((t) => t.priority === 'elderly');
  const called = mine.filter((t) => t.calledAt !== null);
  return {
    tickets: mine.length,
    served: mine.filter((t) => t.status === 'done').length,
    called: called.length,
    waitMinutes: called.reduce((sum, t) => sum + ((t.calledAt as number) - t.issuedAt) / 60_000, 0),
  };
}

export const addElderly = (a: ElderlyTally, b: ElderlyTally): ElderlyTally => ({
  tickets: a.tickets + b.tickets,
  served: a.served + b.served,
  called: a.called + b.called,
  waitMinutes: a.waitMinutes + b.waitMinutes,
});

export function elderlyFigures(t: ElderlyTally): ElderlyFigures {
  return { tickets: t.tickets, served: t.served, avgWaitMinutes: t.called ? Math.round((t.waitMinutes / t.called) * 10) / 10 : 0 };
}

// How good the branch's promises were (issue 17.1): for every ticket called that day, the
// estimate it was given at issue (recorded on its `ticket.issued`, main/hub/lobby/hub.ts)
// against its real wait, issue to first call (a ticket's calledAt is its first call: a recall
// or a transfer keeps it). A ticket with no recorded number is left out and counted as such:
// issued before the hub recorded estimates, or issued while its service had no counter open
// (the customer was told when it opens, not how long).
import type { IssuedEstimate, Ticket } from '../../common/domain.js';
import type { EstimateAccuracy } from '../../common/records.js';

/** Raw sums, so a month adds its days and divides once. */
export interface AccuracyTally {
  n: number;
  withoutEstimate: number;
  /** Sums over the n tickets of |wait − estimate| and of (wait − estimate), minutes. */
  absError: number;
  error: number;
  withinRange: number;
  within5Min: number;
}

export const NO_ACCURACY: AccuracyTally = { n: 0, withoutEstimate: 0, absError: 0, error: 0, withinRange: 0, within5Min: 0 };

/** The margin of `within5MinShare`: a wait within this many minutes of the estimate. */
export const WITHIN_MINUTES = 5;

const MIN = 60_000;

export function accuracyTally(tickets: readonly Ticket[], issued: ReadonlyMap<string, IssuedEstimate>): AccuracyTally {
  const tally = { ...NO_ACCURACY };
  for (const t of tickets) {
    if (t.calledAt === null) continue;
    const e = issued.get(t.id);
    if (!e || e.closed) {
      tally.withoutEstimate += 1;
      continue;
    }
    const wait = (t.calledAt - t.issuedAt) / MIN;
    const error = wait - e.minutes;
    tally.n += 1;
    tally.absError += Math.abs(error);
    tally.error += error;
    if (wait >= e.low && wait <= e.high) tally.withinRange += 1;
    if (Math.abs(error) <= WITHIN_MINUTES) tally.within5Min += 1;
  }
  return tally;
}

export const addAccuracy = (a: AccuracyTally, b: AccuracyTally): AccuracyTally => ({
  n: a.n + b.n,
  withoutEstimate: a.withoutEstimate + b.withoutEstimate,
  absError: a.absError + b.absError,
  error: a.error + b.error,
  withinRange: a.withinRange + b.withinRange,
  within5Min: a.within5Min + b.within5Min,
});

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Minutes to 0.1; shares in percent to 0.1; all 0 when no ticket counts. */
export function accuracyFigures(t: AccuracyTally): EstimateAccuracy {
  const per = (x: number) => (t.n ? x / t.n : 0);
  return {
    n: t.n,
    maeMinutes: round1(per(t.absError)),
    withinRangeShare: round1(per(t.withinRange) * 100),
    biasMinutes: round1(per(t.error)),
    within5MinShare: round1(per(t.within5Min) * 100),
    withoutEstimate: t.withoutEstimate,
  };
}

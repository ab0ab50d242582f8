// Today's share of called customers who had already left (no-shows), and how long a counter
// loses on each: shrunk towards a prior while the day is young. A customer who left still
// holds a waiting ticket until a counter reaches it, so the estimator must not count them as
// a whole service.
import type { LobbyState } from '../../common/domain.js';

export interface NoShows {
  share: number;
  /** Minutes from the call to the no-show. */
  minutes: number;
}

const PRIOR_MINUTES = 1;
const PRIOR_MINUTES_WEIGHT = 3;

export function learntNoShows(state: LobbyState, priorShare: number, priorWeight: number): NoShows {
  let done = 0;
  let gone = 0;
  let lost = 0;
  for (const t of Object.values(state.tickets)) {
    if (t.status === 'done') done++;
    else if (t.status === 'no_show' && t.calledAt !== null) {
      gone++;
      lost += Math.max(0, ((t.finishedAt ?? t.calledAt) - t.calledAt) / 60_000);
    }
  }
  return {
    share: (priorShare * priorWeight + gone) / (priorWeight + done + gone),
    minutes: (PRIOR_MINUTES * PRIOR_MINUTES_WEIGHT + lost) / (PRIOR_MINUTES_WEIGHT + gone),
  };
}

/**
 * Today's leaving rate per minute waited (exponential patience, as in Erlang-A): a customer
 * leaves after waiting, so the share of tickets that will have left by the time a counter
 * reaches them grows with how long they will have waited by then. Learnt from the tickets
 * counters have reached: a ticket reached after w minutes was a no-show with probability
 * 1 − e^(−λw). Maximum likelihood, with a prior worth `priorMinutes` minutes of waiting at
 * `priorPerMinute`, so a young day leans on the prior. Why not today's no-show share: on an
 * overloaded day the tickets reached so far waited far less than those still waiting, and
 * the share lags far behind (pension day: 12% learnt at 15:00, a fifth or more of the
 * customers waiting then leave).
 */
export function learntLeavingRate(state: LobbyState, priorPerMinute: number, priorMinutes: number): number {
  const goneWaits: number[] = [];
  let stayedMinutes = 0;
  for (const t of Object.values(state.tickets)) {
    if (t.calledAt === null) continue;
    const w = Math.max(0, (t.calledAt - t.issuedAt) / 60_000);
    if (t.status === 'no_show') goneWaits.push(w);
    // A called customer may still turn out gone: not counted until the counter knows.
    else if (t.status !== 'called') stayedMinutes += w;
  }
  return leavingRate(goneWaits, stayedMinutes, priorPerMinute, priorMinutes);
}

/**
 * The maximum-likelihood leaving rate of reached tickets: `goneWaits` the waits of those who
 * had left (no-shows), `stayedMinutes` the total wait of those who had not, with a prior of
 * `priorPerMinute` worth `priorMinutes` minutes of waiting. Also what the hub learns from its
 * past days' tickets (day-kinds.ts), which then serves as today's prior.
 */
export function leavingRate(goneWaits: readonly number[], stayedMinutes: number, priorPerMinute: number, priorMinutes: number): number {
  const priorEvents = priorPerMinute * priorMinutes;
  // The score of the log-likelihood (with the prior as a gamma density) falls with λ: bisect.
  const score = (rate: number): number => {
    let s = priorEvents / rate - priorMinutes - stayedMinutes;
    for (const w of goneWaits) s += w > 0 ? w / Math.expm1(rate * w) : 1 / rate;
    return s;
  };
  let low = 1e-7;
  let high = 1;
  if (score(high) >= 0) return high;
  for (let i = 0; i < 40; i++) {
    const mid = Math.sqrt(low * high);
    if (score(mid) > 0) low = mid;
    else high = mid;
  }
  return Math.sqrt(low * high);
}

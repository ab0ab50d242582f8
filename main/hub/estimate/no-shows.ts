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

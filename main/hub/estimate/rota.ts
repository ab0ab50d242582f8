// The branch's staffing rota: the counter pauses the lobby manager plans ahead (who goes to
// lunch when). A hub that knows that two counters stop at 11:30 can tell the 11:00 customer
// so, instead of promising a wait that assumes eight counters (bench/README.md).
//
// Stored as the branch setting `estimate.rota` (JSON, validated by `StaffRota`); clock times
// are the branch's local time. A planned pause is a plan, not an event: the counter still
// finishes its customer first, and a counter already paused comes back at the rota's end.
import { PlannedPause, StaffRota } from '../../common/rota.js';

export { PlannedPause, StaffRota };

/** Where the rota is kept in the settings table. */
export const ROTA_SETTING = 'estimate.rota';

export interface PauseWindow {
  counter: string;
  reason: PlannedPause['reason'];
  /** Epoch milliseconds. */
  from: number;
  until: number;
}

const MINUTE = 60_000;

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Local midnight of the day holding `now`, for a zone `utcOffsetMinutes` east of UTC. */
export function localMidnight(now: number, utcOffsetMinutes: number): number {
  const local = now + utcOffsetMinutes * MINUTE;
  return local - (((local % (1440 * MINUTE)) + 1440 * MINUTE) % (1440 * MINUTE)) - utcOffsetMinutes * MINUTE;
}

/** The rota's pauses on the day of `now`, as absolute times. */
export function pauseWindows(rota: StaffRota, now: number, utcOffsetMinutes: number): PauseWindow[] {
  const midnight = localMidnight(now, utcOffsetMinutes);
  return rota.map((p) => ({ counter: p.counter, reason: p.reason, from: midnight + minutesOf(p.from) * MINUTE, until: midnight + minutesOf(p.until) * MINUTE }));
}

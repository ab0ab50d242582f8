// The trend of each queue's new-ticket estimate, kept by the console from the live feed: a
// short history per service, and whether it is rising against a few minutes ago. Pure.
import type { ApiQueue } from '../../main/common/api';

export interface TrendPoint {
  at: number;
  /**
   * The new-ticket estimate; null while nobody serves the service (estimate.closed): its
   * minutes are then the estimator's stand-in, which no screen shows, so the trend keeps none.
   */
  minutes: number | null;
}
export type Trends = Record<string, TrendPoint[]>;

/** Points older than this are dropped: the console shows the last half hour. */
export const TREND_WINDOW_MS = 30 * 60_000;
/** "Rising" compares with the value this long ago (or the oldest we have). */
export const TREND_LOOKBACK_MS = 5 * 60_000;

export function addPoints(trends: Trends, queues: ApiQueue[], at: number): Trends {
  const out: Trends = {};
  for (const q of queues) {
    const old = (trends[q.service] ?? []).filter((p) => at - p.at <= TREND_WINDOW_MS);
    const last = old.at(-1);
    const minutes = q.estimate.closed ? null : q.estimate.minutes;
    // One point per change: the same value again adds nothing but noise.
    out[q.service] = last && last.minutes === minutes ? old : [...old, { at, minutes }];
  }
  return out;
}

export type Direction = 'up' | 'down' | 'flat';

/**
 * Up or down when the estimate moved by at least a minute against the lookback; flat while the
 * service is closed (nothing moves), and measured against open points only.
 */
export function direction(points: TrendPoint[], now: number): Direction {
  const last = points.at(-1);
  if (!last || last.minutes === null) return 'flat';
  const open = points.filter((p): p is { at: number; minutes: number } => p.minutes !== null);
  const base = [...open].reverse().find((p) => now - p.at >= TREND_LOOKBACK_MS) ?? open[0]!;
  const delta = last.minutes - base.minutes;
  if (delta >= 1) return 'up';
  if (delta <= -1) return 'down';
  return 'flat';
}

// Whether one predictor's MAE differs from another's by more than the noise of a finite
// bench: the paired difference of absolute errors over the same predictions, with a 95%
// interval (consecutive predictions of a day share one future, so their errors are
// correlated and an i.i.d. standard error would be too small). Over DAY_BATCHES days or more
// the days are the batches (each day's mean difference; days are independent); with fewer
// days, batch means over 20 runs of consecutive predictions.
import type { Prediction } from './evaluate.js';
import { meanInterval } from './intervals.js';

/** From this many days on, the interval is taken over days. */
export const DAY_BATCHES = 10;

/** Student's t, 97.5th percentile, 19 degrees of freedom. */
const T_19 = 2.093;
const BATCHES = 20;

export interface PairedDifference {
  /** Mean of |error of a| − |error of b| (minutes): positive when a is worse. */
  mean: number;
  /** Half-width of the 95% interval. */
  halfWidth: number;
  n: number;
}

export function pairedDifference(rows: readonly Prediction[], a: string, b: string): PairedDifference {
  const key = (r: Prediction): string => `${r.day}|${r.ticket}|${r.at}|${r.moment}`;
  const other = new Map(rows.filter((r) => r.predictor === b).map((r) => [key(r), r]));
  const diffs = rows
    .filter((r) => r.predictor === a && other.has(key(r)))
    .sort((x, y) => x.day - y.day || x.at - y.at)
    .map((r) => Math.abs(r.minutes - r.realised) - Math.abs(other.get(key(r))!.minutes - r.realised));
  const n = diffs.length;
  const mean = diffs.reduce((s, d) => s + d, 0) / Math.max(1, n);
  const days = new Set(rows.map((r) => r.day));
  if (days.size >= DAY_BATCHES) {
    const byDay = new Map<number, { sum: number; n: number }>();
    for (const r of rows) {
      if (r.predictor !== a || !other.has(key(r))) continue;
      const d = byDay.get(r.day) ?? { sum: 0, n: 0 };
      d.sum += Math.abs(r.minutes - r.realised) - Math.abs(other.get(key(r))!.minutes - r.realised);
      d.n++;
      byDay.set(r.day, d);
    }
    // Weighted as the pooled mean is (by predictions), the spread from the days.
    return { mean, halfWidth: meanInterval([...byDay.values()].map((d) => d.sum / d.n)).halfWidth, n };
  }
  if (n < 2 * BATCHES) return { mean, halfWidth: Number.POSITIVE_INFINITY, n };
  const size = Math.floor(n / BATCHES);
  const means = Array.from({ length: BATCHES }, (_, i) => {
    const batch = diffs.slice(i * size, i === BATCHES - 1 ? n : (i + 1) * size);
    return batch.reduce((s, d) => s + d, 0) / batch.length;
  });
  const m = means.reduce((s, x) => s + x, 0) / BATCHES;
  const sd = Math.sqrt(means.reduce((s, x) => s + (x - m) ** 2, 0) / (BATCHES - 1));
  return { mean, halfWidth: (T_19 * sd) / Math.sqrt(BATCHES), n };
}

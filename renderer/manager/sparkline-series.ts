// What the console's sparkline draws from a queue's trend (estimate-trend.ts): the estimate as a
// line, broken where the service was closed, and the closed stretches themselves, which the
// chart shades and labels "暂未开放" / "closed" instead of plotting the estimator's stand-in
// minutes (issue 15: a closed corporate queue's line read as a 10-minute wait). Pure.
import type { TrendPoint } from './estimate-trend';

export interface SparklineSeries {
  /** [time, minutes] pairs; null minutes break the line (ECharts draws no segment across them). */
  line: [number, number | null][];
  /** Closed stretches, [from, until]: from the point that said closed to the next open one, or to now. */
  closed: [number, number][];
  /** Which stretches are wide enough for the word: the chart is 110 px, the word about 45. */
  labelled: boolean[];
}

/** The least share of the drawn time a stretch needs for its word to fit. */
export const LABEL_SHARE = 0.4;

export function sparklineSeries(points: readonly TrendPoint[], now: number): SparklineSeries {
  const line: [number, number | null][] = points.map((p) => [p.at, p.minutes]);
  const closed: [number, number][] = [];
  let from: number | null = null;
  for (const p of points) {
    if (p.minutes === null && from === null) from = p.at;
    else if (p.minutes !== null && from !== null) {
      closed.push([from, p.at]);
      from = null;
    }
  }
  if (from !== null) closed.push([from, Math.max(now, from)]);
  // A stretch still closed must reach now on the time axis, or it would be a single instant.
  if (from !== null) line.push([Math.max(now, from), null]);
  const start = points[0]?.at ?? now;
  const span = Math.max(now, points.at(-1)?.at ?? now) - start;
  const labelled = closed.map(([a, b]) => span <= 0 || (b - a) / span >= LABEL_SHARE);
  return { line, closed, labelled };
}

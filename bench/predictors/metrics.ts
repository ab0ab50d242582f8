// Scoring predictions against realised waits (minutes). error = predicted − realised, so a
// negative error is a customer called later than promised.
export interface Scored {
  predicted: number;
  low: number;
  high: number;
  realised: number;
}

export interface Metrics {
  n: number;
  meanWait: number;
  mae: number;
  rmse: number;
  bias: number;
  /** Mean squared error / squared mean realised wait (Ibrahim & Whitt). */
  rase: number;
  /** Shares (0–1). */
  within2: number;
  within20pct: number;
  under2: number;
  under5: number;
  p90AbsError: number;
  /** Share of realised waits inside the printed low–high range. */
  coverage: number;
  /**
   * Relative width of the printed range, (high − low) / max(estimate, 1 min): its median and
   * 90th percentile over the rows (issue 15: ≤ 1.0 and ≤ 2.0 for Atrium). The floor of one
   * minute: an estimate of 0 (an idle counter can call now) or a few seconds has no width
   * relative to it worth the name (any range over it is "infinitely" wide), while a customer
   * reads "0–2 min" as plain; one minute is also the screens' resolution.
   */
  rangeWidthMedian: number;
  rangeWidthP90: number;
}

/** The denominator's floor for the relative width of a range, minutes (see Metrics). */
export const WIDTH_FLOOR_MINUTES = 1;

/** (high − low) / max(estimate, WIDTH_FLOOR_MINUTES). */
export function relativeWidth(r: { predicted: number; low: number; high: number }): number {
  return (r.high - r.low) / Math.max(r.predicted, WIDTH_FLOOR_MINUTES);
}

/** The q-quantile of sorted values as the metrics take it: the ⌈q·n⌉-th value. */
export function sortedQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export function score(rows: readonly Scored[]): Metrics {
  const n = rows.length;
  if (n === 0) return { n: 0, meanWait: NaN, mae: NaN, rmse: NaN, bias: NaN, rase: NaN, within2: NaN, within20pct: NaN, under2: NaN, under5: NaN, p90AbsError: NaN, coverage: NaN, rangeWidthMedian: NaN, rangeWidthP90: NaN };
  let sumWait = 0;
  let sumAbs = 0;
  let sumSq = 0;
  let sumErr = 0;
  let within2 = 0;
  let within20 = 0;
  let under2 = 0;
  let under5 = 0;
  let covered = 0;
  const abs: number[] = [];
  const widths: number[] = [];
  for (const r of rows) {
    const e = r.predicted - r.realised;
    sumWait += r.realised;
    sumAbs += Math.abs(e);
    sumSq += e * e;
    sumErr += e;
    if (Math.abs(e) <= 2) within2++;
    if (Math.abs(e) <= 0.2 * r.realised) within20++;
    if (e < -2) under2++;
    if (e < -5) under5++;
    if (r.realised >= r.low && r.realised <= r.high) covered++;
    abs.push(Math.abs(e));
    widths.push(relativeWidth(r));
  }
  abs.sort((a, b) => a - b);
  widths.sort((a, b) => a - b);
  const meanWait = sumWait / n;
  return {
    n,
    meanWait: r3(meanWait),
    mae: r3(sumAbs / n),
    rmse: r3(Math.sqrt(sumSq / n)),
    bias: r3(sumErr / n),
    rase: r3(sumSq / n / (meanWait * meanWait)),
    within2: r3(within2 / n),
    within20pct: r3(within20 / n),
    under2: r3(under2 / n),
    under5: r3(under5 / n),
    p90AbsError: r3(sortedQuantile(abs, 0.9)),
    coverage: r3(covered / n),
    rangeWidthMedian: r3(sortedQuantile(widths, 0.5)),
    rangeWidthP90: r3(sortedQuantile(widths, 0.9)),
  };
}

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
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export function score(rows: readonly Scored[]): Metrics {
  const n = rows.length;
  if (n === 0) return { n: 0, meanWait: NaN, mae: NaN, rmse: NaN, bias: NaN, rase: NaN, within2: NaN, within20pct: NaN, under2: NaN, under5: NaN, p90AbsError: NaN, coverage: NaN };
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
  }
  abs.sort((a, b) => a - b);
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
    p90AbsError: r3(abs[Math.min(n - 1, Math.ceil(0.9 * n) - 1)]!),
    coverage: r3(covered / n),
  };
}

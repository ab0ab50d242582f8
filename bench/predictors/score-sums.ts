// Metrics of many predictions kept as sums and histograms, so a day can be stored small and
// days added up later: the screen updates of a scored day (every waiting ticket every 10
// minutes, several times the ticket-issue rows) are kept this way in its day file
// (day-record.ts) instead of row by row. Means are exact; the 90th percentile of the absolute
// error comes from a histogram of 0.25-min bins (so within 0.125 min) and the range widths'
// quantiles from one of 0.05 bins (within 0.025): coarse enough to keep a day's file small.
import { relativeWidth, type Metrics, type Scored } from './metrics.js';

export interface ScoreSums {
  n: number;
  wait: number;
  abs: number;
  sq: number;
  err: number;
  within2: number;
  within20: number;
  under2: number;
  under5: number;
  covered: number;
  /** Absolute error in quarters of a minute (rounded) → count. */
  absHist: Record<string, number>;
  /** Relative width in twentieths (rounded) → count. */
  widthHist: Record<string, number>;
}

const ABS_BIN = 0.25;
const WIDTH_BIN = 0.05;

export function emptySums(): ScoreSums {
  return { n: 0, wait: 0, abs: 0, sq: 0, err: 0, within2: 0, within20: 0, under2: 0, under5: 0, covered: 0, absHist: {}, widthHist: {} };
}

const bump = (h: Record<string, number>, key: number, by = 1): void => {
  h[key] = (h[key] ?? 0) + by;
};

export function addRow(s: ScoreSums, r: Scored): void {
  const e = r.predicted - r.realised;
  s.n++;
  s.wait += r.realised;
  s.abs += Math.abs(e);
  s.sq += e * e;
  s.err += e;
  if (Math.abs(e) <= 2) s.within2++;
  if (Math.abs(e) <= 0.2 * r.realised) s.within20++;
  if (e < -2) s.under2++;
  if (e < -5) s.under5++;
  if (r.realised >= r.low && r.realised <= r.high) s.covered++;
  bump(s.absHist, Math.round(Math.abs(e) / ABS_BIN));
  bump(s.widthHist, Math.round(relativeWidth(r) / WIDTH_BIN));
}

export function addSums(into: ScoreSums, s: ScoreSums): void {
  for (const k of ['n', 'wait', 'abs', 'sq', 'err', 'within2', 'within20', 'under2', 'under5', 'covered'] as const) into[k] += s[k];
  for (const [k, v] of Object.entries(s.absHist)) bump(into.absHist, Number(k), v);
  for (const [k, v] of Object.entries(s.widthHist)) bump(into.widthHist, Number(k), v);
}

/** The ⌈q·n⌉-th value of the histogram, as metrics.ts takes a quantile of sorted values. */
function histQuantile(h: Record<string, number>, n: number, q: number, unit: number): number {
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (const k of Object.keys(h).map(Number).sort((a, b) => a - b)) {
    seen += h[k]!;
    if (seen >= rank) return k * unit;
  }
  return NaN;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export function metricsOf(s: ScoreSums): Metrics {
  const n = s.n;
  if (n === 0) return { n: 0, meanWait: NaN, mae: NaN, rmse: NaN, bias: NaN, rase: NaN, within2: NaN, within20pct: NaN, under2: NaN, under5: NaN, p90AbsError: NaN, coverage: NaN, rangeWidthMedian: NaN, rangeWidthP90: NaN };
  const meanWait = s.wait / n;
  return {
    n,
    meanWait: r3(meanWait),
    mae: r3(s.abs / n),
    rmse: r3(Math.sqrt(s.sq / n)),
    bias: r3(s.err / n),
    rase: r3(s.sq / n / (meanWait * meanWait)),
    within2: r3(s.within2 / n),
    within20pct: r3(s.within20 / n),
    under2: r3(s.under2 / n),
    under5: r3(s.under5 / n),
    p90AbsError: r3(histQuantile(s.absHist, n, 0.9, ABS_BIN)),
    coverage: r3(s.covered / n),
    rangeWidthMedian: r3(histQuantile(s.widthHist, n, 0.5, WIDTH_BIN)),
    rangeWidthP90: r3(histQuantile(s.widthHist, n, 0.9, WIDTH_BIN)),
  };
}

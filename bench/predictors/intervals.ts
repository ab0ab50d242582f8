// Day-level 95% intervals: a day's predictions share one future (one lunch, one busy
// afternoon), so they are not independent, but days are: the interval of a figure is taken
// over its per-day values with Student's t on (days − 1) degrees of freedom.

/** Student's t, 97.5th percentile, for `df` degrees of freedom (Cornish–Fisher; within 0.3% from df = 3). */
export function t975(df: number): number {
  if (df < 1) return Number.POSITIVE_INFINITY;
  const exact = [12.706, 4.303, 3.182, 2.776, 2.571];
  if (df <= exact.length) return exact[df - 1]!;
  const z = 1.959964;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

export interface Interval {
  mean: number;
  /** Half-width of the 95% interval (Infinity with fewer than two values). */
  halfWidth: number;
  n: number;
}

/** Mean of the values with the 95% t interval of that mean. */
export function meanInterval(values: readonly number[]): Interval {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, n);
  if (n < 2) return { mean, halfWidth: Number.POSITIVE_INFINITY, n };
  const sd = Math.sqrt(values.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  return { mean, halfWidth: (t975(n - 1) * sd) / Math.sqrt(n), n };
}

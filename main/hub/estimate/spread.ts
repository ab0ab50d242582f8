// From a mean and variance of the wait to the {minutes, low, high} shown to the customer.
// A wait is a sum of service times, so it is skewed like a gamma distribution (exactly so for
// exponential services); the band is its 10th–90th percentile by the Wilson–Hilferty
// approximation, which stays ≥ 0 and is close even for one departure (k = 1: 0.10·m–2.28·m,
// exact 0.105·m–2.30·m). Minutes are rounded to 0.1: screens round further as they like,
// and the benchmark should not be scored on rounding.
import type { Estimate } from '../../common/domain.js';

/** z of the 90th percentile: the band is 10th–90th. */
export const Z90 = 1.2815515655446004;

const round = (x: number): number => Math.round(x * 10) / 10;

export function gammaQuantile(mean: number, variance: number, z: number): number {
  if (mean <= 0) return 0;
  if (variance <= 0) return mean;
  const shape = (mean * mean) / variance;
  const c = 1 / (9 * shape);
  const base = 1 - c + z * Math.sqrt(c);
  return base <= 0 ? 0 : mean * base * base * base;
}

export function toEstimate(meanMinutes: number, varianceMinutes2: number, z: number = Z90): Estimate {
  const minutes = round(Math.max(0, meanMinutes));
  const low = round(gammaQuantile(meanMinutes, varianceMinutes2, -z));
  const high = round(gammaQuantile(meanMinutes, varianceMinutes2, z));
  // Rounding must not break low ≤ minutes ≤ high.
  return { minutes, low: Math.min(low, minutes), high: Math.max(high, minutes) };
}

export interface Band {
  /** z of the upper quantile (Z90: the 10th–90th percentile). */
  z: number;
  /** Factors on the runs' standard deviation below and above the estimate. */
  below: number;
  above: number;
  /** Least distance of each end from the estimate, where the estimate allows it. */
  minMinutes: number;
}

/**
 * The estimate and range from a Monte Carlo's runs: their mean, and gamma quantiles around it
 * from their variance times the band's factors. Why not the runs' own quantiles: a crowded
 * lobby gets as few as 6 runs, whose 4th and 96th percentiles are just the extremes, so the
 * printed range narrowed and widened with the number of runs; a variance is estimated without
 * that bias at any number of runs.
 */
export function rangeFromRuns(runs: readonly number[], band: Band): Estimate {
  const n = runs.length;
  if (n === 0) return { minutes: 0, low: 0, high: 0 };
  const mean = runs.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? runs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  const low = Math.min(gammaQuantile(mean, variance * band.below ** 2, -band.z), mean - band.minMinutes);
  const high = Math.max(gammaQuantile(mean, variance * band.above ** 2, band.z), mean + band.minMinutes);
  const minutes = round(Math.max(0, mean));
  return { minutes, low: Math.min(round(Math.max(0, low)), minutes), high: Math.max(round(high), minutes) };
}

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

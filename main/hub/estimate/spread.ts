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

/**
 * A quiet lobby's estimate and range (issue 15): the runs' mean, and the narrowest range in
 * whole minutes holding `mass` of the runs' own call times. Why not a band around the mean:
 * with one or two jobs ahead the wait is skewed and, behind a job in progress, piled up near
 * zero (the rest of a lognormal job, CV 0.8, a few minutes in has its 10th percentile at a
 * tenth of its mean); a gamma band fitted to the runs' mean and variance, or their 10th–90th
 * percentiles, spend width on both tails, 2.0–2.2 times the estimate, where the narrowest
 * interval of the same mass starts at 0 ("within 4 min") and is 1.5 times it.
 *
 * Why whole minutes: screens show whole minutes, widened outwards (a range is a promise), and
 * that widening added up to a minute to a 4-minute estimate's range. A whole-minute range
 * holds a share of the runs that jumps with each minute (one service of 3.5 minutes ahead:
 * 1–5 min holds 73% of them, 1–6 min 82%), so the range is the one whose share is nearest
 * `mass`: the narrowest holding at least `mass`, or one minute narrower where that holds a
 * share nearer to it. Over many states the ranges then hold `mass` of the runs on average, not
 * more (so of real waits, when the runs are right).
 *
 * It needs enough runs that `mass` of them is not their extremes: a quiet lobby has few
 * tickets, so the caller runs hundreds. The estimate stays inside: where the runs have two
 * modes (a planned lunch that may come first) and the mean falls between them, the range
 * reaches it.
 */
export function narrowestRange(runs: readonly number[], mass: number): Estimate {
  const n = runs.length;
  if (n === 0) return { minutes: 0, low: 0, high: 0 };
  const x = [...runs].sort((a, b) => a - b);
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const k = Math.min(n, Math.max(1, Math.ceil(mass * n)));
  /** Index of the first run above `v` (above or at, with `orAt`). */
  const after = (v: number, orAt: boolean): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (orAt ? x[mid]! < v : x[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const centred = (a: { low: number; high: number }) => Math.abs((a.low + a.high) / 2 - mean);
  // Every candidate low is the whole minute below some run. The narrowest with k runs: from
  // the first run at or above the low, the whole minute above the k-th.
  let best = { low: Math.floor(x[0]!), high: Math.ceil(x[n - 1]!), count: n };
  for (let i = 0; i + k - 1 < n; i++) {
    const low = Math.floor(x[i]!);
    const high = Math.ceil(x[after(low, true) + k - 1]!);
    const count = after(high, false) - after(low, true);
    const width = high - low;
    const bestWidth = best.high - best.low;
    if (width < bestWidth || (width === bestWidth && (count > best.count || (count === best.count && centred({ low, high }) < centred(best))))) best = { low, high, count };
  }
  // One minute narrower, the most runs it can hold: taken where that share is nearer `mass`.
  const width = best.high - best.low - 1;
  if (width >= 1) {
    let narrower = { low: 0, high: 0, count: -1 };
    for (let i = 0; i < n; i++) {
      const low = Math.floor(x[i]!);
      const count = after(low + width, false) - after(low, true);
      if (count > narrower.count || (count === narrower.count && centred({ low, high: low + width }) < centred(narrower))) narrower = { low, high: low + width, count };
    }
    if (mass * n - narrower.count < best.count - mass * n) best = narrower;
  }
  const minutes = round(Math.max(0, mean));
  const low = Math.max(0, Math.min(best.low, Math.floor(minutes)));
  const high = Math.max(best.high, Math.ceil(minutes), low + 1);
  return { minutes, low, high };
}

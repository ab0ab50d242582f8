import { describe, expect, it } from 'vitest';
import { gammaQuantile, rangeFromRuns, toEstimate, Z90 } from './spread.js';

describe('the 10th–90th percentile band', () => {
  it('matches the exponential (one departure) closely', () => {
    // Exact: −ln(0.9)·m = 0.105·m and −ln(0.1)·m = 2.303·m.
    expect(gammaQuantile(5, 25, -Z90)).toBeCloseTo(0.105 * 5, 1);
    expect(gammaQuantile(5, 25, Z90)).toBeCloseTo(2.303 * 5, 0);
  });

  it('matches a sum of 16 exponentials (gamma, shape 16)', () => {
    // Gamma(16, 1) = χ²(32)/2: 10th percentile 22.27/2 = 11.14, 90th 42.58/2 = 21.29.
    expect(gammaQuantile(16, 16, -Z90)).toBeCloseTo(11.14, 1);
    expect(gammaQuantile(16, 16, Z90)).toBeCloseTo(21.29, 1);
  });

  it('rounds to 0.1 minute and keeps 0 ≤ low ≤ minutes ≤ high', () => {
    expect(toEstimate(12.345, 9)).toMatchObject({ minutes: 12.3 });
    expect(toEstimate(0, 0)).toEqual({ minutes: 0, low: 0, high: 0 });
    expect(toEstimate(7, 0)).toEqual({ minutes: 7, low: 7, high: 7 });
    for (const [m, v] of [[0.04, 1], [0.5, 100], [3, 0.0001], [40, 400]] as const) {
      const e = toEstimate(m, v);
      expect(e.low).toBeGreaterThanOrEqual(0);
      expect(e.low).toBeLessThanOrEqual(e.minutes);
      expect(e.minutes).toBeLessThanOrEqual(e.high);
    }
  });
});

describe('the range from Monte Carlo runs', () => {
  const plain = { z: Z90, below: 1, above: 1, minMinutes: 0 };

  it('is the gamma 10th–90th percentile of the runs\' mean and variance, widened by the band\'s factors', () => {
    // Runs 10, 20, 30: mean 20, sample variance 100.
    const e = rangeFromRuns([30, 10, 20], plain);
    expect(e.minutes).toBe(20);
    expect(e.low).toBeCloseTo(gammaQuantile(20, 100, -Z90), 1);
    expect(e.high).toBeCloseTo(gammaQuantile(20, 100, Z90), 1);
    const wide = rangeFromRuns([30, 10, 20], { ...plain, below: 1.5, above: 2 });
    expect(wide.low).toBeCloseTo(gammaQuantile(20, 225, -Z90), 1);
    expect(wide.high).toBeCloseTo(gammaQuantile(20, 400, Z90), 1);
  });

  it('does not narrow with fewer runs of the same spread, as extreme quantiles of the runs did', () => {
    // Six runs and sixty of the same distribution (an even spread from 10 to 30 minutes).
    const few = Array.from({ length: 6 }, (_, i) => 10 + (20 * i) / 5);
    const many = Array.from({ length: 60 }, (_, i) => 10 + (20 * i) / 59);
    const a = rangeFromRuns(few, plain);
    const b = rangeFromRuns(many, plain);
    expect(a.high - a.low).toBeGreaterThan(0.95 * (b.high - b.low));
  });

  it('keeps at least the least half-width, 0 ≤ low ≤ minutes ≤ high, and a single run', () => {
    const e = rangeFromRuns([5, 5, 5], { ...plain, minMinutes: 1 });
    expect(e).toEqual({ minutes: 5, low: 4, high: 6 });
    expect(rangeFromRuns([0.2, 0.3], { ...plain, minMinutes: 1 }).low).toBe(0);
    expect(rangeFromRuns([7], plain)).toEqual({ minutes: 7, low: 7, high: 7 });
    expect(rangeFromRuns([], plain)).toEqual({ minutes: 0, low: 0, high: 0 });
  });
});

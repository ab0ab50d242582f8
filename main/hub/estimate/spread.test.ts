import { describe, expect, it } from 'vitest';
import { drawRemaining, seededRandom } from './sampling.js';
import { gammaQuantile, narrowestRange, rangeFromRuns, toEstimate, Z90 } from './spread.js';

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

describe("a quiet lobby's range: the narrowest whole-minute range of the runs", () => {
  const repeat = (n: number, x: number) => Array.from({ length: n }, () => x);

  it('starts at zero behind a job in progress, where its rest piles up, and is narrower than the gamma band of the same runs', () => {
    // The rest of a 20-minute corporate job (CV 0.8) five minutes in.
    const u = seededRandom(7);
    const runs = Array.from({ length: 400 }, () => drawRemaining(20, 0.8, 5, u));
    const e = narrowestRange(runs, 0.8);
    expect(e.low).toBe(0);
    const held = runs.filter((x) => x >= e.low && x <= e.high).length / runs.length;
    expect(held).toBeGreaterThanOrEqual(0.78);
    expect(held).toBeLessThanOrEqual(0.84);
    const gamma = rangeFromRuns(runs, { z: Z90, below: 1, above: 1, minMinutes: 0.5 });
    expect(e.high - e.low).toBeLessThan(0.85 * (Math.ceil(gamma.high) - Math.floor(gamma.low)));
  });

  it('has whole-minute ends and holds the share nearest the mass: one minute narrower where that is nearer', () => {
    // 79 runs at 3 min, 9 at 5.5, 12 at 8: 3–6 holds 88%, 3–5 holds 79%, nearer 80%.
    expect(narrowestRange([...repeat(79, 3), ...repeat(9, 5.5), ...repeat(12, 8)], 0.8)).toEqual({ minutes: 3.8, low: 3, high: 5 });
    // 73 at 3, 9 at 5.5, 18 at 8: 3–5 would hold 73%, 3–6 holds 82%, nearer.
    expect(narrowestRange([...repeat(73, 3), ...repeat(9, 5.5), ...repeat(18, 8)], 0.8)).toEqual({ minutes: 4.1, low: 3, high: 6 });
  });

  it('reaches the estimate where the runs have two modes and the mean falls between them', () => {
    // A planned lunch comes first in 15% of the runs.
    const e = narrowestRange([...repeat(85, 5), ...repeat(15, 120)], 0.8);
    expect(e.minutes).toBe(22.3);
    expect(e.low).toBe(5);
    expect(e.high).toBe(23);
  });

  it('keeps 0 ≤ low ≤ minutes ≤ high, at least a minute wide, for empty, single and equal runs', () => {
    expect(narrowestRange([], 0.8)).toEqual({ minutes: 0, low: 0, high: 0 });
    expect(narrowestRange([7], 0.8)).toEqual({ minutes: 7, low: 7, high: 8 });
    expect(narrowestRange([0, 0, 0], 0.8)).toEqual({ minutes: 0, low: 0, high: 1 });
    expect(narrowestRange([0.2, 0.4, 0.3], 0.8)).toEqual({ minutes: 0.3, low: 0, high: 1 });
  });
});

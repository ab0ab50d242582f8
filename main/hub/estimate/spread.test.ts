import { describe, expect, it } from 'vitest';
import { gammaQuantile, toEstimate, Z90 } from './spread.js';

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

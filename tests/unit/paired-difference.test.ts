// The bench's test of "no worse than": a paired difference of absolute errors with a 95%
// interval by batch means.
import { describe, expect, it } from 'vitest';
import type { Prediction } from '../../bench/predictors/evaluate.js';
import { pairedDifference } from '../../bench/predictors/paired.js';

function rows(predictor: string, errors: (i: number) => number, n = 400): Prediction[] {
  return Array.from({ length: n }, (_, i) => ({
    predictor,
    moment: 'issue' as const,
    ticket: `t${i}`,
    day: 0,
    priority: 'normal' as const,
    hour: 9,
    at: i * 60_000,
    minutes: 10 + errors(i),
    low: 0,
    high: 20,
    realised: 10,
    result: 'served' as const,
    delayed: true,
  }));
}

describe('paired difference of absolute errors', () => {
  it('is the mean difference, positive when the first predictor is worse, with a narrow interval for a steady gap', () => {
    const d = pairedDifference([...rows('a', (i) => (i % 2 ? 3 : -3)), ...rows('b', (i) => (i % 2 ? 2 : -2))], 'a', 'b');
    expect(d.n).toBe(400);
    expect(d.mean).toBeCloseTo(1, 9);
    expect(d.halfWidth).toBeCloseTo(0, 9);
  });

  it('gives an interval that holds 0 when two predictors differ only by noise', () => {
    // Same size of error, the larger one falling on either predictor at random (a fixed pseudo-random pattern).
    const coin = (i: number) => ((i * 2654435761) >>> 0) % 7 < 3;
    const d = pairedDifference([...rows('a', (i) => (coin(i) ? 4 : 1)), ...rows('b', (i) => (coin(i) ? 1 : 4))], 'a', 'b');
    expect(Math.abs(d.mean)).toBeGreaterThan(0);
    expect(d.mean - d.halfWidth).toBeLessThan(0);
    expect(d.mean + d.halfWidth).toBeGreaterThan(0);
  });

  it('pairs by prediction, ignoring rows the other predictor does not have, and has no interval from too few', () => {
    const d = pairedDifference([...rows('a', () => 2, 100), ...rows('b', () => 1, 30)], 'a', 'b');
    expect(d.n).toBe(30);
    expect(d.mean).toBeCloseTo(1, 9);
    expect(d.halfWidth).toBe(Number.POSITIVE_INFINITY);
  });
});

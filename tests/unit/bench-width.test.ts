// Issue 15's range width: (high − low) / max(estimate, 1 min), its median and 90th percentile
// over the rows (bench/predictors/metrics.ts), and the targets that judge Atrium's.
import { describe, expect, it } from 'vitest';
import { relativeWidth, score } from '../../bench/predictors/metrics.js';
import { WIDTH_MEDIAN_TARGET, WIDTH_P90_TARGET } from '../../bench/predictors/targets.js';

describe('the relative width of a printed range', () => {
  it('is the range over the estimate, an estimate under a minute counting as one', () => {
    expect(relativeWidth({ predicted: 10, low: 7, high: 15 })).toBeCloseTo(0.8);
    // An idle counter can call now: "0–2 min" is two minutes wide, not infinitely.
    expect(relativeWidth({ predicted: 0, low: 0, high: 2 })).toBeCloseTo(2);
    expect(relativeWidth({ predicted: 0.4, low: 0, high: 0.5 })).toBeCloseTo(0.5);
  });

  it('gives the median and the 90th percentile over the rows', () => {
    // Widths 0.1, 0.2, …, 1.0 (estimate 10, range 10·w wide).
    const rows = Array.from({ length: 10 }, (_, i) => ({ predicted: 10, low: 10, high: 10 + (i + 1), realised: 10 }));
    const m = score(rows);
    expect(m.rangeWidthMedian).toBeCloseTo(0.5);
    expect(m.rangeWidthP90).toBeCloseTo(0.9);
    // "13–203 min" for one waiting customer (issue 15) would miss both targets.
    expect(score([{ predicted: 40, low: 13, high: 203, realised: 30 }]).rangeWidthMedian).toBeGreaterThan(WIDTH_P90_TARGET);
    expect(WIDTH_MEDIAN_TARGET).toBe(1);
    expect(WIDTH_P90_TARGET).toBe(2);
  });
});

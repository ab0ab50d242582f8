import { describe, expect, it } from 'vitest';
import { sparklineSeries } from './sparkline-series';

const MIN = 60_000;

describe("the console sparkline's series", () => {
  it('breaks the line over a closed stretch and marks the stretch, never plotting its minutes', () => {
    const points = [
      { at: 0, minutes: 4 },
      { at: 2 * MIN, minutes: 5 },
      { at: 5 * MIN, minutes: null },
      { at: 20 * MIN, minutes: 7 },
    ];
    const s = sparklineSeries(points, 25 * MIN);
    expect(s.line).toEqual([
      [0, 4],
      [2 * MIN, 5],
      [5 * MIN, null],
      [20 * MIN, 7],
    ]);
    expect(s.closed).toEqual([[5 * MIN, 20 * MIN]]);
    // 15 of the 25 minutes drawn: wide enough for the word.
    expect(s.labelled).toEqual([true]);
  });

  it('leaves the word off a stretch too narrow for it, keeping the shade', () => {
    const s = sparklineSeries([{ at: 0, minutes: null }, { at: 20 * MIN, minutes: 5 }, { at: 27 * MIN, minutes: null }], 30 * MIN);
    expect(s.closed).toEqual([[0, 20 * MIN], [27 * MIN, 30 * MIN]]);
    expect(s.labelled).toEqual([true, false]);
  });

  it('runs a stretch still closed up to now, with the line broken to the end', () => {
    const s = sparklineSeries([{ at: 0, minutes: 3 }, { at: 10 * MIN, minutes: null }], 14 * MIN);
    expect(s.closed).toEqual([[10 * MIN, 14 * MIN]]);
    expect(s.line.filter(([, m]) => m !== null)).toEqual([[0, 3]]);
    expect(s.line.at(-1)).toEqual([14 * MIN, null]);
  });

  it('has no closed stretch for an always-open queue, and a queue closed throughout is all stretch, no number', () => {
    expect(sparklineSeries([{ at: 0, minutes: 3 }, { at: MIN, minutes: 4 }], 2 * MIN).closed).toEqual([]);
    const s = sparklineSeries([{ at: 0, minutes: null }], 6 * MIN);
    expect(s.closed).toEqual([[0, 6 * MIN]]);
    expect(s.line.every(([, m]) => m === null)).toBe(true);
  });
});

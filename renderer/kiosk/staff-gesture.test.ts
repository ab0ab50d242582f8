import { describe, expect, it } from 'vitest';
import { StaffGesture } from './staff-gesture';

describe('staff gesture', () => {
  it('opens on the fifth tap within 3 seconds', () => {
    const g = new StaffGesture();
    expect([0, 400, 800, 1200, 1600].map((t) => g.tap(t))).toEqual([false, false, false, false, true]);
  });
  it('does not open for taps spread over more than 3 seconds, nor for four taps', () => {
    const g = new StaffGesture();
    expect([0, 1000, 2000, 3000, 4000].map((t) => g.tap(t)).some(Boolean)).toBe(false);
    const h = new StaffGesture();
    expect([0, 100, 200, 300].map((t) => h.tap(t)).some(Boolean)).toBe(false);
  });
  it('counts afresh after opening', () => {
    const g = new StaffGesture();
    [0, 1, 2, 3, 4].forEach((t) => g.tap(t));
    expect(g.tap(5)).toBe(false);
  });
});

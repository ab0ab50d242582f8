import { describe, expect, it } from 'vitest';
import { isoOfLocal, localInputValue, suggestedTime } from './booking-time';

describe("the booking form's time", () => {
  it('round-trips a local time and refuses what is not one', () => {
    const ms = new Date(2026, 2, 3, 14, 30).getTime();
    expect(localInputValue(ms)).toBe('2026-03-03T14:30');
    expect(isoOfLocal('2026-03-03T14:30')).toBe(new Date(ms).toISOString());
    expect(isoOfLocal('')).toBeNull();
    expect(isoOfLocal('tomorrow')).toBeNull();
    expect(isoOfLocal('2026-02-30T10:00')).toBeNull();
    expect(isoOfLocal('2026-03-03T24:10')).toBeNull();
  });

  it('suggests the next half hour at least a quarter of an hour away', () => {
    expect(suggestedTime(new Date(2026, 2, 3, 9, 10).getTime())).toBe('2026-03-03T09:30');
    expect(suggestedTime(new Date(2026, 2, 3, 9, 20).getTime())).toBe('2026-03-03T10:00');
  });
});

import { describe, expect, it } from 'vitest';
import { ageOf } from './device-age';

const now = Date.parse('2026-03-02T10:00:00Z');
const ago = (ms: number) => ageOf(now - ms, now);

describe('ageOf', () => {
  it.each([
    [0, { unit: 'now', count: 0 }],
    [59_999, { unit: 'now', count: 0 }],
    [-30_000, { unit: 'now', count: 0 }],
    [60_000, { unit: 'minutes', count: 1 }],
    [3 * 60_000 + 59_000, { unit: 'minutes', count: 3 }],
    [59 * 60_000, { unit: 'minutes', count: 59 }],
    [60 * 60_000, { unit: 'hours', count: 1 }],
    [23 * 3_600_000 + 59 * 60_000, { unit: 'hours', count: 23 }],
    [24 * 3_600_000, { unit: 'days', count: 1 }],
    [9 * 24 * 3_600_000, { unit: 'days', count: 9 }],
  ])('%d ms ago is %o', (ms, age) => {
    expect(ago(ms)).toEqual(age);
  });
});

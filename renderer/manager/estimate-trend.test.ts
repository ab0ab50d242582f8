import { describe, expect, it } from 'vitest';
import type { ApiQueue } from '../../main/common/api';
import { addPoints, direction, TREND_WINDOW_MS } from './estimate-trend';

const q = (service: string, minutes: number): ApiQueue => ({
  service,
  prefix: 'A',
  nameZh: '',
  nameEn: '',
  waiting: 0,
  longestWaitMinutes: 0,
  estimate: { minutes, low: minutes, high: minutes },
});
const MIN = 60_000;

describe('estimate trend', () => {
  it('keeps one point per change within the window and says whether it rose against five minutes ago', () => {
    let tr = addPoints({}, [q('cash', 4)], 0);
    tr = addPoints(tr, [q('cash', 4)], MIN);
    tr = addPoints(tr, [q('cash', 6)], 6 * MIN);
    expect(tr.cash).toEqual([
      { at: 0, minutes: 4 },
      { at: 6 * MIN, minutes: 6 },
    ]);
    expect(direction(tr.cash!, 6 * MIN)).toBe('up');
    tr = addPoints(tr, [q('cash', 2)], 12 * MIN);
    expect(direction(tr.cash!, 12 * MIN)).toBe('down');
    tr = addPoints(tr, [q('cash', 2.5)], 12 * MIN + TREND_WINDOW_MS + 1);
    expect(tr.cash!.map((p) => p.minutes)).toEqual([2.5]);
    expect(direction(tr.cash!, 12 * MIN + TREND_WINDOW_MS + 1)).toBe('flat');
    expect(direction([], 0)).toBe('flat');
  });

  it('keeps no minutes while the service is closed: a null point, flat, and the rise measured on open points', () => {
    const closed = (minutes: number): ApiQueue => ({ ...q('corporate', minutes), estimate: { minutes, low: minutes, high: minutes, closed: { opensAt: '10:30' } } });
    let tr = addPoints({}, [q('corporate', 4)], 0);
    tr = addPoints(tr, [closed(30)], 2 * MIN);
    tr = addPoints(tr, [closed(31)], 3 * MIN);
    expect(tr.corporate).toEqual([
      { at: 0, minutes: 4 },
      { at: 2 * MIN, minutes: null },
    ]);
    expect(direction(tr.corporate!, 8 * MIN)).toBe('flat');
    tr = addPoints(tr, [q('corporate', 6)], 9 * MIN);
    expect(tr.corporate!.map((p) => p.minutes)).toEqual([4, null, 6]);
    expect(direction(tr.corporate!, 9 * MIN)).toBe('up');
  });
});

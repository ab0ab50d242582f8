// The break allowance counts only the breaks the forward runs do not simulate (bench/README.md
// round eight): a pause the rota plans is simulated from the rota, so the share learnt from past
// days leaves out the past days' pauses the rota planned.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { initialState } from '../queue/index.js';
import { DAY, MIN, queueOf, run, service, T0 } from '../queue/test-support.js';
import { learnBreakShare } from './branch-history.js';
import { readCounterDay, type CounterEvent } from './counter-days.js';
import { learnForDayKind, plannedByRota, type PastDay } from './day-kinds.js';
import { atriumPredictor } from './atrium.js';
import type { StaffRota } from './rota.js';

const DAY_MS = 86_400_000;
/** Counter 1's meeting, 02:00–02:30 UTC every day (T0 is 01:00 UTC). */
const ROTA: StaffRota = [{ counter: '1', from: '02:00', until: '02:30', reason: 'meeting' }];

/** Past day `i` (1: yesterday): counter 1 open 00:30–08:30 with the rota's meeting at 02:00–02:30 and, when `short`, a 10-minute unplanned break at 05:00. */
function pastDay(i: number, short = false): PastDay {
  const midnight = Date.UTC(2025, 0, 6) - i * DAY_MS;
  const at = (h: number, m = 0): number => midnight + (h * 60 + m) * MIN;
  const events: CounterEvent[] = [
    { type: 'counter.opened', at: at(0, 30), counter: '1' },
    { type: 'counter.paused', at: at(2, 1), counter: '1', reason: 'meeting' },
    { type: 'counter.resumed', at: at(2, 30), counter: '1' },
    ...(short
      ? [
          { type: 'counter.paused' as const, at: at(5), counter: '1', reason: 'other' as const },
          { type: 'counter.resumed' as const, at: at(5, 10), counter: '1' },
        ]
      : []),
    { type: 'day.closed', at: at(8, 30) },
  ];
  return { date: new Date(midnight).toISOString().slice(0, 10), kind: 'ordinary', tickets: [], jobs: [], walks: [], reached: [], counters: readCounterDay(events) };
}

const options = { clipAt: () => Number.POSITIVE_INFINITY, utcOffsetMinutes: 0 };

/** Cash (5 min), one counter open, `waiting` tickets issued at T0 + 1 min. */
function lobby(waiting: number, minutes = 5): LobbyState {
  const s = run(
    initialState(),
    [
      { type: 'service.define', service: service('cash', 'A', { priorServiceMinutes: minutes, maxWaitMinutes: 600 }) },
      { type: 'counter.define', counter: '1', services: ['cash'] },
      { type: 'counter.open', counter: '1', staffId: 't1' },
      { type: 'day.open', date: DAY },
    ],
    T0,
  );
  return queueOf(s, waiting);
}

describe('the break allowance and the rota', () => {
  it('leaves the past days\' pauses the rota planned out of the break share', () => {
    const past = Array.from({ length: 20 }, (_, i) => pastDay(i + 1));
    // Without the rota, the meeting (29 minutes: it starts a minute late) is counted as a break.
    expect(learnForDayKind(past, 'ordinary', options).history.breakShare).toBeCloseTo(29 / 480, 9);
    expect(learnForDayKind(past, 'ordinary', { ...options, rota: ROTA }).history.breakShare).toBe(0);
    // An unplanned break still counts, out of the time outside the rota's window.
    const withShort = Array.from({ length: 20 }, (_, i) => pastDay(i + 1, true));
    expect(learnForDayKind(withShort, 'ordinary', { ...options, rota: ROTA }).history.breakShare).toBeCloseTo(10 / 451, 9);
    // The typical meeting is still learnt.
    expect(learnForDayKind(past, 'ordinary', { ...options, rota: ROTA }).history.pauseMinutes?.meeting).toBeCloseTo(29, 9);
  });

  it('takes a pause as the rota\'s only on its counter, for its reason, within its window', () => {
    const planned = plannedByRota(ROTA, 0);
    const at = (h: number, m: number): number => Date.UTC(2025, 0, 3, h, m);
    expect(planned({ kind: 'break', minutes: 30, counter: '1', at: at(2, 5), reason: 'meeting' })).toBe(true);
    expect(planned({ kind: 'break', minutes: 30, counter: '1', at: at(1, 50), reason: 'meeting' })).toBe(true);
    expect(planned({ kind: 'break', minutes: 30, counter: '1', at: at(1, 40), reason: 'meeting' })).toBe(false);
    expect(planned({ kind: 'break', minutes: 30, counter: '1', at: at(2, 30), reason: 'meeting' })).toBe(false);
    expect(planned({ kind: 'break', minutes: 30, counter: '2', at: at(2, 5), reason: 'meeting' })).toBe(false);
    expect(planned({ kind: 'break', minutes: 30, counter: '1', at: at(2, 5), reason: 'other' })).toBe(false);
    expect(planned({ kind: 'break', minutes: 30 })).toBe(false);
    expect(learnBreakShare([{ kind: 'open', minutes: 450 }, { kind: 'break', minutes: 30, counter: '1', at: at(2, 5), reason: 'meeting' }], planned)).toBe(0);
  });

  it('a lobby whose counter pauses on the rota: the estimate does not count the same break twice', () => {
    const past = Array.from({ length: 20 }, (_, i) => pastDay(i + 1));
    const history = learnForDayKind(past, 'ordinary', { ...options, rota: ROTA }).history;
    const s = lobby(12);
    const now = T0 + 2 * MIN;
    // Twelve 5-minute customers at one counter: the last is reached after the 02:00 meeting,
    // which the forward runs hold the counter for. The past days' pauses were that meeting
    // only, so no time is left for breaks nobody planned.
    const learnt = atriumPredictor({ history, rota: ROTA, utcOffsetMinutes: 0, arrivalHorizonMinutes: 0 }).predict(s, now);
    const none = atriumPredictor({ history, rota: ROTA, utcOffsetMinutes: 0, arrivalHorizonMinutes: 0, breakAllowance: 0 }).predict(s, now);
    expect(learnt['n11']!.minutes).toBeGreaterThan(65);
    for (const id of Object.keys(none)) expect(learnt[id]).toEqual(none[id]);
  });
});

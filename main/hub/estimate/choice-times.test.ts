// Service times per kiosk choice (issue 15): within non-cash a transfer takes minutes and a
// wealth product twenty. Learnt from past days for the choices with enough jobs; a waiting
// ticket or a job in progress of such a choice is drawn from its choice's times, a rarer choice
// from its service's.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { initialState } from '../queue/index.js';
import { DAY, issue, MIN, run, service, T0 } from '../queue/test-support.js';
import { learnChoiceHistory, MIN_CHOICE_JOBS } from './branch-history.js';
import { learnForDayKind, type PastDay } from './day-kinds.js';
import { atriumPredictor } from './index.js';

/**
 * Three past ordinary days of non-cash jobs: per day 20 transfers of 4–6 minutes, 20 wealth
 * products of 16–24, and 3 of a rare choice ('odd', 9 jobs in all, under MIN_CHOICE_JOBS) of 12.
 */
function pastDays(): PastDay[] {
  return Array.from({ length: 3 }, (_, d) => {
    const jobs = [
      ...Array.from({ length: 20 }, (_, k) => ({ service: 'noncash', choice: 'transfer', minutes: 4 + (k % 3) })),
      ...Array.from({ length: 20 }, (_, k) => ({ service: 'noncash', choice: 'wealth', minutes: 16 + 4 * (k % 3) })),
      ...Array.from({ length: 3 }, () => ({ service: 'noncash', choice: 'odd', minutes: 12 })),
    ];
    return { date: `2025-01-0${d + 1}`, kind: 'ordinary' as const, tickets: [], jobs, walks: [], reached: [] };
  });
}

const history = learnForDayKind(pastDays(), 'ordinary', { clipAt: () => Number.POSITIVE_INFINITY, utcOffsetMinutes: 0 }).history;

/** One non-cash counter (prior 8 minutes), open and idle; the day open at T0. */
function lobby(): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('noncash', 'B', { priorServiceMinutes: 8, maxWaitMinutes: 600 }) },
      { type: 'counter.define', counter: '1', services: ['noncash'] },
      { type: 'counter.open', counter: '1', staffId: 't1' },
      { type: 'day.open', date: DAY },
    ],
    T0,
  );
}

/** Ticket x (of `choice`, or none) then y (no choice), both waiting. */
function twoWaiting(choice: string | null): LobbyState {
  return issue(issue(lobby(), 'x', 'noncash', T0 + MIN, { choice }), 'y', 'noncash', T0 + 2 * MIN);
}

/** x (of `choice`) in service at counter 1 since T0 + 3 min, y waiting behind it. */
function xInService(choice: string | null): LobbyState {
  const s = run(twoWaiting(choice), [{ type: 'counter.call_next', counter: '1' }], T0 + 3 * MIN);
  return run(s, [{ type: 'ticket.start', ticket: 'x' }], T0 + 3 * MIN);
}

// No later arrivals: y waits for x alone.
const atrium = atriumPredictor({ history, arrivalHorizonMinutes: 0, utcOffsetMinutes: 0 });

describe('service times per kiosk choice', () => {
  it('learns a choice with enough past jobs, and leaves a rare one to its service', () => {
    expect(history.choices?.['noncash']?.['transfer']).toMatchObject({ jobs: 60 });
    expect(history.choices!['noncash']!['transfer']!.minutes).toBeCloseTo(4.95, 9);
    expect(history.choices!['noncash']!['wealth']!.minutes).toBeCloseTo(19.8, 9);
    expect(history.choices!['noncash']).not.toHaveProperty('odd');
    // The service's own figures count every job, the rare choice's included.
    expect(history.services['noncash']!.jobs).toBe(129);
    expect(learnChoiceHistory([{ service: 'cash', choice: 'c', minutes: 3 }], () => Infinity, 1)).toEqual({ cash: { c: { minutes: 3, cv: 0, jobs: 1 } } });
    expect(MIN_CHOICE_JOBS).toBe(30);
  });

  it('clips a choice’s jobs at four times its own median, not at its service’s clip, when that is longer', () => {
    // Non-cash clipped at 4 × 8 = 32 minutes: 34 wealth products of 20, five of 50, one forgotten "finish" of 500.
    const jobs = [...Array.from({ length: 34 }, () => 20), 50, 50, 50, 50, 50, 500].map((minutes) => ({ service: 'noncash', choice: 'wealth', minutes }));
    const wealth = learnChoiceHistory(jobs, () => 32)['noncash']!['wealth']!;
    // 50 kept whole; 500 counted as 4 × the median of 20.
    expect(wealth.minutes).toBeCloseTo((34 * 20 + 5 * 50 + 80) / 40, 9);
  });

  it('a ticket behind a waiting long-business choice is estimated longer than behind a short one, of the same service', () => {
    const now = T0 + 3 * MIN;
    const behindWealth = atrium.predict(twoWaiting('wealth'), now)['y']!.minutes;
    const behindTransfer = atrium.predict(twoWaiting('transfer'), now)['y']!.minutes;
    const behindNone = atrium.predict(twoWaiting(null), now)['y']!.minutes;
    expect(behindWealth).toBeGreaterThan(15);
    expect(behindTransfer).toBeLessThan(8);
    // No choice: the service's mean over every business ((60 × 4.95 + 60 × 19.8 + 9 × 12) / 129 = 12.3 minutes).
    expect(behindNone).toBeGreaterThan(behindTransfer + 3);
    expect(behindNone).toBeLessThan(behindWealth - 3);
  });

  it('a job in progress is drawn from its choice too', () => {
    const now = T0 + 5 * MIN;
    const afterWealth = atrium.predict(xInService('wealth'), now)['y']!.minutes;
    const afterTransfer = atrium.predict(xInService('transfer'), now)['y']!.minutes;
    expect(afterWealth).toBeGreaterThan(afterTransfer + 8);
  });

  it('a rare choice is estimated as a ticket without one (its service’s times)', () => {
    const now = T0 + 3 * MIN;
    expect(atrium.predict(twoWaiting('odd'), now)['y']).toEqual(atrium.predict(twoWaiting(null), now)['y']);
    expect(atrium.predict(xInService('odd'), now + 2 * MIN)['y']).toEqual(atrium.predict(xInService(null), now + 2 * MIN)['y']);
  });
});

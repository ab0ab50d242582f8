// The learnt arrival profile read by the forward runs: the door crowd at opening is expected
// once, and how far today's count moves the profile is learnt from how the past days varied.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { initialState } from '../queue/index.js';
import { DAY, MIN, run, service, T0, queueOf } from '../queue/test-support.js';
import { learnArrivalProfile, learntScalePrior, profileArrivalRates, type PastTicket } from './arrival-profile.js';

// T0 is 01:00 UTC: 09:00 in Beijing (UTC+8), the branch's zone here.
const BEIJING = 480;
const DAY_MS = 24 * 60 * MIN;

function lobby(): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('cash', 'A', { maxWaitMinutes: 600 }) },
      { type: 'counter.define', counter: '1', services: ['cash'] },
      { type: 'counter.open', counter: '1', staffId: 't1' },
      { type: 'day.open', date: DAY },
    ],
    T0,
  );
}

/** Past day `d` (days before today): `crowd` tickets at the door in the first two minutes, then `perMinute` a minute until 17:00. */
function pastDay(d: number, crowd: number, perMinute = 1): PastTicket[] {
  const open = T0 - d * DAY_MS;
  return [
    ...Array.from({ length: crowd }, (_, i) => ({ issuedAt: open + i * 5_000, service: 'cash', priority: 'normal' as const })),
    ...Array.from({ length: 480 * perMinute }, (_, i) => ({ issuedAt: open + 30_000 + (i * MIN) / perMinute, service: 'cash', priority: 'normal' as const })),
  ];
}

const expectedBy = (profile: ReturnType<typeof learnArrivalProfile>, state: LobbyState, now: number, minutes: number): number =>
  profileArrivalRates(profile, state, now, 120, BEIJING).reduce((a, r) => a + r.arrivedBy!(minutes), 0);

describe('the door crowd at opening', () => {
  it('is expected once: three minutes after opening, the rest of the quarter hour brings its usual one a minute', () => {
    const profile = learnArrivalProfile(
      Array.from({ length: 20 }, (_, d) => pastDay(d + 1, 25)).flat(),
      20,
      BEIJING,
    );
    // Today so far as on every past day: the crowd of 25 and one a minute since.
    const today = queueOf(lobby(), 28, T0);
    const now = T0 + 3 * MIN;
    // A quarter-hour profile spread the crowd over 09:00–09:15 and expected 32 more by 09:15,
    // scaled by 28 seen against 8 expected so far: about 45.
    expect(expectedBy(profile, today, now, 12)).toBeCloseTo(12, 0);
    expect(expectedBy(profile, today, now, 60)).toBeCloseTo(60, 0);
  });
});

describe('how far today\'s count moves the profile', () => {
  it('is learnt from how the past days\' totals spread beyond a Poisson count\'s', () => {
    // Days alike: the day follows the profile (the upper bound).
    expect(learntScalePrior(new Array<number>(20).fill(500))).toBe(400);
    // Days of 400 and 600: a day factor of sd 0.2 (variance 0.04), worth about 25 tickets.
    const varying = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 400 : 600));
    expect(learntScalePrior(varying)).toBeGreaterThan(23);
    expect(learntScalePrior(varying)).toBeLessThan(27);
    // Too few days to say.
    expect(learntScalePrior([400, 600, 500])).toBeNull();
  });

  it('a busy morning moves a branch whose days vary more than one whose days are alike', () => {
    const alike = learnArrivalProfile(Array.from({ length: 20 }, (_, d) => pastDay(d + 1, 0)).flat(), 20, BEIJING);
    const varying = learnArrivalProfile(Array.from({ length: 20 }, (_, d) => pastDay(d + 1, 0, d % 2 === 0 ? 0.5 : 1.5)).flat(), 20, BEIJING);
    expect(alike.scalePriorTickets).toBe(400);
    expect(varying.scalePriorTickets!).toBeLessThan(20);
    // An hour in, 90 tickets where 60 were expected on both.
    const today = queueOf(lobby(), 90, T0);
    const now = T0 + 60 * MIN;
    const perHourAlike = expectedBy(alike, today, now, 60);
    const perHourVarying = expectedBy(varying, today, now, 60);
    // Days alike: 60 × (90 + 400) / (60 + 400) ≈ 64; days varying: close to today's 90.
    expect(perHourAlike).toBeGreaterThan(62);
    expect(perHourAlike).toBeLessThan(66);
    expect(perHourVarying).toBeGreaterThan(80);
  });
});

// The estimator with what a branch knows beforehand: its rota and its past days' arrivals.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import type { QueueCommand } from '../../common/events.js';
import { initialState } from '../queue/index.js';
import { DAY, MIN, run, service, T0, queueOf } from '../queue/test-support.js';
import { learnArrivalProfile, profileArrivalRates, SLOT_MINUTES, type ArrivalProfile } from './arrival-profile.js';
import { atriumPredictor, QUIET_RANGE, QUIET_WAITING } from './atrium.js';
import { pauseWindows, StaffRota } from './rota.js';
import { narrowestRange, rangeFromRuns, Z90 } from './spread.js';

// T0 is 01:00 UTC: 09:00 in Beijing (UTC+8), the branch's zone in these tests.
const BEIJING = 480;

function oneCounter(extra: QueueCommand[] = []): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('cash', 'A', { maxWaitMinutes: 600 }) },
      { type: 'counter.define', counter: '1', services: ['cash'] },
      { type: 'counter.open', counter: '1', staffId: 't1' },
      { type: 'day.open', date: DAY },
      ...extra,
    ],
    T0,
  );
}

const lunch = (from: string, until: string): StaffRota => StaffRota.parse([{ counter: '1', from, until }]);

describe('the staffing rota', () => {
  it('is validated: clock times, an end after the start, known fields only; lunch by default', () => {
    expect(StaffRota.safeParse([{ counter: '1', from: '25:00', until: '26:00' }]).success).toBe(false);
    expect(StaffRota.safeParse([{ counter: '1', from: '13:30', until: '11:30' }]).success).toBe(false);
    expect(StaffRota.safeParse([{ counter: '1', from: '11:30', until: '13:30', who: 'Li' }]).success).toBe(false);
    expect(StaffRota.parse([{ counter: '1', from: '11:30', until: '13:30' }])[0]!.reason).toBe('lunch');
  });

  it('is read in the branch zone: 11:30 in Beijing is 03:30 UTC of the same day', () => {
    const [w] = pauseWindows(lunch('11:30', '13:30'), T0, BEIJING);
    expect(w!.from).toBe(T0 + 150 * MIN);
    expect(w!.until).toBe(T0 + 270 * MIN);
  });

  it('a counter due for lunch serves its customer, then the next ticket waits until it is back', () => {
    const s = queueOf(oneCounter(), 3);
    const without = atriumPredictor({ runs: 1, utcOffsetMinutes: BEIJING }).predict(s, T0 + 2 * MIN);
    const withRota = atriumPredictor({ runs: 1, utcOffsetMinutes: BEIJING, rota: lunch('09:05', '10:00') }).predict(s, T0 + 2 * MIN);
    expect(without['n1']!.minutes).toBeCloseTo(5, 5);
    expect(withRota['n0']!.minutes).toBeCloseTo(0, 5);
    // n0 ends at 5 min from now (09:07), inside the lunch: counter 1 is back at 10:00, 58 min on.
    expect(withRota['n1']!.minutes).toBeCloseTo(58, 5);
    expect(withRota['n2']!.minutes).toBeCloseTo(63, 5);
  });

  it('a counter paused for lunch comes back when the rota says, not after a typical lunch', () => {
    const s = queueOf(oneCounter([{ type: 'counter.pause', counter: '1', reason: 'lunch' }]), 1);
    const typical = atriumPredictor({ runs: 1, utcOffsetMinutes: BEIJING }).predict(s, T0 + 2 * MIN);
    const planned = atriumPredictor({ runs: 1, utcOffsetMinutes: BEIJING, rota: lunch('09:00', '09:30') }).predict(s, T0 + 2 * MIN);
    // Without the rota: a lunch hour (priors.ts), 60 − 2 minutes on.
    expect(typical['n0']!.minutes).toBeCloseTo(58, 5);
    expect(planned['n0']!.minutes).toBeCloseTo(28, 5);
  });
});

/** A profile of `vipPerDay` VIP cash tickets in the quarter hour starting at `hhmm` (Beijing). */
function vipsAt(hhmm: string, vipPerDay: number): ArrivalProfile {
  const [h, m] = hhmm.split(':').map(Number);
  const local = Date.UTC(2025, 0, 1, h!, m! + 1) - BEIJING * MIN;
  const past = Array.from({ length: vipPerDay * 2 }, () => ({ issuedAt: local, service: 'cash', priority: 'vip' as const }));
  return learnArrivalProfile(past, 2, BEIJING);
}

describe('the learnt arrival profile', () => {
  it('is the mean count per quarter hour of the local day', () => {
    const p = vipsAt('09:15', 3);
    expect(p.days).toBe(2);
    expect(p.perSlot['cash']!['vip']![(9 * 60 + 15) / SLOT_MINUTES]).toBeCloseTo(3, 9);
    expect(p.perSlot['cash']!['vip']!.reduce((a, b) => a + b, 0)).toBeCloseTo(3, 9);
  });

  it('expects arrivals at the time of day they came on past days', () => {
    const s = queueOf(oneCounter(), 1);
    const [rate] = profileArrivalRates(vipsAt('09:15', 3), s, T0, 120, BEIJING);
    expect(rate!.arrivedBy!(10)).toBeCloseTo(0, 1);
    // 09:15–09:30 brings 3 (scaled by today's traffic, which is close to nothing yet: ≥ 0.5).
    expect(rate!.arrivedBy!(30)).toBeGreaterThan(1.4);
    expect(rate!.arrivedBy!(60)).toBeCloseTo(rate!.arrivedBy!(30), 9);
  });

  it('makes a normal ticket wait for the VIPs due soon, not for those due in the afternoon', () => {
    const s = queueOf(oneCounter(), 8);
    const at = T0 + 2 * MIN;
    const none = atriumPredictor({ runs: 1, utcOffsetMinutes: BEIJING, arrivalHorizonMinutes: 0 }).predict(s, at);
    const soon = atriumPredictor({ runs: 1, utcOffsetMinutes: BEIJING, arrivalProfile: vipsAt('09:15', 4) }).predict(s, at);
    const later = atriumPredictor({ runs: 1, utcOffsetMinutes: BEIJING, arrivalProfile: () => vipsAt('15:00', 4) }).predict(s, at);
    expect(later['n7']!.minutes).toBeCloseTo(none['n7']!.minutes, 5);
    // At least two of the VIPs due at 09:15 come before the 8th ticket (5 min each).
    expect(soon['n7']!.minutes).toBeGreaterThan(none['n7']!.minutes + 9);
  });
});

describe('the printed range', () => {
  it('is the runs\' spread widened above the estimate, never narrower than ±0.5 minute', () => {
    // Eight waiting: busier than a quiet lobby (QUIET_WAITING), so the calibrated band.
    const s = queueOf(oneCounter(), 8);
    const atrium = atriumPredictor({ utcOffsetMinutes: BEIJING });
    const runs = atrium.runs(s, T0 + 2 * MIN)!;
    const plain = Object.fromEntries([...runs].map(([id, list]) => [id, rangeFromRuns(list, { z: Z90, below: 1, above: 1, minMinutes: 0 })]));
    const calibrated = atrium.predict(s, T0 + 2 * MIN);
    for (const id of ['n3', 'n5']) {
      expect(calibrated[id]!.minutes).toBe(plain[id]!.minutes);
      // The calibration: the runs' standard deviation × 2 above the estimate, as it is below.
      expect(calibrated[id]!.high - calibrated[id]!.minutes).toBeGreaterThan(1.5 * (plain[id]!.high - plain[id]!.minutes));
      expect(calibrated[id]!.low).toBeCloseTo(plain[id]!.low, 5);
    }
    expect(calibrated['n1']!.high - calibrated['n1']!.minutes).toBeGreaterThanOrEqual(0.5);
  });

  it('in a quiet lobby (six waiting or fewer) is the narrowest whole-minute range holding 80% of its hundreds of runs', () => {
    const s = queueOf(oneCounter(), QUIET_WAITING);
    const atrium = atriumPredictor({ utcOffsetMinutes: BEIJING });
    const runs = atrium.runs(s, T0 + 2 * MIN)!;
    const estimates = atrium.predict(s, T0 + 2 * MIN);
    for (const id of ['n3', 'n5']) {
      expect(runs.get(id)!.length).toBe(QUIET_RANGE.runs);
      expect(estimates[id]).toEqual(narrowestRange(runs.get(id)!, QUIET_RANGE.mass));
    }
  });
});

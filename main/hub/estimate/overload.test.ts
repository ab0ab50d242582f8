// What an overloaded day like pension day needs from the
// estimator. Later arrivals age as real tickets do; customers leave at a rate per minute
// waited; a counter closed mid-day comes back.
import { describe, expect, it } from 'vitest';
import type { LobbyState, Ticket } from '../../common/domain.js';
import { CLASS_RANK } from '../queue/dispatch.js';
import { initialState } from '../queue/index.js';
import { DAY, issue, MIN, run, service, T0 } from '../queue/test-support.js';
import { atriumPredictor } from './atrium.js';
import { learntLeavingRate } from './no-shows.js';
import { simulate } from './simulate.js';

function branch(counters: { id: string; services: string[] }[]): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('cash', 'A', { maxWaitMinutes: 20, priorServiceMinutes: 2 }) },
      { type: 'service.define', service: service('noncash', 'B', { maxWaitMinutes: 30, priorServiceMinutes: 5 }) },
      ...counters.map((c) => ({ type: 'counter.define' as const, counter: c.id, services: c.services })),
      ...counters.map((c) => ({ type: 'counter.open' as const, counter: c.id, staffId: `t${c.id}` })),
      { type: 'day.open', date: DAY },
    ],
    T0,
  );
}

/** Tickets reached by a counter after `waited` minutes; `gone` of them had left, the others took `serviceMinutes`. */
function reached(state: LobbyState, n: number, gone: number, waited: number, serviceMinutes = 2): LobbyState {
  let s = state;
  for (let i = 0; i < n; i++) {
    const id = `r${i}`;
    s = issue(s, id, 'cash', T0);
    const calledAt = T0 + waited * MIN;
    const ticket: Ticket = { ...s.tickets[id]!, status: i < gone ? 'no_show' : 'done', calledAt, startedAt: calledAt, finishedAt: calledAt + (i < gone ? 1 : serviceMinutes) * MIN };
    s = { ...s, tickets: { ...s.tickets, [id]: ticket } };
  }
  return s;
}

describe('later arrivals age as real tickets do', () => {
  it('an aged non-cash ticket at a cash-first counter still waits for cash customers who arrive later and age', () => {
    const now = T0 + 60 * MIN;
    const s = issue(branch([{ id: '1', services: ['cash', 'noncash'] }]), 'b0', 'noncash', T0 + 20 * MIN);
    // Busy for 30 more minutes; one cash customer every 2 minutes, each 2 minutes long, for an hour.
    const counters = [{ id: '1', services: ['cash', 'noncash'], freeAt: 30, pendingVariance: 0 }];
    const rates = [{ service: 'cash', rank: CLASS_RANK.normal, perMinute: 0.5 }];
    const result = simulate(s, now, [s.tickets['b0']!], counters, { meanMinutes: { cash: 2, noncash: 5 }, rates, horizonMinutes: 60, cv: 1 });
    // Without ageing, b0 (aged) would go before every normal cash arrival, at 30 minutes. The
    // cash customers who came in its first 10 minutes have waited 20 by then and go first;
    // each one served lets the next age: b0 is called only once the hour's arrivals are done.
    expect(result.get('b0')!.minutes).toBeGreaterThan(80);
  });
});

describe('customers leave at a rate per minute waited', () => {
  it('learns the rate from who was still there when reached: 1 − e^(−λw) of them had left', () => {
    // 18% gone after an hour is a rate of 1/300 per minute (−ln 0.82 / 60), whatever the prior.
    const rate = learntLeavingRate(reached(branch([{ id: '1', services: ['cash'] }]), 500, 90, 60), 1 / 50, 600);
    expect(1 / rate).toBeGreaterThan(270);
    expect(1 / rate).toBeLessThan(330);
    // A day with nothing reached yet stands on the prior.
    expect(learntLeavingRate(branch([{ id: '1', services: ['cash'] }]), 1 / 300, 600)).toBeCloseTo(1 / 300, 6);
  });

  it('thins a long queue more the longer its tickets will have waited when reached, unlike one share for all', () => {
    // Today: 40 customers reached after 10 minutes, 2 of them gone (5%); the others took 6 minutes.
    let s = reached(branch([{ id: '1', services: ['cash'] }]), 40, 2, 10, 6);
    for (let i = 0; i < 30; i++) s = issue(s, `w${i}`, 'cash', T0 + 20 * MIN + i * 1000);
    const now = T0 + 80 * MIN;
    const quiet = { arrivalHorizonMinutes: 0, breakAllowance: 0 };
    const hazard = atriumPredictor(quiet).predict(s, now)['w29']!.minutes;
    // Today's share for all alike: 5% of the 29 ahead gone (a minute's call), the rest six minutes.
    const share = 29 * (0.95 * 6 + 0.05 * 1);
    // Those ahead are reached after one to three hours of waiting: a third or more of them
    // are gone by then, not 5%.
    expect(hazard).toBeLessThan(share * 0.8);
  });
});

/** Two cash counters, the second closed at 10 minutes, then 80 customers: the last waits on one counter. */
function closedCounterLobby() {
  let s = branch([
    { id: '1', services: ['cash'] },
    { id: '2', services: ['cash'] },
  ]);
  s = run(s, [{ type: 'counter.close', counter: '2' }], T0 + 10 * MIN);
  for (let i = 0; i < 80; i++) s = issue(s, `w${i}`, 'cash', T0 + 11 * MIN + i * 1000);
  return { s, now: T0 + 12 * MIN };
}

describe('a counter closed while the day is open', () => {
  it('is expected back after a lunch-length absence, not never', () => {
    const { s, now } = closedCounterLobby();
    const quiet = { runs: 1, arrivalHorizonMinutes: 0 };
    const back = atriumPredictor(quiet).predict(s, now)['w79']!.minutes;
    // 80 two-minute customers: 158 minutes ahead of the last on one counter, were the second
    // gone for the day; with no past days and no rota it is assumed back a lunch hour after
    // it closed (priors.ts), 60 − 2 minutes from now.
    expect(back).toBeLessThan(110);
  });

  it('is expected back after the past days\' mid-day closures, else the rota\'s lunch, else a lunch hour', () => {
    const { s, now } = closedCounterLobby();
    const quiet = { runs: 1, arrivalHorizonMinutes: 0 };
    const last = (options: Parameters<typeof atriumPredictor>[0]) => atriumPredictor({ ...quiet, ...options }).predict(s, now)['w79']!.minutes;
    const assumed = last({});
    // A rota whose lunches last two hours (for a counter not in this lobby, so no pause plans here).
    const rota = [{ counter: '9', from: '11:30', until: '13:30', reason: 'lunch' as const }];
    const fromRota = last({ rota });
    // Past days: counters closed mid-day came back after 20 minutes on average; it wins over the rota.
    const fromLedger = last({ rota, history: { days: 20, services: {}, breakShare: 0, walkUpMinutes: 0, closedMidDayMinutes: 20 } });
    expect(fromLedger).toBeLessThan(assumed - 10);
    expect(assumed).toBeLessThan(fromRota - 10);
  });
});

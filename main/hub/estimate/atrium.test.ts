import { describe, expect, it } from 'vitest';
import type { Estimate, LobbyState } from '../../common/domain.js';
import type { QueueCommand } from '../../common/events.js';
import { initialState } from '../queue/index.js';
import { deepFreeze, DAY, issue, MIN, run, service, T0, queueOf } from '../queue/test-support.js';
import { atriumPredictor, newTicketEstimate } from './index.js';

// The exact expectations below are those of the deterministic run (mean durations, one run);
// the default Monte Carlo predictor is tested at the end of this file.
const predictor = atriumPredictor({ runs: 1 });

/** Cash (A, prior 5 min) and noncash (B, prior 10); counters 1 and 2 serve cash, only 1 open. */
function oneCounter(extra: QueueCommand[] = []): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('cash', 'A', { maxWaitMinutes: 600 }) },
      { type: 'service.define', service: service('noncash', 'B', { priorServiceMinutes: 10, maxWaitMinutes: 600 }) },
      { type: 'counter.define', counter: '1', services: ['cash'] },
      { type: 'counter.define', counter: '2', services: ['cash'] },
      { type: 'counter.open', counter: '1', staffId: 't1' },
      { type: 'day.open', date: DAY },
      ...extra,
    ],
    T0,
  );
}

/** `count` cash tickets served today, each lasting `minutes`. */
function servedToday(state: LobbyState, count: number, minutes: number, priority: 'normal' | 'vip' = 'normal'): LobbyState {
  let s = state;
  for (let i = 0; i < count; i++) {
    const id = `done${priority}${i}`;
    const at = T0 + i * 0.5 * MIN;
    s = issue(s, id, 'cash', at, { priority });
    s = run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: id }, { type: 'ticket.start', ticket: id }], at);
    s = run(s, [{ type: 'ticket.finish', ticket: id }], at + minutes * MIN);
  }
  return s;
}

const inBand = (e: Estimate) => e.low >= 0 && e.low <= e.minutes && e.minutes <= e.high;

describe('atriumPredictor', () => {
  it('with one idle counter and the prior, k tickets ahead wait about k × mean', () => {
    const s = queueOf(oneCounter(), 6);
    const est = predictor.predict(s, T0 + 2 * MIN);
    for (let k = 0; k < 6; k++) expect(est[`n${k}`]?.minutes).toBeCloseTo(5 * k, 5);
  });

  it('the band is about the 10th–90th percentile and widens with the number ahead', () => {
    const est = predictor.predict(queueOf(oneCounter(), 6), T0 + 2 * MIN);
    // One exponential service ahead: 10th–90th percentile 0.53–11.5 min.
    expect(est['n1']!.low).toBeGreaterThan(0.3);
    expect(est['n1']!.low).toBeLessThan(0.8);
    expect(est['n1']!.high).toBeGreaterThan(10.5);
    expect(est['n1']!.high).toBeLessThan(12);
    expect(est['n0']).toEqual({ minutes: 0, low: 0, high: 0 });
    expect(est['n5']!.high - est['n5']!.low).toBeGreaterThan(est['n2']!.high - est['n2']!.low);
  });

  it('counts the rest of the job in progress: mean minus elapsed, never below a floor', () => {
    let s = run(queueOf(oneCounter(), 2), [{ type: 'counter.call_next', counter: '1' }, { type: 'ticket.start', ticket: 'n0' }], T0 + 2 * MIN);
    expect(predictor.predict(s, T0 + 5 * MIN)['n1']?.minutes).toBeCloseTo(2, 5);
    expect(predictor.predict(s, T0 + 30 * MIN)['n1']?.minutes).toBeCloseTo(0.5, 5);
    s = run(s, [{ type: 'ticket.finish', ticket: 'n0' }], T0 + 6 * MIN);
    expect(predictor.predict(s, T0 + 6 * MIN)['n1']?.minutes).toBe(0);
  });

  it('a VIP is estimated shorter than an earlier normal ticket', () => {
    const s = issue(queueOf(oneCounter(), 4), 'vip', 'cash', T0 + 10 * MIN, { priority: 'vip' });
    const est = predictor.predict(s, T0 + 11 * MIN);
    expect(est['vip']!.minutes).toBeLessThan(est['n0']!.minutes + 0.01);
    expect(est['vip']!.minutes).toBeLessThan(est['n3']!.minutes);
    // The VIP adds its 5 minutes ahead of n3; today's VIP rate adds expected later ones.
    expect(est['n3']!.minutes).toBeGreaterThan(20);
    expect(atriumPredictor({ runs: 1, arrivalHorizonMinutes: 0 }).predict(s, T0 + 11 * MIN)['n3']!.minutes).toBeCloseTo(20, 5);
  });

  it('expects more VIPs to jump ahead when VIPs have been arriving today', () => {
    const now = T0 + 60 * MIN;
    const quiet = queueOf(servedToday(oneCounter(), 6, 5), 5, now - MIN);
    const busyWithVips = queueOf(servedToday(oneCounter(), 6, 5, 'vip'), 5, now - MIN);
    const q = predictor.predict(quiet, now)['n4']!.minutes;
    const v = predictor.predict(busyWithVips, now)['n4']!.minutes;
    expect(q).toBeCloseTo(20, 5);
    // 6 VIPs in the first hour: ~0.1 a minute, each 5 minutes of work ahead of a normal ticket.
    expect(v).toBeGreaterThan(q + 1.5);
    expect(atriumPredictor({ runs: 1, arrivalHorizonMinutes: 0 }).predict(busyWithVips, now)['n4']!.minutes).toBeCloseTo(20, 5);
  });

  it('a closed counter lengthens the estimate; a paused one comes back after a typical pause', () => {
    const twoOpen = queueOf(oneCounter([{ type: 'counter.open', counter: '2', staffId: 't2' }]), 6);
    const oneOpen = queueOf(oneCounter(), 6);
    const now = T0 + 2 * MIN;
    expect(predictor.predict(oneOpen, now)['n5']!.minutes).toBeGreaterThan(predictor.predict(twoOpen, now)['n5']!.minutes + 5);

    const paused = run(queueOf(oneCounter(), 1), [{ type: 'counter.pause', counter: '1', reason: 'lunch' }], T0 + 2 * MIN);
    // With no past days and no rota, lunch is assumed a lunch hour (priors.ts).
    expect(predictor.predict(paused, T0 + 12 * MIN)['n0']!.minutes).toBeCloseTo(50, 5);
    expect(atriumPredictor({ runs: 1, pauseMinutes: { lunch: 90 } }).predict(paused, T0 + 12 * MIN)['n0']!.minutes).toBeCloseTo(80, 5);
    // Past days' lunches of 45 minutes (learnt from the ledger) replace the assumption; the caller's option wins over both.
    const learnt = { days: 20, services: {}, breakShare: 0, walkUpMinutes: 0, pauseMinutes: { lunch: 45 } };
    expect(atriumPredictor({ runs: 1, history: learnt }).predict(paused, T0 + 12 * MIN)['n0']!.minutes).toBeCloseTo(35, 5);
    expect(atriumPredictor({ runs: 1, history: learnt, pauseMinutes: { lunch: 90 } }).predict(paused, T0 + 12 * MIN)['n0']!.minutes).toBeCloseTo(80, 5);
  });

  it('learnt service times move the estimate away from the prior', () => {
    const now = T0 + 60 * MIN;
    const slow = queueOf(servedToday(oneCounter(), 6, 10), 4, now - MIN);
    // (3 × 5 + 6 × 10) / (3 + 6) = 8.33 min a customer.
    expect(predictor.predict(slow, now)['n3']!.minutes).toBeCloseTo(25, 1);
    const fast = queueOf(servedToday(oneCounter(), 6, 2), 4, now - MIN);
    expect(predictor.predict(fast, now)['n3']!.minutes).toBeCloseTo(9, 1);
  });

  it('gives an estimate for every waiting ticket and only for waiting ones, even with no counter for it', () => {
    let s = queueOf(oneCounter(), 3);
    s = issue(s, 'b', 'noncash', T0 + 2 * MIN); // no counter serves noncash
    s = issue(s, 'toClosed', 'cash', T0 + 2 * MIN);
    s = run(s, [{ type: 'counter.open', counter: '2', staffId: 't2' }, { type: 'ticket.transfer', ticket: 'toClosed', counter: '2' }, { type: 'counter.close', counter: '2' }], T0 + 3 * MIN);
    s = run(s, [{ type: 'counter.call_next', counter: '1' }], T0 + 4 * MIN);
    s = issue(s, 'gone', 'cash', T0 + 4 * MIN);
    s = run(s, [{ type: 'ticket.cancel', ticket: 'gone' }], T0 + 4 * MIN);
    const est = predictor.predict(s, T0 + 5 * MIN);
    const waiting = Object.values(s.tickets).filter((t) => t.status === 'waiting').map((t) => t.id).sort();
    expect(Object.keys(est).sort()).toEqual(waiting);
    expect(waiting).toEqual(['b', 'n1', 'n2', 'toClosed']);
    for (const e of Object.values(est)) {
      expect(inBand(e)).toBe(true);
      expect(Number.isFinite(e.high)).toBe(true);
    }
    // Nobody can call them now: they wait at least until a counter opens.
    expect(est['b']!.minutes).toBeGreaterThanOrEqual(10);
    expect(est['toClosed']!.minutes).toBeGreaterThanOrEqual(10);
  });

  it('gives estimates at the start of the day when every counter is still closed', () => {
    const s = queueOf(run(oneCounter(), [{ type: 'counter.close', counter: '1' }], T0), 3);
    const est = predictor.predict(s, T0 + 2 * MIN);
    expect(Object.keys(est).sort()).toEqual(['n0', 'n1', 'n2']);
    expect(est['n0']!.minutes).toBe(10);
    // Both closed counters serve cash, so they come back together.
    expect(est['n2']!.minutes).toBeCloseTo(15, 5);
  });
});

describe('newTicketEstimate', () => {
  it('estimates a ticket issued now without changing the state', () => {
    const s = deepFreeze(queueOf(oneCounter(), 3));
    const before = structuredClone(s);
    const now = T0 + 2 * MIN;
    const est = newTicketEstimate(predictor, s, 'cash', 'normal', now);
    expect(s).toEqual(before);
    expect(est.minutes).toBeCloseTo(15, 5);
    const issued = issue(s, 'real', 'cash', now);
    expect(predictor.predict(issued, now)['real']).toEqual(est);
    expect(newTicketEstimate(predictor, s, 'cash', 'green', now).minutes).toBe(0);
  });

  it('refuses an unknown service', () => {
    expect(() => newTicketEstimate(predictor, oneCounter(), 'gold', 'normal', T0)).toThrow(expect.objectContaining({ code: 'unknown_service' }));
  });
});

describe('atriumPredictor, Monte Carlo (the default)', () => {
  const mc = atriumPredictor();
  const mcQuiet = atriumPredictor({ arrivalHorizonMinutes: 0, breakAllowance: 0 });

  /** Counter 1 serving n0 for `elapsed` minutes, with `waiting` cash tickets behind. */
  function serving(elapsed: number, waiting: number): { state: LobbyState; now: number } {
    let s = queueOf(oneCounter(), waiting + 1);
    s = run(s, [{ type: 'counter.call_next', counter: '1' }, { type: 'ticket.start', ticket: 'n0' }], T0 + 2 * MIN);
    return { state: s, now: T0 + (2 + elapsed) * MIN };
  }

  it('gives the same estimate for the same state, so screens do not flicker', () => {
    const { state, now } = serving(1, 6);
    expect(mc.predict(state, now)).toEqual(mc.predict(state, now));
    expect(newTicketEstimate(mc, state, 'cash', 'normal', now)).toEqual(newTicketEstimate(mc, state, 'cash', 'normal', now));
  });

  it('keeps a long job in progress from reading as nearly done: its expected rest grows with its length', () => {
    // The deterministic run says 0.5 minute left after 12 minutes of a 5-minute mean.
    const long = serving(12, 1);
    const fresh = serving(0.1, 1);
    expect(predictor.predict(long.state, long.now)['n1']!.minutes).toBeCloseTo(0.5, 5);
    expect(mcQuiet.predict(long.state, long.now)['n1']!.minutes).toBeGreaterThan(3);
    expect(mcQuiet.predict(fresh.state, fresh.now)['n1']!.minutes).toBeGreaterThan(4);
    expect(mcQuiet.predict(fresh.state, fresh.now)['n1']!.minutes).toBeLessThan(6);
  });

  it('with several busy counters, calls the next customer at the first job to end, not at the mean', () => {
    let s = run(
      oneCounter(),
      [1, 2, 3, 4].map((i) => ({ type: 'counter.define' as const, counter: String(i + 2), services: ['cash'] })),
      T0,
    );
    s = run(s, [{ type: 'counter.open', counter: '2', staffId: 't2' }, ...[3, 4, 5, 6].map((i) => ({ type: 'counter.open' as const, counter: String(i), staffId: `t${i}` }))], T0);
    s = queueOf(s, 7);
    for (const c of ['1', '2', '3', '4', '5', '6']) s = run(s, [{ type: 'counter.call_next', counter: c }], T0 + 2 * MIN);
    for (let k = 0; k < 6; k++) s = run(s, [{ type: 'ticket.start', ticket: `n${k}` }], T0 + 2 * MIN);
    const now = T0 + 2 * MIN;
    // Six fresh 5-minute jobs: the mean run says 5 minutes; the first of six ends after about 5/6 ≈ 1.
    expect(predictor.predict(s, now)['n6']!.minutes).toBeCloseTo(5, 5);
    expect(mcQuiet.predict(s, now)['n6']!.minutes).toBeLessThan(2.5);
  });

  it('counts customers who already left as a short call, once today has no-shows', () => {
    const { state, now } = serving(1, 8);
    let withNoShows = state;
    // Twelve earlier tickets today, half of which were no-shows after a minute.
    for (let i = 0; i < 12; i++) {
      const id = `e${i}`;
      const at = T0 + 0.2 * i * MIN;
      withNoShows = issue(withNoShows, id, 'cash', at);
      withNoShows = { ...withNoShows, tickets: { ...withNoShows.tickets, [id]: { ...withNoShows.tickets[id]!, status: i % 2 ? 'no_show' : 'done', calledAt: at, startedAt: at, finishedAt: at + (i % 2 ? 1 : 5) * MIN } } };
    }
    const plain = mcQuiet.predict(state, now)['n8']!.minutes;
    const thinned = mcQuiet.predict(withNoShows, now)['n8']!.minutes;
    // Six of twelve gone (learnt as a leaving rate per minute waited, here about
    // 8 / 600 a minute with the prior): a tenth or more of those ahead are gone and cost 1 minute, not 5.
    expect(thinned).toBeLessThan(plain * 0.9);
  });

  it('prints a range around the estimate, wider for more people ahead', () => {
    const { state, now } = serving(1, 8);
    const est = mc.predict(state, now);
    for (const e of Object.values(est)) expect(inBand(e)).toBe(true);
    expect(est['n8']!.high - est['n8']!.low).toBeGreaterThan(est['n2']!.high - est['n2']!.low);
  });
});

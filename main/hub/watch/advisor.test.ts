// The advisor's breach probability and choice of move, first on forward runs with known,
// deterministic service times (so the answers are known), then on the estimator's Monte Carlo.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { initialState } from '../queue/index.js';
import { DAY, issue, MIN, run, service, T0 } from '../queue/test-support.js';
import { simulate, type SimCounter } from '../estimate/simulate.js';
import { atriumPredictor } from '../estimate/atrium.js';
import { ADVISOR, applyAction, breachForecast, candidates, evaluate, withArrivals, type RunsOf } from './advisor.js';

/** cash (10 min each, maximum wait 25): counter 1 open [cash], 2 open [noncash, cash], 3 closed [cash]. */
function lobby(): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('cash', 'A', { priorServiceMinutes: 10, maxWaitMinutes: 25 }) },
      { type: 'service.define', service: service('noncash', 'B', { priorServiceMinutes: 10, maxWaitMinutes: 30 }) },
      { type: 'counter.define', counter: '1', services: ['cash'] },
      { type: 'counter.define', counter: '2', services: ['noncash'] },
      { type: 'counter.define', counter: '3', services: ['cash'] },
      { type: 'counter.open', counter: '1', staffId: 't1' },
      { type: 'counter.open', counter: '2', staffId: 't2' },
      { type: 'day.open', date: DAY },
    ],
    T0,
  );
}

/**
 * Deterministic forward runs: every service lasts exactly 10 minutes, no walk, no later
 * arrivals, idle open counters; closed and paused ones take no part. Every "run" is the same.
 */
const deterministic =
  (runsPerCall = 4): RunsOf =>
  (state, now) => {
    const waiting = Object.values(state.tickets).filter((t) => t.status === 'waiting');
    const counters: SimCounter[] = Object.values(state.counters)
      .filter((c) => c.status === 'open')
      .map((c) => ({ id: c.id, services: c.services, freeAt: 0, pendingVariance: 0 }));
    const r = simulate(state, now, waiting, counters, { meanMinutes: { cash: 10, noncash: 10 }, rates: [], horizonMinutes: 0, cv: 0 });
    return new Map(waiting.map((t) => [t.id, Array.from({ length: runsPerCall }, () => r.get(t.id)?.minutes ?? Number.POSITIVE_INFINITY)]));
  };

/** Five cash tickets issued at T0, asked about at T0 + 5: they have waited 5 minutes. */
function fiveCash(): { state: LobbyState; now: number } {
  let s = lobby();
  for (let i = 1; i <= 5; i++) s = issue(s, `a${i}`, 'cash', T0);
  return { state: s, now: T0 + 5 * MIN };
}

describe('breach probability', () => {
  it('one counter, 10-minute services, maximum 25: the tickets called at 30 and 40 minutes breach, the others do not', () => {
    const { state, now } = fiveCash();
    const f = breachForecast(state, now, deterministic()(state, now)!);
    // Called at 0, 10, 20, 30, 40 minutes from now, having waited 5: waits 5, 15, 25, 35, 45.
    // 25 is not past 25; 35 and 45 are.
    const p = Object.fromEntries(f.atRisk.map((r) => [r.ticket, r.probability]));
    expect(p).toEqual({ a4: 1, a5: 1 });
    expect(f.expected).toBe(2);
    // They reach 25 minutes of waiting 20 minutes from now: the warning window's edge.
    expect(f.firstInMinutes).toBe(20);
  });

  it('counts the share of runs that breach, and leaves out tickets already past their maximum', () => {
    const { state } = fiveCash();
    const now = T0 + 5 * MIN;
    const runs = new Map<string, number[]>([
      ['a1', [0, 0, 0, 0]],
      ['a2', [10, 30, 10, 30]],
      ['a3', [30, 30, 30, 10]],
      ['a4', []],
      ['a5', [0, 0, 0, 0]],
    ]);
    const f = breachForecast(state, now, runs);
    const p = Object.fromEntries(f.atRisk.map((r) => [r.ticket, r.probability]));
    expect(p).toEqual({ a2: 0.5, a3: 0.75, a4: 1 });
    expect(f.expected).toBeCloseTo(2.25, 9);
    // Thirty minutes on, every ticket has waited 35: past 25 already, none can be saved.
    expect(breachForecast(state, T0 + 35 * MIN, runs).expected).toBe(0);
  });

  it('with no service maximum the branch default (30) applies', () => {
    let s = lobby();
    s = { ...s, services: { ...s.services, cash: { ...s.services.cash!, maxWaitMinutes: Number.NaN } } };
    for (let i = 1; i <= 5; i++) s = issue(s, `a${i}`, 'cash', T0);
    const now = T0 + 5 * MIN;
    const f = breachForecast(s, now, deterministic()(s, now)!);
    // Waits 5, 15, 25, 35, 45 against 30: two breach, the first in 25 minutes.
    expect(f.expected).toBe(2);
    expect(f.firstInMinutes).toBe(25);
    expect(ADVISOR.defaultMaxWaitMinutes).toBe(30);
  });
});

describe('the choice of move', () => {
  it('opens the closed cash counter with a free teller: both breaches go', () => {
    const { state, now } = fiveCash();
    const e = evaluate(state, now, deterministic(), { freeStaff: ['t3'], budgetMs: Number.POSITIVE_INFINITY, arrivalsMinutes: 0 });
    // Switching counter 2 to cash first also helps (no noncash waits), as much: the lighter move wins the tie.
    expect(e.advice?.forecast.expected).toBe(2);
    expect(e.advice?.saves).toBe(2);
    expect(e.advice?.action).toEqual({ kind: 'switch', counter: '2', from: ['noncash'], services: ['cash', 'noncash'] });
  });

  it('prefers the move that removes more: counter 2 busy with its own queue, so opening counter 3 wins', () => {
    let { state } = fiveCash();
    for (let i = 1; i <= 3; i++) state = issue(state, `b${i}`, 'noncash', T0);
    const now = T0 + 5 * MIN;
    const e = evaluate(state, now, deterministic(), { freeStaff: ['t3'], budgetMs: Number.POSITIVE_INFINITY, arrivalsMinutes: 0 });
    // Without a move: cash at 0..40 (a4, a5 breach); noncash at 0, 10, 20 (waits 5..25, none past 30).
    // Counter 2 is not turned to cash: people wait for its own first service (noncash).
    // Counter 3 opened for cash: cash at 0,0,10,10,20, noncash unchanged: saves 2.
    expect(e.advice?.forecast.expected).toBe(2);
    expect(e.advice?.action).toEqual({ kind: 'open', counter: '3', staffId: 't3', services: ['cash'] });
    expect(e.advice?.expectedWith).toBe(0);
    expect(e.advice?.saves).toBe(2);
  });

  it('without a free teller no counter is opened; a paused counter may be called back', () => {
    let { state } = fiveCash();
    for (let i = 1; i <= 3; i++) state = issue(state, `b${i}`, 'noncash', T0);
    state = run(state, [{ type: 'counter.define', counter: '3', services: ['cash'] }, { type: 'counter.open', counter: '3', staffId: 't3' }, { type: 'counter.pause', counter: '3', reason: 'other' }], T0);
    const now = T0 + 5 * MIN;
    const list = candidates(state, breachForecast(state, now, deterministic()(state, now)!), { freeStaff: [] });
    expect(list.some((a) => a.kind === 'open')).toBe(false);
    expect(list).toContainEqual({ kind: 'resume', counter: '3' });
    expect(evaluate(state, now, deterministic(), { freeStaff: [], budgetMs: Number.POSITIVE_INFINITY, arrivalsMinutes: 0 }).advice?.action).toEqual({ kind: 'resume', counter: '3' });
    expect(candidates(state, breachForecast(state, now, deterministic()(state, now)!), { freeStaff: [], mayResume: () => false }).some((a) => a.kind === 'resume')).toBe(false);
  });

  it('never turns a counter away from a queue with people in it', () => {
    let { state } = fiveCash();
    state = issue(state, 'b1', 'noncash', T0);
    const now = T0 + 5 * MIN;
    const list = candidates(state, breachForecast(state, now, deterministic()(state, now)!), { freeStaff: [] });
    expect(list.filter((a) => a.kind === 'switch')).toEqual([]);
  });

  it('stops trying moves once its time budget is spent', () => {
    let { state } = fiveCash();
    state = run(state, [{ type: 'counter.define', counter: '4', services: ['noncash'] }, { type: 'counter.open', counter: '4', staffId: 't4' }], T0);
    let clock = 0;
    // Every look at the clock finds 100 ms more gone: a budget of 150 ms allows two of the three moves (open 3, turn 2 or 4 to cash).
    const e = evaluate(state, T0 + 5 * MIN, deterministic(), { freeStaff: ['t3'], budgetMs: 150, arrivalsMinutes: 0, timer: () => (clock += 100) });
    expect(e.tried + e.skipped).toBe(3);
    expect(e.tried).toBe(2);
    expect(e.advice?.action).not.toBeNull();
  });

  it('no warning when the first likely breach is more than 20 minutes away', () => {
    let s = lobby();
    for (let i = 1; i <= 4; i++) s = issue(s, `a${i}`, 'cash', T0);
    // Called at 0, 10, 20, 30 having waited 0: only a4 breaches (30 > 25), 25 minutes from now.
    expect(evaluate(s, T0, deterministic(), { freeStaff: ['t3'] }).advice).toBeNull();
  });

  it('applyAction changes the copy only', () => {
    const { state, now } = fiveCash();
    const after = applyAction(state, { kind: 'open', counter: '3', staffId: 't3', services: ['cash'] }, now);
    expect(after.counters['3']).toMatchObject({ status: 'open', staffId: 't3', since: now });
    expect(state.counters['3']!.status).toBe('closed');
  });
});

describe('the customers still to come', () => {
  it("count in the comparison as tickets issued at today's rate, each judged against its own issue", () => {
    const { state } = fiveCash();
    // Five cash tickets in the first 5 minutes, read over at least 15: one every 3 minutes, so 20 minutes bring 7.
    const now = T0 + 5 * MIN;
    const ahead = withArrivals(state, now, 20);
    const next = Object.values(ahead.tickets).filter((t) => !(t.id in state.tickets));
    expect(next).toHaveLength(7);
    expect(next.every((t) => t.service === 'cash' && t.status === 'waiting' && t.issuedAt > now)).toBe(true);
    expect(next.map((t) => (t.issuedAt - now) / MIN)).toEqual([1.5, 4.5, 7.5, 10.5, 13.5, 16.5, 19.5]);
    // All called 40 minutes from now: the one issued 1.5 minutes from now has waited 38.5, past
    // 25; the one at 19.5, 20.5, within it. Issued before 15 minutes from now: 5 of the 7.
    const runs = new Map(Object.values(ahead.tickets).map((t) => [t.id, [40]]));
    const f = breachForecast(ahead, now, runs);
    // And the five waiting now (waited 5 + 40 = 45 each): ten.
    expect(f.expected).toBe(10);
    // They count in the comparison only: the warning's list names real tickets alone.
    expect(f.atRisk.every((r) => r.ticket in state.tickets)).toBe(true);
  });
});

describe('on the estimator Monte Carlo', () => {
  it('sees a long cash queue breach and opens the closed counter, within the time budget', () => {
    let s = lobby();
    for (let i = 1; i <= 12; i++) s = issue(s, `a${i}`, 'cash', T0 + i * 10_000);
    for (let i = 1; i <= 6; i++) s = issue(s, `b${i}`, 'noncash', T0 + i * 10_000);
    const now = T0 + 8 * MIN;
    const predictor = atriumPredictor({ arrivalHorizonMinutes: 0, runs: 24 });
    const e = evaluate(s, now, (st, at) => predictor.runs(st, at), { freeStaff: ['t3'] });
    expect(e.advice).not.toBeNull();
    expect(e.advice!.forecast.expected).toBeGreaterThan(3);
    expect(e.advice!.action).toMatchObject({ kind: 'open', counter: '3' });
    expect(e.advice!.saves).toBeGreaterThanOrEqual(2);
    expect(e.ms).toBeLessThan(ADVISOR.budgetMs * 3);
  });
});

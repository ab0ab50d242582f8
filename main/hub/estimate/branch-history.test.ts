// What the branch's past days teach the estimator: service-time priors, the walk to the
// counter, and the share of time lost to breaks.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { initialState } from '../queue/index.js';
import { DAY, issue, MIN, queueOf, run, service, T0 } from '../queue/test-support.js';
import { learnBreakShare, learnServiceHistory, type BranchHistory } from './branch-history.js';
import { atriumPredictor } from './index.js';
import { learntServiceMinutes, learntWalkUpMinutes } from './service-times.js';

/** Cash, configured at 5 minutes; counter 1 open. */
function lobby(): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('cash', 'A', { maxWaitMinutes: 600, priorServiceMinutes: 5 }) },
      { type: 'counter.define', counter: '1', services: ['cash'] },
      { type: 'counter.open', counter: '1', staffId: 't1' },
      { type: 'day.open', date: DAY },
    ],
    T0,
  );
}

/** One cash job served today: called at `at`, started `walk` minutes later, lasting `minutes`. */
function served(s: LobbyState, id: string, at: number, walk: number, minutes: number): LobbyState {
  let x = issue(s, id, 'cash', at);
  x = run(x, [{ type: 'counter.call_ticket', counter: '1', ticket: id }], at);
  x = run(x, [{ type: 'ticket.start', ticket: id }], at + walk * MIN);
  return run(x, [{ type: 'ticket.finish', ticket: id }], at + (walk + minutes) * MIN);
}

const history = (over: Partial<BranchHistory> = {}): BranchHistory => ({
  days: 20,
  services: { cash: { minutes: 8, cv: 0.7, jobs: 4000 } },
  breakShare: 0,
  walkUpMinutes: 0,
  ...over,
});

describe('learning from past days', () => {
  it('learns means and CVs per service, clipping what a forgotten "finish" would add', () => {
    const h = learnServiceHistory(
      [
        { service: 'cash', minutes: 2 },
        { service: 'cash', minutes: 4 },
        { service: 'cash', minutes: 90 },
        { service: 'loan', minutes: 20 },
      ],
      (s) => (s === 'cash' ? 12 : 100),
    );
    expect(h['cash']).toMatchObject({ minutes: 6, jobs: 3 });
    expect(h['cash']!.cv).toBeCloseTo(Math.sqrt(28) / 6, 9);
    expect(h['loan']).toEqual({ minutes: 20, cv: 0, jobs: 1 });
    expect(learnBreakShare([{ kind: 'open', minutes: 450 }, { kind: 'break', minutes: 30 }])).toBeCloseTo(30 / 480, 9);
    expect(learnBreakShare([])).toBeNull();
  });

  it('starts today\'s service mean from the past days, not the configuration, and lets today take over', () => {
    const options = { priorWeight: 3, clipFactor: 4, history: history().services, historyWeight: 20 };
    expect(learntServiceMinutes(lobby(), options)['cash']).toBeCloseTo(8, 9);
    expect(learntServiceMinutes(lobby(), { priorWeight: 3, clipFactor: 4 })['cash']).toBeCloseTo(5, 9);
    // Twenty 2-minute jobs today weigh as much as the past days.
    let s = lobby();
    for (let i = 0; i < 20; i++) s = served(s, `d${i}`, T0 + i * 3 * MIN, 0, 2);
    expect(learntServiceMinutes(s, options)['cash']).toBeCloseTo(5, 9);
  });

  it('learns the walk to the counter from today\'s calls, leaving out transfers and late starts', () => {
    let s = lobby();
    for (let i = 0; i < 20; i++) s = served(s, `d${i}`, T0 + i * 3 * MIN, 1, 1);
    expect(learntWalkUpMinutes(lobby(), 0.5, 20)).toBeCloseTo(0.5, 9);
    expect(learntWalkUpMinutes(s, 0.5, 20)).toBeCloseTo(0.75, 9);
    // A teller who pressed "start" 30 minutes late counts as 5 minutes.
    const late = served(lobby(), 'late', T0, 30, 1);
    expect(learntWalkUpMinutes(late, 0.5, 20)).toBeCloseTo((0.5 * 20 + 5) / 21, 9);
    // A ticket transferred after its first call keeps that call's time: not a walk.
    const moved = { ...late, tickets: { ...late.tickets, late: { ...late.tickets['late']!, transfers: 1 } } };
    expect(learntWalkUpMinutes(moved, 0.5, 20)).toBeCloseTo(0.5, 9);
  });

  it('counts the past days\' breaks and walks in the wait: none where the branch has none', () => {
    const s = queueOf(lobby(), 8);
    const now = T0 + 2 * MIN;
    // Nobody leaves and nobody else arrives, so the runs differ only in the history.
    const quiet = { arrivalHorizonMinutes: 0, leavingPriorPerMinute: 1e-12 };
    const estimate = (h: BranchHistory) => atriumPredictor({ ...quiet, history: h }).predict(s, now)['n7']!.minutes;
    const bare = estimate(history());
    // Seven 8-minute jobs ahead: about 56 minutes when nothing else takes counter time.
    expect(bare).toBeGreaterThan(48);
    expect(bare).toBeLessThan(64);
    // A tenth of the time on breaks: every job takes 1/0.9 as long (the same draws, so exactly).
    expect(estimate(history({ breakShare: 0.1 }))).toBeCloseTo(bare / 0.9, 0);
    // A minute's walk to the counter for each of the seven ahead.
    expect(estimate(history({ walkUpMinutes: 1 }))).toBeCloseTo(bare + 7, 0);
    // Without history: the configured 5 minutes and the default rota's break allowance.
    expect(atriumPredictor(quiet).predict(s, now)['n7']!.minutes).toBeLessThan(bare * 0.8);
  });
});

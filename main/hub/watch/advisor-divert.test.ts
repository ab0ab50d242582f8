// The advisor's invitation to self-service (分流): which waiting customers it names, that it is
// judged on the lobby as it would be after the move, and that the hub neither moves the queue
// nor names the same customer twice.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { initialState } from '../queue/index.js';
import { DAY, issue, MIN, run, service, T0 } from '../queue/test-support.js';
import { applyAction, breachForecast, candidates, commandsOf, evaluate, type RunsOf } from './advisor.js';

/** One cash counter (10-minute services, maximum wait 25), no other counter, no free teller. */
function oneCounter(): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('cash', 'A', { priorServiceMinutes: 10, maxWaitMinutes: 25 }) },
      { type: 'counter.define', counter: '1', services: ['cash'] },
      { type: 'counter.open', counter: '1', staffId: 't1' },
      { type: 'day.open', date: DAY },
    ],
    T0,
  );
}

/** Every waiting ticket in issue order, one every 10 minutes from now, on one counter. */
const queueRuns: RunsOf = (state) => {
  const waiting = Object.values(state.tickets)
    .filter((t) => t.status === 'waiting')
    .sort((a, b) => a.issuedAt - b.issuedAt);
  return new Map(waiting.map((t, i) => [t.id, [10 * i, 10 * i]]));
};

/** Eight cash tickets in T0's first seconds (choice 取款存款), asked about at T0 + 6. */
function eightCash(extra: (s: LobbyState) => LobbyState = (s) => s): { state: LobbyState; now: number } {
  let s = oneCounter();
  for (let i = 1; i <= 8; i++) s = issue(s, `a${i}`, 'cash', T0 + i * 1000, { choice: 'cash' });
  return { state: extra(s), now: T0 + 6 * MIN };
}

describe('the invitation to self-service', () => {
  it('names the last issued waiting 取款存款 customers, six at most, and no VIP, elderly, large withdrawal or transfer', () => {
    const { state, now } = eightCash((s) => {
      s = issue(s, 'vip', 'cash', T0 + 20_000, { choice: 'cash', priority: 'vip' });
      s = issue(s, 'old', 'cash', T0 + 21_000, { choice: 'cash', priority: 'elderly' });
      s = issue(s, 'large', 'cash', T0 + 22_000, { choice: 'large_withdrawal' });
      return issue(s, 'plain', 'cash', T0 + 23_000);
    });
    const forecast = breachForecast(state, now, queueRuns(state, now)!);
    const divert = candidates(state, forecast, { freeStaff: [] }).filter((a) => a.kind === 'divert');
    expect(divert).toEqual([{ kind: 'divert', service: 'cash', tickets: ['a8', 'a7', 'a6', 'a5', 'a4', 'a3'], numbers: ['A008', 'A007', 'A006', 'A005', 'A004', 'A003'] }]);
    // One already invited is not named again; a branch without such a choice invites nobody.
    const again = candidates(state, forecast, { freeStaff: [], mayInvite: (t) => t !== 'a8' }).find((a) => a.kind === 'divert');
    expect(again).toMatchObject({ tickets: ['a7', 'a6', 'a5', 'a4', 'a3', 'a2'] });
    expect(candidates(state, forecast, { freeStaff: [], divertChoices: [] }).some((a) => a.kind === 'divert')).toBe(false);
  });

  it('is judged as if a quarter accept (at least one), on the lobby after the move', () => {
    const { state, now } = eightCash();
    const action = { kind: 'divert' as const, service: 'cash', tickets: ['a8', 'a7', 'a6', 'a5', 'a4', 'a3'], numbers: [] };
    const after = applyAction(state, action, now);
    // 6 × ¼ = 1.5: one customer is counted as gone, the last issued.
    expect(Object.values(after.tickets).filter((t) => t.status === 'waiting').map((t) => t.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    expect(state.tickets['a8']!.status).toBe('waiting');
  });

  it('is proposed when nothing else helps, and saves the customer it removes', () => {
    const { state, now } = eightCash();
    // Called at 0, 10, …, 70 minutes from now, having waited almost 6: a1 and a2 are within 25, a3…a8 past it.
    expect(breachForecast(state, now, queueRuns(state, now)!).expected).toBe(6);
    const e = evaluate(state, now, queueRuns, { freeStaff: [], arrivalsMinutes: 0, budgetMs: Number.POSITIVE_INFINITY });
    expect(e.advice?.action).toMatchObject({ kind: 'divert', service: 'cash', tickets: ['a8', 'a7', 'a6', 'a5', 'a4', 'a3'] });
    // Judged on the state before the move, the removed ticket (no run reaches it) would count as a
    // certain breach and the invitation would save nothing.
    expect(e.advice?.saves).toBe(1);
    expect(e.advice?.expectedWith).toBe(5);
    // The invitation asks the engine for nothing: the manager speaks to the customers.
    expect(commandsOf(e.advice!.action!)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Estimate } from '../../common/domain.js';
import { branch, issue, MIN, run, T0 } from '../queue/test-support.js';
import { DEFAULT_THRESHOLDS, lobbyConditions } from './conditions.js';

const est = (minutes: number): Estimate => ({ minutes, low: minutes, high: minutes });
const calm = { cash: est(1), noncash: est(1) };
const keys = (cs: { key: string }[]) => cs.map((c) => c.key).sort();

describe('lobby conditions', () => {
  it('a waiting ticket past its service target (15 min) is over target; one just under is not', () => {
    let s = issue(branch(), 'old', 'cash', T0);
    s = issue(s, 'new', 'cash', T0 + 10 * MIN);
    // Both counters busy, so no idle alerts muddle the picture.
    s = run(s, [{ type: 'ticket.issue', id: 'x1', service: 'noncash', priority: 'normal' }], T0);
    s = run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: 'x1' }], T0);
    s = run(s, [{ type: 'ticket.issue', id: 'x2', service: 'noncash', priority: 'normal' }, { type: 'counter.call_ticket', counter: '2', ticket: 'x2' }], T0);
    const cs = lobbyConditions(s, calm, T0 + 16 * MIN);
    expect(cs).toEqual([{ kind: 'wait_over_target', key: 'wait:old', ticket: 'A001', details: { service: 'cash', minutes: 16, target: 15 } }]);
    expect(lobbyConditions(s, calm, T0 + 15 * MIN)).toEqual([]);
    // 15 min 59 s reads "15 min": not past a 15 min target yet.
    expect(lobbyConditions(s, calm, T0 + 16 * MIN - 1_000)).toEqual([]);
  });

  it('says "over N min" only of an estimate that, as shown, is over N (10.3 min reads 10: no alert)', () => {
    const s = branch();
    expect(lobbyConditions(s, { cash: est(10), noncash: est(10.3) }, T0)).toEqual([]);
    const [c] = lobbyConditions(s, { cash: est(10.5), noncash: est(1) }, T0);
    expect(c).toMatchObject({ kind: 'estimate_over_threshold', details: { minutes: 11, threshold: 10 } });
    expect((c!.details!.minutes as number) > (c!.details!.threshold as number)).toBe(true);
  });

  it('a new-ticket estimate above the threshold alerts for that service only', () => {
    const s = branch();
    const cs = lobbyConditions(s, { cash: est(12.4), noncash: est(10) }, T0);
    expect(cs).toEqual([{ kind: 'estimate_over_threshold', key: 'estimate:cash', details: { service: 'cash', minutes: 12, threshold: 10 } }]);
    expect(keys(lobbyConditions(s, { cash: est(12.4), noncash: est(10) }, T0, { ...DEFAULT_THRESHOLDS, estimateMinutes: 15 }))).toEqual([]);
  });

  it('a service nobody serves now (estimate.closed) raises no estimate alert, however large its stand-in minutes; waits past target still do', () => {
    const s = issue(branch(), 'old', 'cash', T0);
    const closed = (minutes: number, opensAt: string | null): Estimate => ({ ...est(minutes), closed: { opensAt } });
    const cs = lobbyConditions(s, { cash: closed(45, '10:30'), noncash: closed(99, null) }, T0 + 16 * MIN);
    expect(keys(cs).filter((k) => k.startsWith('estimate:'))).toEqual([]);
    expect(keys(cs)).toContain('wait:old');
    // The same minutes without the mark do alert: the mark, not the number, is what silences it.
    expect(keys(lobbyConditions(s, { cash: est(45), noncash: closed(99, null) }, T0))).toContain('estimate:cash');
  });

  it('an open free counter is idle once its services have had someone waiting for the idle time', () => {
    let s = issue(branch(), 'a', 'cash', T0);
    // Counter 2 serves noncash then cash, counter 1 cash then noncash: both could call A001.
    expect(keys(lobbyConditions(s, calm, T0 + MIN))).toEqual([]);
    expect(keys(lobbyConditions(s, calm, T0 + 2 * MIN))).toEqual(['idle:1', 'idle:2']);
    // A ticket sent to counter 1 does not make counter 2 idle.
    s = run(s, [{ type: 'ticket.transfer', ticket: 'a', counter: '1' }], T0);
    expect(keys(lobbyConditions(s, calm, T0 + 3 * MIN))).toEqual(['idle:1']);
    // Counter 1 just finished a customer: idle counts from then.
    s = run(s, [{ type: 'ticket.issue', id: 'b', service: 'cash', priority: 'normal' }, { type: 'counter.call_ticket', counter: '2', ticket: 'b' }, { type: 'ticket.start', ticket: 'b' }], T0);
    s = run(s, [{ type: 'ticket.finish', ticket: 'b' }], T0 + 2 * MIN);
    const cs = lobbyConditions(s, calm, T0 + 3 * MIN);
    expect(keys(cs)).toEqual(['idle:1']);
    expect(cs[0]).toMatchObject({ counter: '1', details: { minutes: 3, waiting: 1 } });
    // A paused counter is not idle (and counter 2 still may not call A001, sent to counter 1).
    s = run(s, [{ type: 'counter.pause', counter: '1', reason: 'lunch' }], T0 + 3 * MIN);
    expect(keys(lobbyConditions(s, calm, T0 + 9 * MIN))).toEqual([]);
  });

  it('a ticket recalled the allowed number of times is flagged until it leaves the counter', () => {
    let s = run(issue(branch(), 'r', 'cash', T0), [{ type: 'counter.call_ticket', counter: '1', ticket: 'r' }, { type: 'ticket.recall', ticket: 'r' }], T0);
    expect(keys(lobbyConditions(s, calm, T0))).toEqual([]);
    s = run(s, [{ type: 'ticket.recall', ticket: 'r' }], T0);
    expect(lobbyConditions(s, calm, T0)).toContainEqual({ kind: 'repeated_recall', key: 'recall:r', ticket: 'A001', counter: '1', details: { recalls: 2 } });
    s = run(s, [{ type: 'ticket.start', ticket: 'r' }], T0);
    expect(keys(lobbyConditions(s, calm, T0))).toEqual([]);
  });

  it('says nothing while the day is not open', () => {
    const s = run(issue(branch(), 'a', 'cash', T0), [{ type: 'day.close' }], T0);
    expect(lobbyConditions(s, { cash: est(99) }, T0 + 60 * MIN)).toEqual([]);
  });
});

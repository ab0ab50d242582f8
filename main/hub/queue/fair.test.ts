// Fair calling (issue 14): the rule as a table of days, through decide() and apply like the hub.
import { describe, expect, it } from 'vitest';
import type { LobbyState, Priority } from '../../common/domain.js';
import type { QueueEvent } from '../../common/events.js';
import { applyEvents, decide, initialState } from './index.js';
import { countsTowardRun, priorityRun } from './fair.js';
import { branch, deepFreeze, issue, MIN, run, T0 } from './test-support.js';

const NOW = T0 + 10 * MIN; // nothing ages (cash ages after 30 min, noncash after 40)

/** Calls `times` tickets at the counter under the rule, serving each at once; the ids called. */
function callSeq(state: LobbyState, counter: string, rule: number | null, times: number): { state: LobbyState; called: string[] } {
  let s = state;
  const called: string[] = [];
  for (let i = 0; i < times; i++) {
    const at = NOW + i * 1000;
    s = run(s, [{ type: 'counter.call_next', counter, maxPriorityInARow: rule }], at);
    const id = s.counters[counter]!.currentTicketId;
    if (id === null) break;
    called.push(id);
    s = run(s, [{ type: 'ticket.start', ticket: id }, { type: 'ticket.finish', ticket: id }], at);
  }
  return { state: s, called };
}

/** Tickets issued a minute apart in this order: [id, service, priority]. */
function lobby(tickets: [string, string, Priority][], base = branch()): LobbyState {
  return tickets.reduce((s, [id, svc, priority], i) => issue(s, id, svc, T0 + (i + 1) * MIN, { priority }), base);
}

const VIP_DAY: [string, string, Priority][] = [
  ['n1', 'cash', 'normal'],
  ['v1', 'cash', 'vip'],
  ['v2', 'cash', 'vip'],
  ['v3', 'cash', 'vip'],
  ['v4', 'cash', 'vip'],
  ['n2', 'cash', 'normal'],
];

describe('fair calling: priority calls in a row', () => {
  it.each([
    { rule: null, order: ['v1', 'v2', 'v3', 'v4', 'n1', 'n2'] },
    { rule: 1, order: ['v1', 'n1', 'v2', 'n2', 'v3', 'v4'] },
    { rule: 2, order: ['v1', 'v2', 'n1', 'v3', 'v4', 'n2'] },
    { rule: 4, order: ['v1', 'v2', 'v3', 'v4', 'n1', 'n2'] },
  ])('N=$rule calls $order', ({ rule, order }) => {
    expect(callSeq(lobby(VIP_DAY), '1', rule, 6).called).toEqual(order);
  });

  it('counts appointments (and any priority but normal and green, so a later elderly class too)', () => {
    const s = lobby([['n1', 'cash', 'normal'], ['v1', 'cash', 'vip'], ['a1', 'cash', 'appointment'], ['v2', 'cash', 'vip']]);
    expect(callSeq(s, '1', 2, 4).called).toEqual(['a1', 'v1', 'n1', 'v2']);
    expect(countsTowardRun('elderly' as Priority)).toBe(true);
    expect(countsTowardRun('normal')).toBe(false);
    expect(countsTowardRun('green')).toBe(false);
  });

  it('never holds green channel back, and a green call neither counts nor ends the run', () => {
    let s = lobby([['n1', 'cash', 'normal'], ['v1', 'cash', 'vip'], ['v2', 'cash', 'vip']]);
    let step = callSeq(s, '1', 1, 1);
    expect(step.called).toEqual(['v1']);
    s = issue(step.state, 'g1', 'cash', NOW + MIN, { priority: 'green' });
    step = callSeq(s, '1', 1, 3);
    // The run is 1 (v1): green is still first, then the held-back normal, then v2.
    expect(step.called).toEqual(['g1', 'n1', 'v2']);
  });

  it('a run of green calls alone never holds a VIP back', () => {
    const s = lobby([['n1', 'cash', 'normal'], ['g1', 'cash', 'green'], ['g2', 'cash', 'green'], ['v1', 'cash', 'vip']]);
    expect(callSeq(s, '1', 1, 4).called).toEqual(['g1', 'g2', 'v1', 'n1']);
  });

  it('calls the priority ticket when no normal ticket waits', () => {
    const s = lobby([['v1', 'cash', 'vip'], ['v2', 'cash', 'vip'], ['v3', 'cash', 'vip']]);
    expect(callSeq(s, '1', 1, 3).called).toEqual(['v1', 'v2', 'v3']);
  });

  it('does not pull a normal ticket of a service the counter does not serve', () => {
    // Counter 3 serves cash only; counter 1 serves both and may pull the noncash one.
    const base = run(branch(), [{ type: 'counter.open', counter: '3', staffId: 'teller3' }], T0);
    const s = lobby([['nB', 'noncash', 'normal'], ['v1', 'cash', 'vip'], ['v2', 'cash', 'vip']], base);
    expect(callSeq(s, '3', 1, 3).called).toEqual(['v1', 'v2']);
    expect(callSeq(s, '1', 1, 3).called).toEqual(['v1', 'nB', 'v2']);
  });

  it('pulls the longest-waiting normal ticket, whatever its service position', () => {
    const s = lobby([['nB', 'noncash', 'normal'], ['nA', 'cash', 'normal'], ['v1', 'cash', 'vip'], ['v2', 'cash', 'vip']]);
    expect(callSeq(s, '1', 1, 4).called).toEqual(['v1', 'nB', 'v2', 'nA']);
  });

  it('resets after a normal call, a teller\'s own pick included', () => {
    let s = lobby([['n1', 'cash', 'normal'], ['n2', 'cash', 'normal'], ['v1', 'cash', 'vip'], ['v2', 'cash', 'vip'], ['v3', 'cash', 'vip']]);
    s = callSeq(s, '1', 2, 2).state;
    expect(priorityRun(s, '1')).toBe(2);
    s = run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: 'n2' }, { type: 'ticket.start', ticket: 'n2' }, { type: 'ticket.finish', ticket: 'n2' }], NOW + MIN);
    expect(priorityRun(s, '1')).toBe(0);
    expect(callSeq(s, '1', 2, 3).called).toEqual(['v3', 'n1']);
  });

  it('keeps each counter\'s run apart, and starts every counter at zero on a new day', () => {
    let s = lobby([['v1', 'cash', 'vip'], ['v2', 'cash', 'vip']]);
    s = callSeq(s, '1', 2, 1).state;
    s = callSeq(s, '2', 2, 1).state;
    expect([priorityRun(s, '1'), priorityRun(s, '2')]).toEqual([1, 1]);
    s = run(s, [{ type: 'day.close' }, { type: 'day.open', date: '2025-01-07' }], NOW + 600 * MIN);
    expect(priorityRun(s, '1')).toBe(0);
  });

  it('is the same answer from a rebuild: the run is derived from the events alone', () => {
    // Record every event of a day, replay them on an empty state, and ask again.
    const events: { event: QueueEvent; at: number }[] = [];
    let s = initialState();
    const exec = (cmd: Parameters<typeof decide>[1], at: number) => {
      const evs = decide(s, cmd, at).map((event) => ({ event, at }));
      events.push(...evs);
      s = applyEvents(s, evs);
    };
    exec({ type: 'service.define', service: { code: 'cash', prefix: 'A', nameZh: 'cash', nameEn: 'cash', targetWaitMinutes: 15, maxWaitMinutes: 30, priorServiceMinutes: 5 } }, T0);
    exec({ type: 'counter.define', counter: '1', services: ['cash'] }, T0);
    exec({ type: 'counter.open', counter: '1', staffId: 't1' }, T0);
    exec({ type: 'day.open', date: '2025-01-06' }, T0);
    VIP_DAY.forEach(([id, service, priority], i) => exec({ type: 'ticket.issue', id, service, priority }, T0 + (i + 1) * MIN));
    for (let i = 0; i < 3; i++) {
      exec({ type: 'counter.call_next', counter: '1', maxPriorityInARow: 2 }, NOW + i * 1000);
      const id = s.counters['1']!.currentTicketId!;
      exec({ type: 'ticket.start', ticket: id }, NOW + i * 1000);
      exec({ type: 'ticket.finish', ticket: id }, NOW + i * 1000);
    }
    const rebuilt = deepFreeze(applyEvents(initialState(), events));
    expect(priorityRun(rebuilt, '1')).toBe(0); // v1, v2, then n1 ended the run
    const next = (st: LobbyState) => decide(st, { type: 'counter.call_next', counter: '1', maxPriorityInARow: 2 }, NOW + 5000);
    expect(next(rebuilt)).toEqual(next(s));
  });

  it('refuses a rule that is not a whole number of 1 or more', () => {
    const s = lobby(VIP_DAY);
    expect(() => decide(s, { type: 'counter.call_next', counter: '1', maxPriorityInARow: 0 }, NOW)).toThrow(/whole number/);
    expect(() => decide(s, { type: 'counter.call_next', counter: '1', maxPriorityInARow: 1.5 }, NOW)).toThrow(/whole number/);
  });
});

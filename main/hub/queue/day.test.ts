import { describe, expect, it } from 'vitest';
import { decide, initialState } from './index.js';
import { branch, DAY, issue, MIN, run, T0 } from './test-support.js';

describe('business day', () => {
  it('refuses issuing before a day is open, and opening a day twice', () => {
    const noDay = run(initialState(), [{ type: 'service.define', service: { code: 'cash', prefix: 'A', nameZh: '现金', nameEn: 'Cash', targetWaitMinutes: 10, maxWaitMinutes: 30, priorServiceMinutes: 5 } }], T0);
    expect(() => issue(noDay, 'x', 'cash', T0)).toThrow(expect.objectContaining({ code: 'day_not_open', kind: 'conflict' }));
    expect(() => decide(branch(), { type: 'day.open', date: '2025-01-07' }, T0)).toThrow(expect.objectContaining({ code: 'day_open', kind: 'conflict' }));
    expect(() => decide(noDay, { type: 'day.open', date: '2025-02-30' }, T0)).toThrow(expect.objectContaining({ code: 'invalid_date', kind: 'invalid' }));
    expect(() => decide(noDay, { type: 'day.close' }, T0)).toThrow(expect.objectContaining({ code: 'day_not_open', kind: 'conflict' }));
  });

  it('opening records the date and time', () => {
    expect(branch().day).toEqual({ date: DAY, status: 'open', openedAt: T0, closedAt: null });
  });

  it('refuses to close while customers are called or served, naming the counters, and changes nothing', () => {
    let s = issue(issue(branch(), 'a', 'cash', T0), 'b', 'cash', T0);
    s = run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: 'a' }, { type: 'ticket.start', ticket: 'a' }, { type: 'counter.call_ticket', counter: '2', ticket: 'b' }], T0 + MIN);
    let refusal: unknown;
    try {
      decide(s, { type: 'day.close' }, T0 + 2 * MIN);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toMatchObject({
      code: 'customers_at_counters',
      kind: 'conflict',
      message: expect.stringMatching(/A001 at counter 1.*A002 at counter 2/),
      details: { counters: [{ counter: '1', number: 'A001', status: 'serving' }, { counter: '2', number: 'A002', status: 'called' }] },
    });
  });

  it('finishing at close finishes the customers at counters (a called one started first), closes every counter, and marks only the waiting unserved', () => {
    let s = branch();
    for (const id of ['done', 'serving', 'called', 'waiting', 'cancelled']) s = issue(s, id, 'cash', T0);
    s = run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: 'done' }, { type: 'ticket.start', ticket: 'done' }, { type: 'ticket.finish', ticket: 'done' }], T0 + MIN);
    s = run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: 'serving' }, { type: 'ticket.start', ticket: 'serving' }, { type: 'counter.call_ticket', counter: '2', ticket: 'called' }, { type: 'ticket.cancel', ticket: 'cancelled' }], T0 + 2 * MIN);
    const events = decide(s, { type: 'day.close', finishAtCounters: true }, T0 + 3 * MIN);
    expect(events).toEqual([
      { type: 'ticket.finished', ticket: 'serving', counter: '1', tags: [] },
      { type: 'ticket.started', ticket: 'called', counter: '2' },
      { type: 'ticket.finished', ticket: 'called', counter: '2', tags: [] },
      { type: 'counter.closed', counter: '1' },
      { type: 'counter.closed', counter: '2' },
      { type: 'day.closed', date: DAY, unserved: ['waiting'] },
    ]);
    s = run(s, [{ type: 'day.close', finishAtCounters: true }], T0 + 3 * MIN);
    expect(s.day).toMatchObject({ status: 'closed', closedAt: T0 + 3 * MIN });
    expect(Object.fromEntries(Object.values(s.tickets).map((t) => [t.id, t.status]))).toEqual({
      done: 'done',
      serving: 'done',
      called: 'done',
      waiting: 'unserved_at_close',
      cancelled: 'cancelled',
    });
    expect(s.tickets['waiting']?.finishedAt).toBe(T0 + 3 * MIN);
    expect(Object.values(s.counters).map((c) => [c.id, c.status, c.currentTicketId, c.staffId])).toEqual([
      ['1', 'closed', null, null],
      ['2', 'closed', null, null],
      ['3', 'closed', null, null],
    ]);
    expect(() => issue(s, 'late', 'cash', T0 + 4 * MIN)).toThrow(expect.objectContaining({ code: 'day_not_open' }));
  });

  it('closes a paused counter too, and with nobody at a counter needs no finishing', () => {
    let s = run(issue(branch(), 'w', 'cash', T0), [{ type: 'counter.pause', counter: '2', reason: 'lunch' }], T0 + MIN);
    const events = decide(s, { type: 'day.close' }, T0 + 2 * MIN);
    expect(events).toEqual([
      { type: 'counter.closed', counter: '1' },
      { type: 'counter.closed', counter: '2' },
      { type: 'day.closed', date: DAY, unserved: ['w'] },
    ]);
    s = run(s, [{ type: 'day.close' }], T0 + 2 * MIN);
    expect(s.counters['2']?.status).toBe('closed');
  });

  it("opening a new day drops the previous day's tickets", () => {
    let s = run(issue(branch(), 'a', 'cash', T0), [{ type: 'day.close' }], T0 + MIN);
    expect(Object.keys(s.tickets)).toEqual(['a']);
    s = run(s, [{ type: 'day.open', date: '2025-01-07' }], T0 + 24 * 60 * MIN);
    expect(s.tickets).toEqual({});
    expect(s.lastNumber).toEqual({});
    expect(s.day).toMatchObject({ date: '2025-01-07', status: 'open' });
    expect(Object.keys(s.counters)).toEqual(['1', '2', '3']);
  });
});

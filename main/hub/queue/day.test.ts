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

  it('refuses to close while a ticket is being served', () => {
    let s = issue(branch(), 'a', 'cash', T0);
    s = run(s, [{ type: 'counter.call_next', counter: '1' }, { type: 'ticket.start', ticket: 'a' }], T0 + MIN);
    expect(() => decide(s, { type: 'day.close' }, T0 + 2 * MIN)).toThrow(expect.objectContaining({ code: 'tickets_in_service', kind: 'conflict', message: expect.stringContaining('A001') }));
  });

  it('closing lists waiting, called and recalled tickets, which become unserved_at_close', () => {
    let s = branch();
    for (const id of ['done', 'called', 'recalled', 'waiting', 'cancelled']) s = issue(s, id, 'cash', T0);
    s = run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: 'done' }, { type: 'ticket.start', ticket: 'done' }, { type: 'ticket.finish', ticket: 'done' }], T0 + MIN);
    s = run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: 'called' }, { type: 'counter.call_ticket', counter: '2', ticket: 'recalled' }, { type: 'ticket.recall', ticket: 'recalled' }, { type: 'ticket.cancel', ticket: 'cancelled' }], T0 + 2 * MIN);
    const events = decide(s, { type: 'day.close' }, T0 + 3 * MIN);
    expect(events).toEqual([{ type: 'day.closed', date: DAY, unserved: ['called', 'recalled', 'waiting'] }]);
    s = run(s, [{ type: 'day.close' }], T0 + 3 * MIN);
    expect(s.day).toMatchObject({ status: 'closed', closedAt: T0 + 3 * MIN });
    expect(Object.fromEntries(Object.values(s.tickets).map((t) => [t.id, t.status]))).toEqual({
      done: 'done',
      called: 'unserved_at_close',
      recalled: 'unserved_at_close',
      waiting: 'unserved_at_close',
      cancelled: 'cancelled',
    });
    expect(s.tickets['waiting']?.finishedAt).toBe(T0 + 3 * MIN);
    expect(s.counters['1']?.currentTicketId).toBeNull();
    expect(s.counters['2']?.currentTicketId).toBeNull();
    expect(() => issue(s, 'late', 'cash', T0 + 4 * MIN)).toThrow(expect.objectContaining({ code: 'day_not_open' }));
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

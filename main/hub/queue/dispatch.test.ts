import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { dispatchOrder, decide } from './index.js';
import { branch, issue, MIN, run, T0 } from './test-support.js';

const ids = (s: LobbyState, counter: string, now: number) => dispatchOrder(s, counter, now).map((t) => t.id);

describe('dispatch order', () => {
  it('green > appointment due > aged > vip > normal; an appointment not yet due ranks as normal', () => {
    const now = T0 + 40 * MIN;
    let s = branch();
    s = issue(s, 'aged', 'cash', T0); // waiting 40 min > 30: aged
    s = issue(s, 'apLater', 'cash', T0 + 34 * MIN, { priority: 'appointment', appointmentAt: now + 60 * MIN });
    s = issue(s, 'normal', 'cash', T0 + 35 * MIN);
    s = issue(s, 'vip', 'cash', T0 + 36 * MIN, { priority: 'vip' });
    s = issue(s, 'apDue', 'cash', T0 + 37 * MIN, { priority: 'appointment', appointmentAt: now + 10 * MIN });
    s = issue(s, 'green', 'cash', T0 + 38 * MIN, { priority: 'green' });
    expect(ids(s, '1', now)).toEqual(['green', 'apDue', 'aged', 'vip', 'apLater', 'normal']);
  });

  it('an appointment becomes due appointmentEarlyMinutes before its time', () => {
    let s = issue(branch(), 'n', 'cash', T0);
    s = issue(s, 'ap', 'cash', T0 + MIN, { priority: 'appointment', appointmentAt: T0 + 30 * MIN });
    expect(ids(s, '1', T0 + 14 * MIN)).toEqual(['n', 'ap']);
    expect(ids(s, '1', T0 + 15 * MIN)).toEqual(['ap', 'n']);
  });

  it('an aged VIP and an aged normal ticket are ordered by wait, ahead of a fresh VIP', () => {
    let s = issue(branch(), 'oldNormal', 'cash', T0);
    s = issue(s, 'oldVip', 'cash', T0 + MIN, { priority: 'vip' });
    s = issue(s, 'freshVip', 'cash', T0 + 20 * MIN, { priority: 'vip' });
    expect(ids(s, '1', T0 + 10 * MIN)).toEqual(['oldVip', 'freshVip', 'oldNormal']);
    expect(ids(s, '1', T0 + 32 * MIN)).toEqual(['oldNormal', 'oldVip', 'freshVip']);
  });

  it("within a class, the counter's first service comes before its second", () => {
    let s = issue(branch(), 'b', 'noncash', T0);
    s = issue(s, 'a', 'cash', T0 + MIN);
    expect(ids(s, '1', T0 + 2 * MIN)).toEqual(['a', 'b']);
    expect(ids(s, '2', T0 + 2 * MIN)).toEqual(['b', 'a']);
  });

  it('class comes before service position', () => {
    let s = issue(branch(), 'a', 'cash', T0);
    s = issue(s, 'bGreen', 'noncash', T0 + MIN, { priority: 'green' });
    expect(ids(s, '1', T0 + 2 * MIN)).toEqual(['bGreen', 'a']);
  });

  it('then the longest wait, then the lower number', () => {
    let s = issue(branch(), 'a1', 'cash', T0 + 5 * MIN);
    s = issue(s, 'a2', 'cash', T0 + 6 * MIN);
    s = issue(s, 'a3', 'cash', T0 + 7 * MIN);
    s = issue(s, 'a4', 'cash', T0 + 7 * MIN);
    // A transferred ticket keeps its issue time, so it is the longest wait in its new queue.
    s = issue(s, 'b1', 'noncash', T0 + MIN);
    s = run(s, [{ type: 'ticket.transfer', ticket: 'b1', service: 'cash' }], T0 + 8 * MIN);
    // Put A004 first in the record so only the number tie-break can order a3 before a4.
    const { a4, ...rest } = s.tickets;
    s = { ...s, tickets: { a4: a4!, ...rest } };
    expect(ids(s, '3', T0 + 9 * MIN)).toEqual(['b1', 'a1', 'a2', 'a3', 'a4']);
    expect(dispatchOrder(s, '3', T0 + 9 * MIN).map((t) => t.number)).toEqual(['B001', 'A001', 'A002', 'A003', 'A004']);
  });

  it('a ticket targeted at a counter is callable only there, whatever its service', () => {
    let s = issue(branch(), 'b', 'noncash', T0);
    s = issue(s, 'a', 'cash', T0 + MIN);
    s = run(s, [{ type: 'ticket.transfer', ticket: 'b', counter: '1' }, { type: 'ticket.transfer', ticket: 'a', counter: '2' }], T0 + 2 * MIN);
    expect(ids(s, '1', T0 + 3 * MIN)).toEqual(['b']);
    expect(ids(s, '2', T0 + 3 * MIN)).toEqual(['a']);
    s = run(s, [{ type: 'counter.open', counter: '3', staffId: 't3' }], T0 + 3 * MIN);
    s = run(s, [{ type: 'ticket.transfer', ticket: 'b', counter: '3' }], T0 + 3 * MIN);
    // Counter 3 serves only cash, yet the noncash ticket sent to it is its to call.
    expect(ids(s, '3', T0 + 4 * MIN)).toEqual(['b']);
  });

  it('lists only waiting tickets, and call_next takes the first', () => {
    let s = issue(branch(), 'x', 'cash', T0);
    s = issue(s, 'g', 'cash', T0 + MIN, { priority: 'green' });
    s = issue(s, 'y', 'cash', T0 + 2 * MIN);
    s = run(s, [{ type: 'ticket.cancel', ticket: 'x' }], T0 + 3 * MIN);
    expect(ids(s, '1', T0 + 4 * MIN)).toEqual(['g', 'y']);
    expect(decide(s, { type: 'counter.call_next', counter: '1' }, T0 + 4 * MIN)).toEqual([{ type: 'ticket.called', ticket: 'g', counter: '1' }]);
  });

  it('refuses an unknown counter', () => {
    expect(() => dispatchOrder(branch(), '9', T0)).toThrow(expect.objectContaining({ code: 'unknown_counter', kind: 'not_found' }));
  });
});

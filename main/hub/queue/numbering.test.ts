import { describe, expect, it } from 'vitest';
import { decide, formatNumber } from './index.js';
import { branch, DAY, issue, MIN, run, T0 } from './test-support.js';

describe('formatNumber', () => {
  it('pads to three digits and grows past 999', () => {
    expect(formatNumber('A', 1)).toBe('A001');
    expect(formatNumber('B', 42)).toBe('B042');
    expect(formatNumber('V', 999)).toBe('V999');
    expect(formatNumber('A', 1000)).toBe('A1000');
  });
});

describe('numbering per prefix per business day', () => {
  it('counts 1, 2, 3 per prefix', () => {
    let s = issue(branch(), 'a1', 'cash', T0);
    s = issue(s, 'a2', 'cash', T0);
    s = issue(s, 'b1', 'noncash', T0);
    s = issue(s, 'a3', 'cash', T0);
    expect(['a1', 'a2', 'b1', 'a3'].map((id) => s.tickets[id]?.number)).toEqual(['A001', 'A002', 'B001', 'A003']);
    expect(s.lastNumber).toEqual({ A: 3, B: 1 });
  });

  it('never repeats after a transfer, and the transferred ticket keeps its number', () => {
    let s = issue(branch(), 'a1', 'cash', T0);
    s = run(s, [{ type: 'ticket.transfer', ticket: 'a1', service: 'noncash' }], T0 + MIN);
    s = issue(s, 'a2', 'cash', T0 + 2 * MIN);
    s = issue(s, 'b1', 'noncash', T0 + 2 * MIN);
    const numbers = Object.values(s.tickets).map((t) => t.number);
    expect(s.tickets['a1']?.number).toBe('A001');
    expect(s.tickets['a2']?.number).toBe('A002');
    expect(s.tickets['b1']?.number).toBe('B001');
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('restarts at 1 on a new business day, and refuses to reopen a closed day', () => {
    let s = issue(issue(branch(), 'a1', 'cash', T0), 'a2', 'cash', T0);
    s = run(s, [{ type: 'ticket.cancel', ticket: 'a1' }, { type: 'ticket.cancel', ticket: 'a2' }, { type: 'day.close' }], T0 + MIN);
    expect(() => decide(s, { type: 'day.open', date: DAY }, T0 + 2 * MIN)).toThrow(expect.objectContaining({ code: 'day_closed', kind: 'conflict' }));
    s = run(s, [{ type: 'day.open', date: '2025-01-07' }], T0 + 24 * 60 * MIN);
    s = issue(s, 'next', 'cash', T0 + 24 * 60 * MIN);
    expect(s.tickets['next']).toMatchObject({ number: 'A001', businessDay: '2025-01-07' });
  });
});

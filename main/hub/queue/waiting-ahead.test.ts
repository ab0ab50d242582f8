import { describe, expect, it } from 'vitest';
import { waitingAhead } from './index.js';
import { branch, issue, MIN, run, T0 } from './test-support.js';

describe('waitingAhead', () => {
  it('counts the tickets before it in the dispatch order of the best open counter', () => {
    let s = issue(branch(), 'a1', 'cash', T0);
    s = issue(s, 'a2', 'cash', T0 + MIN);
    s = issue(s, 'b1', 'noncash', T0 + 2 * MIN);
    s = issue(s, 'g', 'cash', T0 + 3 * MIN, { priority: 'green' });
    const now = T0 + 4 * MIN;
    expect(waitingAhead(s, 'g', now)).toBe(0);
    expect(waitingAhead(s, 'a1', now)).toBe(1);
    expect(waitingAhead(s, 'a2', now)).toBe(2);
    // At counter 1 b1 trails all cash tickets; counter 2 takes noncash first, behind only the green one.
    expect(waitingAhead(s, 'b1', now)).toBe(1);
  });

  it('uses the first counter defined that can call it when none is open', () => {
    let s = issue(branch(), 'b1', 'noncash', T0);
    s = issue(s, 'a1', 'cash', T0 + MIN);
    s = issue(s, 'b2', 'noncash', T0 + 2 * MIN);
    s = run(s, [{ type: 'counter.close', counter: '1' }, { type: 'counter.close', counter: '2' }], T0 + 3 * MIN);
    // Counter 1 [cash, noncash]: a1, b1, b2.
    expect(waitingAhead(s, 'b2', T0 + 4 * MIN)).toBe(2);
  });

  it('is 0 once the ticket is called, and 404 for an unknown ticket', () => {
    let s = issue(issue(branch(), 'a1', 'cash', T0), 'a2', 'cash', T0);
    s = run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: 'a2' }], T0 + MIN);
    expect(waitingAhead(s, 'a2', T0 + MIN)).toBe(0);
    expect(waitingAhead(s, 'a1', T0 + MIN)).toBe(0);
    expect(() => waitingAhead(s, 'zz', T0)).toThrow(expect.objectContaining({ code: 'unknown_ticket' }));
  });
});

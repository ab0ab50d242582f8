import { describe, expect, it } from 'vitest';
import { countersHeld, dayState, localToday } from './day-state';

describe('the day state on the console', () => {
  const today = localToday(new Date(2026, 2, 3, 9, 0).getTime());
  it('is open, closed today, or not started (no day, or one closed on an earlier date)', () => {
    expect(today).toBe('2026-03-03');
    expect(dayState({ date: today, status: 'open' }, today)).toBe('open');
    expect(dayState({ date: today, status: 'closed' }, today)).toBe('closed');
    expect(dayState({ date: '2026-03-02', status: 'closed' }, today)).toBe('notStarted');
    expect(dayState(null, today)).toBe('notStarted');
  });

  it("reads the counters of a refused close from the hub's details, ignoring anything malformed", () => {
    expect(countersHeld({ counters: [{ counter: '4', number: 'B002', status: 'serving' }, { counter: 5 }, null] })).toEqual([{ counter: '4', number: 'B002', status: 'serving' }]);
    expect(countersHeld({})).toEqual([]);
  });
});

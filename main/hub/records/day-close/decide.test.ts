// Closing the day before its closing checklist is signed, without a database.
import { describe, expect, it } from 'vitest';
import { refusal } from '../test-refusal.js';
import { decideDayClose } from './decide.js';

const day = { date: '2026-03-02' };

describe('day-close decisions', () => {
  it('lets the day close when its closing checklist is signed, or when no day is open (the engine answers that)', () => {
    expect(decideDayClose(day, true, { grant: 'manager' }, undefined)).toEqual([]);
    expect(decideDayClose(null, false, { grant: 'manager' }, undefined)).toEqual([]);
  });

  it('refuses a manager, and an admin without a reason; records an admin override with one', () => {
    expect(refusal(() => decideDayClose(day, false, { grant: 'manager' }, 'because'))).toMatchObject({ kind: 'conflict', code: 'closing_checklist_unsigned' });
    expect(refusal(() => decideDayClose(day, false, { grant: 'admin' }, undefined)).message).toContain('give a reason');
    expect(decideDayClose(day, false, { grant: 'admin' }, 'power cut')).toEqual([{ type: 'day.close_overridden', date: '2026-03-02', reason: 'power cut' }]);
  });
});

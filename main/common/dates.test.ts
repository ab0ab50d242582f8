import { describe, expect, it } from 'vitest';
import { CalendarDate, CalendarMonth, DateTime, isCalendarDate } from './dates.js';

describe('calendar dates', () => {
  it('accepts days that exist, leap days in leap years only', () => {
    for (const d of ['2026-03-02', '2024-02-29', '2000-02-29', '2000-01-01', '2100-12-31', '2026-12-31']) expect(isCalendarDate(d)).toBe(true);
  });

  it('refuses days that do not exist, other shapes and years outside 2000–2100', () => {
    for (const d of ['2026-02-30', '2026-02-29', '2100-02-29', '2026-13-45', '2026-04-31', '0000-00-00', '2026-00-10', '2026-01-00', '1999-12-31', '2101-01-01', '9999-12-31', '2026-3-2', '2026-03-02 ', ' 2026-03-02', '２０２６-03-02', '2026-03-02T00:00:00Z']) {
      expect(isCalendarDate(d), d).toBe(false);
    }
    expect(CalendarDate.safeParse('2026-02-30').success).toBe(false);
    expect(CalendarDate.safeParse(20260302).success).toBe(false);
  });

  it('takes months 01–12 within the same years', () => {
    expect(CalendarMonth.safeParse('2026-02').success).toBe(true);
    for (const m of ['2026-13', '2026-00', '0000-00', '2026-2', '1999-12', '2101-01', '2026-02-01']) expect(CalendarMonth.safeParse(m).success, m).toBe(false);
  });

  it('takes ISO date-times with a zone on a real day, nothing else', () => {
    for (const t of ['2026-03-02T10:30:00+08:00', '2026-03-02T02:30:00Z', '2024-02-29T23:59:59.999Z']) expect(DateTime.safeParse(t).success, t).toBe(true);
    for (const t of ['2026-02-30T10:00:00Z', '2026-03-02T25:00:00Z', '2026-03-02T10:30:00', '2026-03-02', '+275760-09-13T00:00:00Z', '1970-01-01T00:00:00Z', 'x'.repeat(100)]) {
      expect(DateTime.safeParse(t).success, t).toBe(false);
    }
  });
});

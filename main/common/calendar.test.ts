// The kind of a date: month ends in short and leap Februaries, pension days past a month's
// end and on weekends (each rule), and which kind wins when a date is several.
import { describe, expect, it } from 'vitest';
import { BranchCalendar, DEFAULT_CALENDAR, dayKind, type DayKind } from './calendar.js';

const cal = (over: Partial<BranchCalendar> = {}): BranchCalendar => ({ ...DEFAULT_CALENDAR, ...over });

describe('dayKind', () => {
  const cases: [string, BranchCalendar, string, DayKind][] = [
    // Default: pension on the 13th, the last two days of a month.
    ['an ordinary day', cal(), '2026-03-12', 'ordinary'],
    ['the pension day', cal(), '2026-03-13', 'pension_day'],
    ['February 2026 (28 days): the 26th', cal(), '2026-02-26', 'ordinary'],
    ['February 2026: the 27th is a month end', cal(), '2026-02-27', 'month_end'],
    ['February 2026: the 28th', cal(), '2026-02-28', 'month_end'],
    ['leap February 2028: the 27th is not', cal(), '2028-02-27', 'ordinary'],
    ['leap February 2028: the 28th', cal(), '2028-02-28', 'month_end'],
    ['leap February 2028: the 29th', cal(), '2028-02-29', 'month_end'],
    ['2000 is a leap year (divisible by 400): the 27th', cal(), '2000-02-27', 'ordinary'],
    ['2100 is not (divisible by 100): the 27th', cal(), '2100-02-27', 'month_end'],
    ['a 31-day month: the 29th', cal(), '2026-03-29', 'ordinary'],
    ['a 31-day month: the 30th', cal(), '2026-03-30', 'month_end'],
    ['a 30-day month: the 29th', cal(), '2026-04-29', 'month_end'],
    ['year end', cal(), '2026-12-31', 'month_end'],
    ['no month-end days', cal({ monthEndDays: 0 }), '2026-02-28', 'ordinary'],
    ['a week of month end', cal({ monthEndDays: 7 }), '2026-02-22', 'month_end'],
    // A pension day past the month's end is its last day.
    ['pension on the 31st, paid on 30 April', cal({ pensionDays: [31] }), '2026-04-30', 'pension_day'],
    ['pension on the 31st, paid on 28 February 2026', cal({ pensionDays: [31] }), '2026-02-28', 'pension_day'],
    ['pension on the 30th, paid on 29 February 2028', cal({ pensionDays: [30] }), '2028-02-29', 'pension_day'],
    ['pension on the 30th, not on 31 March', cal({ pensionDays: [30], monthEndDays: 0 }), '2026-03-31', 'ordinary'],
    ['two pension days a month', cal({ pensionDays: [5, 20] }), '2026-03-20', 'pension_day'],
    // A pension day on a weekend (13 June 2026 is a Saturday, 13 September a Sunday).
    ['same_day: a Saturday stays a pension day', cal(), '2026-06-13', 'pension_day'],
    ['friday_before: Saturday the 13th → Friday the 12th', cal({ pensionOnWeekend: 'friday_before' }), '2026-06-12', 'pension_day'],
    ['friday_before: the Saturday itself is ordinary', cal({ pensionOnWeekend: 'friday_before' }), '2026-06-13', 'ordinary'],
    ['friday_before: Sunday the 13th → Friday the 11th', cal({ pensionOnWeekend: 'friday_before' }), '2026-09-11', 'pension_day'],
    ['monday_after: Saturday the 13th → Monday the 15th', cal({ pensionOnWeekend: 'monday_after' }), '2026-06-15', 'pension_day'],
    ['monday_after: Sunday the 13th → Monday the 14th', cal({ pensionOnWeekend: 'monday_after' }), '2026-09-14', 'pension_day'],
    ['monday_after: the Sunday itself is ordinary', cal({ pensionOnWeekend: 'monday_after' }), '2026-09-13', 'ordinary'],
    ['a weekday pension day does not move (Friday 13 March 2026)', cal({ pensionOnWeekend: 'monday_after' }), '2026-03-13', 'pension_day'],
    // Moves across a month's edge: Saturday 31 January 2026 → Monday 2 February; Saturday 1 August → Friday 31 July.
    ['monday_after across the month: 2 February', cal({ pensionDays: [31], pensionOnWeekend: 'monday_after' }), '2026-02-02', 'pension_day'],
    ['monday_after across the month: 31 January itself is a month end', cal({ pensionDays: [31], pensionOnWeekend: 'monday_after' }), '2026-01-31', 'month_end'],
    ['friday_before across the month: 31 July', cal({ pensionDays: [1], pensionOnWeekend: 'friday_before' }), '2026-07-31', 'pension_day'],
    ['friday_before from Sunday 1 March 2026 → Friday 27 February', cal({ pensionDays: [1], pensionOnWeekend: 'friday_before' }), '2026-02-27', 'pension_day'],
    ['friday_before across the year: Saturday 1 January 2028 → Friday 31 December 2027', cal({ pensionDays: [1], pensionOnWeekend: 'friday_before' }), '2027-12-31', 'pension_day'],
    ['monday_after across the year: Sunday 31 December 2028 → Monday 1 January 2029', cal({ pensionDays: [31], pensionOnWeekend: 'monday_after', monthEndDays: 0 }), '2029-01-01', 'pension_day'],
    // Precedence: holiday eve, then pension day, then month end.
    ['a holiday eve that is a month end', cal({ holidayEves: ['2026-09-30'] }), '2026-09-30', 'holiday_eve'],
    ['a holiday eve on the pension day', cal({ holidayEves: ['2026-03-13'] }), '2026-03-13', 'holiday_eve'],
    ['a pension day that is a month end', cal({ pensionDays: [30] }), '2026-09-30', 'pension_day'],
    ['a holiday eve of another year is not', cal({ holidayEves: ['2025-09-30'] }), '2026-09-30', 'month_end'],
  ];
  it.each(cases)('%s (%s → %s)', (_what, calendar, date, kind) => {
    expect(dayKind(date, calendar)).toBe(kind);
  });

  it('refuses a date that does not exist', () => {
    expect(() => dayKind('2026-02-29', cal())).toThrow(RangeError);
    expect(() => dayKind('2026-13-01', cal())).toThrow(RangeError);
  });
});

describe('BranchCalendar', () => {
  it('takes the defaults and refuses nonsense', () => {
    expect(BranchCalendar.parse(DEFAULT_CALENDAR)).toEqual(DEFAULT_CALENDAR);
    const bad: unknown[] = [
      { ...DEFAULT_CALENDAR, pensionDays: [0] },
      { ...DEFAULT_CALENDAR, pensionDays: [32] },
      { ...DEFAULT_CALENDAR, pensionDays: [13, 13] },
      { ...DEFAULT_CALENDAR, pensionDays: [1.5] },
      { ...DEFAULT_CALENDAR, monthEndDays: 8 },
      { ...DEFAULT_CALENDAR, monthEndDays: -1 },
      { ...DEFAULT_CALENDAR, holidayEves: ['2026-02-30'] },
      { ...DEFAULT_CALENDAR, holidayEves: ['2026-09-30', '2026-09-30'] },
      { ...DEFAULT_CALENDAR, pensionOnWeekend: 'sunday' },
      { ...DEFAULT_CALENDAR, extra: 1 },
      { pensionDays: [13] },
    ];
    for (const body of bad) expect(BranchCalendar.safeParse(body).success, JSON.stringify(body)).toBe(false);
  });
});

// The branch's calendar of day kinds (issue 15): which business days draw a different crowd.
// A pension day (养老金发放日) brings older customers for cash, a month end brings salaries
// and corporate payments, the eve of a public holiday brings everyone who wants cash before
// the branch closes for days (../shared/DOMAIN.md: "The sources' peak days"). The wait
// estimator learns arrivals, service times and breaks separately for each kind
// (main/hub/estimate/day-kinds.ts), because a pension day learnt from ordinary days runs
// minutes low all day.
//
// Isomorphic (no Node imports): the hub reads it, the admin's card edits it.
import { z } from 'zod';
import { CalendarDate, isCalendarDate } from './dates.js';

export const DAY_KINDS = ['ordinary', 'month_end', 'pension_day', 'holiday_eve'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/**
 * Where a pension day that falls on a Saturday or Sunday goes. Chinese retail branches open at
 * weekends and most pension offices credit on the set date, so the default keeps the date;
 * where the local office pays on the Friday before (提前发放) or the Monday after (顺延), the
 * branch says so, and the weekend date itself is then not a pension day.
 */
export const PENSION_WEEKEND_RULES = ['same_day', 'friday_before', 'monday_after'] as const;
export type PensionWeekendRule = (typeof PENSION_WEEKEND_RULES)[number];

/** At most a week of month end: past that the "month end" is a third of the month and tells nothing. */
export const MAX_MONTH_END_DAYS = 7;
/** Two years of holiday eves (China has seven public holidays a year) with room to spare. */
export const MAX_HOLIDAY_EVES = 60;

const unique = <T>(list: readonly T[]): boolean => new Set(list).size === list.length;

export const BranchCalendar = z.strictObject({
  /** Days of the month pensions are paid (1–31); a day past the month's end is its last day (the 31st in April is the 30th). */
  pensionDays: z.array(z.number().int().min(1).max(31)).max(31).refine(unique, 'each pension day once'),
  pensionOnWeekend: z.enum(PENSION_WEEKEND_RULES),
  /** The last n calendar days of each month are month-end days; 0: none. */
  monthEndDays: z.number().int().min(0).max(MAX_MONTH_END_DAYS),
  /** The business days before public holidays, YYYY-MM-DD (the State Council sets the holidays each year). */
  holidayEves: z.array(CalendarDate).max(MAX_HOLIDAY_EVES).refine(unique, 'each holiday eve once'),
});
export type BranchCalendar = z.infer<typeof BranchCalendar>;

/**
 * The defaults a new branch starts from: the sources' branch pays pensions on the 13th, and
 * salaries arrive over the last two days of a month. Holiday eves change every year, so none
 * is assumed. A wrong default costs little: a kind with too few past days is learnt from all
 * days (main/hub/estimate/day-kinds.ts).
 */
export const DEFAULT_CALENDAR: BranchCalendar = { pensionDays: [13], pensionOnWeekend: 'same_day', monthEndDays: 2, holidayEves: [] };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DAY_MS = 86_400_000;

/** The dates (UTC day numbers) pensions are paid in `year`-`month`, after the weekend rule. */
function pensionDates(calendar: BranchCalendar, year: number, month: number): number[] {
  const last = daysInMonth(year, month);
  return calendar.pensionDays.map((set) => {
    const paid = Date.UTC(year, month - 1, Math.min(set, last)) / DAY_MS;
    const dow = new Date(paid * DAY_MS).getUTCDay();
    if ((dow !== 0 && dow !== 6) || calendar.pensionOnWeekend === 'same_day') return paid;
    // Saturday → Friday −1 or Monday +2; Sunday → Friday −2 or Monday +1. The move may cross
    // into the next or the previous month (the 31st, a Saturday, is paid on the 2nd).
    if (calendar.pensionOnWeekend === 'friday_before') return paid - (dow === 6 ? 1 : 2);
    return paid + (dow === 6 ? 2 : 1);
  });
}

/**
 * The kind of a date. When a date is of several kinds the rarer, larger crowd wins: a holiday
 * eve, then a pension day, then a month end (a pension day on the 30th is a pension day).
 * Weekends are otherwise not special: the kind says who comes, and the hub asks only about
 * days the branch opens.
 */
export function dayKind(date: string, calendar: BranchCalendar): DayKind {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  if (calendar.holidayEves.includes(date)) return 'holiday_eve';
  const [year, month, day] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const today = Date.UTC(year, month - 1, day) / DAY_MS;
  // A weekend move reaches at most two days into a neighbouring month.
  for (const offset of [-1, 0, 1]) {
    const m = new Date(Date.UTC(year, month - 1 + offset, 1));
    if (pensionDates(calendar, m.getUTCFullYear(), m.getUTCMonth() + 1).includes(today)) return 'pension_day';
  }
  if (day > daysInMonth(year, month) - calendar.monthEndDays) return 'month_end';
  return 'ordinary';
}

// The API's dates, months and date-times: one schema each, so no route can accept a day that
// does not exist (2026-02-30, 2026-13-45, 0000-00-00) and pass it to the ledger or a report.
//
// Years run from 2000 to 2100. Decision: a branch's records start long after 2000 and no one
// plans a lobby past 2100, so anything outside is a typo or a probe; the bound also keeps every
// date four digits long, so the ledger's string comparisons of dates stay in calendar order.
import { z } from 'zod';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function saneYearMonth(year: number, month: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12;
}

/** True for YYYY-MM-DD naming a day that exists, in years MIN_YEAR…MAX_YEAR. */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return saneYearMonth(year, month) && day >= 1 && day <= daysInMonth(year, month);
}

/** True for YYYY-MM, a month in years MIN_YEAR…MAX_YEAR. */
export function isCalendarMonth(text: string): boolean {
  const m = MONTH.exec(text);
  return m !== null && saneYearMonth(Number(m[1]), Number(m[2]));
}

/** A calendar date, YYYY-MM-DD (a business day, a due date, a report's day). */
export const CalendarDate = z
  .string()
  .max(10, 'not a date: give YYYY-MM-DD')
  .refine(isCalendarDate, `not a real calendar date: give YYYY-MM-DD, a day from ${MIN_YEAR}-01-01 to ${MAX_YEAR}-12-31`);

/** A calendar month, YYYY-MM (the monthly report). */
export const CalendarMonth = z
  .string()
  .max(7, 'not a month: give YYYY-MM')
  .refine(isCalendarMonth, `not a real month: give YYYY-MM, from ${MIN_YEAR}-01 to ${MAX_YEAR}-12`);

/** An instant, ISO 8601 with a zone (2026-03-02T10:30:00+08:00), on a real day in the same years. */
export const DateTime = z
  .string()
  .max(40, 'not a date-time: give ISO 8601 with a zone')
  .pipe(z.iso.datetime({ offset: true, error: 'not a date-time: give ISO 8601 with a zone, e.g. 2026-03-02T10:30:00+08:00' }))
  .refine((text) => isCalendarDate(text.slice(0, 10)) && Number.isFinite(Date.parse(text)), {
    message: `not a real date-time: the day must exist, in ${MIN_YEAR}…${MAX_YEAR}`,
  });

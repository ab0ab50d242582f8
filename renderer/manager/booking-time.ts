// The booking form's time: a datetime-local value in the console's own time zone (the branch's),
// turned into the ISO instant the hub takes.
import { isCalendarDate } from '../../main/common/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM` of a local time. */
export function localInputValue(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The next half hour at least 15 minutes away: a sensible first suggestion. */
export function suggestedTime(now: number): string {
  const half = 30 * 60_000;
  return localInputValue(Math.ceil((now + 15 * 60_000) / half) * half);
}

/** The ISO instant of a datetime-local value, or null when it is not one. */
export function isoOfLocal(value: string): string | null {
  const [date, time, ...rest] = value.split('T');
  if (rest.length > 0 || !date || !time || !isCalendarDate(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

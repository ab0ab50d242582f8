// A branch's "today" is its own date (its time zone, sent with each batch): the counts of the
// branch list (branches.ts) are the hub's daily report's for that day.

/** YYYY-MM-DD of `at` in `timeZone` (an unknown zone reads as UTC). */
export function localDate(at: number, timeZone: string): string {
  let zone = timeZone;
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
  } catch {
    zone = 'UTC';
  }
  // en-CA spells a date YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

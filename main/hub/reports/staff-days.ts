// Teller figures of given business days, gathered during the same replay of the ledger that
// gives the days' tickets (day-tickets.ts), so a month is still one pass over its events.
import type Database from 'better-sqlite3';
import type { ReplayObserver } from './day-tickets.js';
import { addDays, localTime } from '../records/settings.js';
import { ratingsOfDay } from './ratings.js';
import { StaffDay, type StaffTallies } from './staff-figures.js';

export interface StaffReplay {
  observe: ReplayObserver;
  /** Each wanted day's tallies (a day the branch did not open has none), ratings added. */
  finish(db: Database.Database): Map<string, StaffTallies>;
}

/** @param now time counts up to now at the latest: today's pause still running is counted so far. */
export function staffReplay(dates: readonly string[], now: number): StaffReplay {
  const wanted = new Set(dates);
  const days = new Map<string, StaffDay>();
  const observe: ReplayObserver = (before, event, at, after) => {
    const date = before.day?.date;
    if (date !== undefined && days.has(date)) days.get(date)!.observe(before, event, at, after);
    if (event.type === 'day.opened' && wanted.has(event.date) && !days.has(event.date)) {
      const day = new StaffDay(Math.min(now, localTime(addDays(event.date, 1), '00:00')));
      day.start(after, at);
      days.set(event.date, day);
    }
  };
  return {
    observe,
    finish(db) {
      const out = new Map<string, StaffTallies>();
      for (const [date, day] of days) {
        for (const [staffId, ratings] of ratingsOfDay(db, date)) day.addRatings(staffId, ratings);
        out.set(date, day.finish());
      }
      return out;
    },
  };
}

// The satisfaction pads' scores for the teller figures: each rating is the teller's who was
// signed in at the pad's counter when the customer tapped (the pad showed their name), read
// from the ratings table the pad's events project (main/hub/rating/rating-projector.ts).
import type Database from 'better-sqlite3';
import { readRatings } from '../rating/rating-projector.js';

/** Scores (1–5) by staff ID, of one business day; a rating given with nobody signed in is nobody's. */
export function ratingsOfDay(db: Database.Database, date: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of readRatings({ db }, date, date)) {
    if (r.staffId === null) continue;
    out.set(r.staffId, [...(out.get(r.staffId) ?? []), r.score]);
  }
  return out;
}

// The satisfaction pad's seam (issue 14): the ratings each teller got in a stretch of time.
// The pad is being built separately; until it records its ratings in the ledger this returns
// none, so every teller's `ratings` is 0 and `avgRating` null. When it does, read its events
// here (attributed like every teller figure: to whoever was signed in at the pad's counter)
// and nothing else in the reports changes.
import type Database from 'better-sqlite3';

/** Ratings (1–5) by staff ID, given in `from <= at < until`. */
export function ratingsBetween(_db: Database.Database, _from: number, _until: number): Map<string, number[]> {
  return new Map();
}

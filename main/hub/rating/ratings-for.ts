// The ratings section of the daily and monthly reports, and the per-teller figures the staff
// report plugs in (`ratings`, `avgRating` per staff ID): counts, mean scores and the share of
// satisfied customers (4 or 5), per teller and per service, from the ratings table.
import type Database from 'better-sqlite3';
import { RATING_REASONS, SATISFIED_SCORE, type RatingFigures, type RatingsSection } from '../../common/rating.js';
import { readRatings, type RatingRow } from './rating-projector.js';

const round1 = (x: number) => Math.round(x * 10) / 10;

export function figuresOf(rows: readonly Pick<RatingRow, 'score'>[]): RatingFigures {
  if (rows.length === 0) return { ratings: 0, avgRating: 0, satisfiedShare: 0 };
  const sum = rows.reduce((a, r) => a + r.score, 0);
  const satisfied = rows.filter((r) => r.score >= SATISFIED_SCORE).length;
  return { ratings: rows.length, avgRating: round1(sum / rows.length), satisfiedShare: round1((satisfied / rows.length) * 100) };
}

function groupBy<K>(rows: readonly RatingRow[], key: (r: RatingRow) => K): Map<K, RatingRow[]> {
  const out = new Map<K, RatingRow[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** The section from rows already read (tests, and callers holding rows). */
export function ratingsSectionOf(rows: readonly RatingRow[]): RatingsSection {
  const byStaff = [...groupBy(rows, (r) => r.staffId)].map(([staffId, rs]) => ({ staffId, ...figuresOf(rs) }));
  const byService = [...groupBy(rows, (r) => r.service)].map(([service, rs]) => ({ service, ...figuresOf(rs) }));
  // Staff IDs in order, a rating given while nobody was signed in (null) last; services by code.
  byStaff.sort((a, b) => (a.staffId === null ? 1 : b.staffId === null ? -1 : a.staffId.localeCompare(b.staffId)));
  byService.sort((a, b) => a.service.localeCompare(b.service));
  const reasons = RATING_REASONS.map((reason) => ({ reason, count: rows.filter((r) => r.reasons.includes(reason)).length })).filter((r) => r.count > 0);
  return { total: figuresOf(rows), byStaff, byService, reasons };
}

/**
 * Ratings of the business days `from` to `to` (YYYY-MM-DD, both included): per staff, per
 * service, in total. The staff report takes `byStaff` (`ratings`, `avgRating`) by staff ID.
 */
export function ratingsFor(db: Database.Database, from: string, to: string = from): RatingsSection {
  return ratingsSectionOf(readRatings({ db }, from, to));
}

// The satisfaction pad (服务评价器): after a service ends at a counter, the customer there rates
// it with one of five faces, and for a low score taps what went wrong. Shared by the hub (its
// rules and event), the pad's screen and the reports.
import { z } from 'zod';

/** 5 非常满意 … 1 非常不满意: the faces left to right on the pad are 5 down to 1. */
export const SCORES = [5, 4, 3, 2, 1] as const;
export type Score = (typeof SCORES)[number];

/** A score at or below this asks for reasons and raises a `low_rating` alert. */
export const LOW_SCORE = 2;
/** Scores of 4 and 5 count as satisfied in the reports' share. */
export const SATISFIED_SCORE = 4;

/**
 * What a customer who rated low may tap, in the pad's order. Decision: the four complaints a
 * branch's service-quality checks name most (a long wait, the teller's manner, a teller unsure
 * of the business, too many forms), and "other"; five big buttons still fit a small tablet,
 * and no free text: a customer-facing pad takes no typing and stores nothing personal.
 */
export const RATING_REASONS = ['long_wait', 'attitude', 'unskilled', 'paperwork', 'other'] as const;
export type RatingReason = (typeof RATING_REASONS)[number];

/** How long after a finish its customer may rate it, and the pad asks. */
export const RATING_WINDOW_MS = 5 * 60_000;

export type RatingEvent = {
  type: 'rating.recorded';
  /** The ticket's id (the ratings row's key), and its number as the manager reads it. */
  ticket: string;
  number: string;
  /** The ticket's business day, which the reports count it in. */
  businessDay: string;
  counter: string;
  /** The teller the pad showed: signed in at the counter when the customer rated (null if nobody was). */
  staffId: string | null;
  service: string;
  score: Score;
  reasons: RatingReason[];
};

/** POST /api/ratings: `ticket` is the number the pad was asked about (A012), as customers' screens name tickets. */
export const RatingBody = z
  .strictObject({
    ticket: z.string().min(1).max(16),
    score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    reasons: z.array(z.enum(RATING_REASONS)).max(RATING_REASONS.length).optional(),
  })
  .superRefine((b, ctx) => {
    const reasons = b.reasons ?? [];
    if (new Set(reasons).size !== reasons.length) ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'Each reason is given once.' });
    if (reasons.length > 0 && b.score > LOW_SCORE) ctx.addIssue({ code: 'custom', path: ['reasons'], message: `Reasons go with a score of ${LOW_SCORE} or less.` });
  });

/** GET /api/rating/current: what the pad shows now. Never a customer's data: a ticket number and times. */
export interface RatingCurrent {
  counter: string;
  /** The teller signed in at the counter: their staff number (工号) and name as the counter shows them. */
  teller: { staffId: string; name: string } | null;
  /** The service just finished here that its customer may still rate; null: show the counter's card. */
  ask: { ticket: string; finishedAt: string } | null;
}

/** One row of the reports' ratings: per teller (`staffId`) or per service (`service`). */
export interface RatingFigures {
  ratings: number;
  /** Mean score, to 0.1; 0 when there are none. */
  avgRating: number;
  /** Per cent of ratings of 4 or 5, to 0.1. */
  satisfiedShare: number;
}

export interface RatingsSection {
  total: RatingFigures;
  byStaff: (RatingFigures & { staffId: string | null })[];
  byService: (RatingFigures & { service: string })[];
  /** How often each reason was tapped. */
  reasons: { reason: RatingReason; count: number }[];
}

// The pad's rules without SQLite: which finish a pad asks about, and who may rate what, when, how often.
import { describe, expect, it } from 'vitest';
import { RatingBody } from '../../common/rating.js';
import { branch, issue, MIN, run, T0 } from '../queue/test-support.js';
import { askAt, decideRating } from './decide.js';
import { figuresOf, ratingsSectionOf } from './ratings-for.js';
import type { RatingRow } from './rating-projector.js';

/** a (A001) served and finished at counter 1 at T0 + 3 min; b (A002) waiting. */
function served() {
  let s = issue(branch(), 'a', 'cash', T0);
  s = issue(s, 'b', 'cash', T0 + 1000);
  return run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: 'a' }, { type: 'ticket.start', ticket: 'a' }, { type: 'ticket.finish', ticket: 'a' }], T0 + 3 * MIN);
}
const FINISH = T0 + 3 * MIN;
const never = () => false;

describe('what the pad asks', () => {
  it('asks at the finishing counter about the ticket just finished, by its number', () => {
    expect(askAt(served(), '1', never, FINISH + MIN)?.number).toBe('A001');
    expect(askAt(served(), '2', never, FINISH + MIN)).toBeNull();
  });

  it('stops asking after 5 minutes, once rated, and once the counter calls the next customer', () => {
    expect(askAt(served(), '1', never, FINISH + 5 * MIN)?.number).toBe('A001');
    expect(askAt(served(), '1', never, FINISH + 5 * MIN + 1)).toBeNull();
    expect(askAt(served(), '1', (id) => id === 'a', FINISH + MIN)).toBeNull();
    const next = run(served(), [{ type: 'counter.call_next', counter: '1' }], FINISH + MIN);
    expect(askAt(next, '1', never, FINISH + MIN)).toBeNull();
  });
});

describe('a rating', () => {
  it('is recorded for the pad of the counter where the ticket finished, with the teller there', () => {
    const e = decideRating(served(), { ticket: 'A001', score: 2, reasons: ['long_wait'] }, '1', never, FINISH + MIN);
    expect(e).toEqual({ type: 'rating.recorded', ticket: 'a', number: 'A001', businessDay: '2025-01-06', counter: '1', staffId: 'teller1', service: 'cash', score: 2, reasons: ['long_wait'] });
  });

  it('is refused from another counter\'s pad (403 not_this_counter)', () => {
    expect(() => decideRating(served(), { ticket: 'A001', score: 5 }, '2', never, FINISH)).toThrow(expect.objectContaining({ kind: 'forbidden', code: 'not_this_counter' }));
  });

  it('is taken once (409 already_rated), and within 5 minutes of the finish only (409 rating_closed)', () => {
    expect(() => decideRating(served(), { ticket: 'A001', score: 5 }, '1', (id) => id === 'a', FINISH)).toThrow(expect.objectContaining({ kind: 'conflict', code: 'already_rated' }));
    expect(decideRating(served(), { ticket: 'A001', score: 5 }, '1', never, FINISH + 5 * MIN).score).toBe(5);
    expect(() => decideRating(served(), { ticket: 'A001', score: 5 }, '1', never, FINISH + 5 * MIN + 1)).toThrow(expect.objectContaining({ kind: 'conflict', code: 'rating_closed' }));
  });

  it('needs a finished ticket of today', () => {
    expect(() => decideRating(served(), { ticket: 'A002', score: 4 }, '1', never, FINISH)).toThrow(expect.objectContaining({ code: 'not_finished' }));
    expect(() => decideRating(served(), { ticket: 'Z999', score: 4 }, '1', never, FINISH)).toThrow(expect.objectContaining({ kind: 'not_found', code: 'unknown_ticket' }));
  });

  it('takes reasons only with a score of 2 or less, each once, from the list', () => {
    expect(RatingBody.safeParse({ ticket: 'A001', score: 1, reasons: ['attitude', 'other'] }).success).toBe(true);
    expect(RatingBody.safeParse({ ticket: 'A001', score: 4, reasons: ['attitude'] }).success).toBe(false);
    expect(RatingBody.safeParse({ ticket: 'A001', score: 1, reasons: ['attitude', 'attitude'] }).success).toBe(false);
    expect(RatingBody.safeParse({ ticket: 'A001', score: 1, reasons: ['rude'] }).success).toBe(false);
    expect(RatingBody.safeParse({ ticket: 'A001', score: 6 }).success).toBe(false);
    expect(RatingBody.safeParse({ ticket: 'A001', score: 0 }).success).toBe(false);
  });
});

describe('the reports\' figures', () => {
  const row = (staffId: string | null, service: string, score: 1 | 2 | 3 | 4 | 5, reasons: RatingRow['reasons'] = []): RatingRow => ({ ticket: `${staffId}-${service}-${score}-${Math.random()}`, number: 'A001', businessDay: '2025-01-06', counter: '1', staffId, service, score, reasons, at: T0 });

  it('counts, averages to 0.1 and gives the share of 4s and 5s in per cent', () => {
    expect(figuresOf([])).toEqual({ ratings: 0, avgRating: 0, satisfiedShare: 0 });
    expect(figuresOf([{ score: 5 }, { score: 4 }, { score: 2 }])).toEqual({ ratings: 3, avgRating: 3.7, satisfiedShare: 66.7 });
  });

  it('groups per teller (nobody signed in last) and per service, and counts the reasons', () => {
    const s = ratingsSectionOf([row('teller2', 'cash', 5), row('teller1', 'cash', 1, ['long_wait', 'attitude']), row(null, 'noncash', 4), row('teller1', 'noncash', 3)]);
    expect(s.byStaff).toEqual([
      { staffId: 'teller1', ratings: 2, avgRating: 2, satisfiedShare: 0 },
      { staffId: 'teller2', ratings: 1, avgRating: 5, satisfiedShare: 100 },
      { staffId: null, ratings: 1, avgRating: 4, satisfiedShare: 100 },
    ]);
    expect(s.byService).toEqual([
      { service: 'cash', ratings: 2, avgRating: 3, satisfiedShare: 50 },
      { service: 'noncash', ratings: 2, avgRating: 3.5, satisfiedShare: 50 },
    ]);
    expect(s.total).toEqual({ ratings: 4, avgRating: 3.3, satisfiedShare: 50 });
    expect(s.reasons).toEqual([{ reason: 'long_wait', count: 1 }, { reason: 'attitude', count: 1 }]);
  });
});

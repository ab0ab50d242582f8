// The pad's screens as a function of the hub's answers and the customer's taps.
import { describe, expect, it } from 'vitest';
import type { RatingCurrent } from '../../main/common/rating';
import { IDLE, REASONS_MS, sendReasons, tapFace, THANKS_MS, tick, toggleReason, withCurrent } from './pad-state';

const asking = (ticket: string | null): RatingCurrent => ({ counter: '1', teller: { staffId: 'teller1', name: '张三' }, ask: ticket ? { ticket, finishedAt: '2026-01-01T01:00:00.000Z' } : null });
const none = new Set<string>();

describe('the satisfaction pad', () => {
  it('goes from idle to the question when the hub asks, and back when the question goes away', () => {
    const p = withCurrent(IDLE, asking('A001'), none, 0);
    expect(p).toEqual({ kind: 'asking', ticket: 'A001' });
    expect(withCurrent(p, asking(null), none, 1)).toEqual(IDLE);
    // A ticket this pad already sent is not asked again.
    expect(withCurrent(IDLE, asking('A001'), new Set(['A001']), 0)).toEqual(IDLE);
  });

  it('sends a 3, 4 or 5 at once and thanks; asks for reasons first for a 1 or 2', () => {
    const p = withCurrent(IDLE, asking('A001'), none, 0);
    expect(tapFace(p, 4, 10)).toEqual({ phase: { kind: 'thanks', ticket: 'A001', low: false, since: 10 }, send: { ticket: 'A001', score: 4 } });
    const low = tapFace(p, 2, 10);
    expect(low.send).toBeNull();
    const chosen = toggleReason(toggleReason(toggleReason(low.phase, 'long_wait'), 'attitude'), 'long_wait');
    expect(sendReasons(chosen, 20)).toEqual({ phase: { kind: 'thanks', ticket: 'A001', low: true, since: 20 }, send: { ticket: 'A001', score: 2, reasons: ['attitude'] } });
  });

  it('sends the reasons by themselves after a while, and thanks for 30 s unless the next customer finishes', () => {
    const low = tapFace(withCurrent(IDLE, asking('A001'), none, 0), 1, 0).phase;
    expect(tick(low, REASONS_MS - 1).sendReasons).toBe(false);
    expect(tick(low, REASONS_MS).sendReasons).toBe(true);
    const thanks = sendReasons(low, 100).phase;
    // The hub still lists A001 until it has the rating: the pad stays on thanks.
    expect(withCurrent(thanks, asking('A001'), new Set(['A001']), 200)).toBe(thanks);
    expect(tick(thanks, 100 + THANKS_MS - 1).phase).toBe(thanks);
    expect(tick(thanks, 100 + THANKS_MS).phase).toEqual(IDLE);
    expect(withCurrent(thanks, asking('A002'), new Set(['A001']), 200)).toEqual({ kind: 'asking', ticket: 'A002' });
  });
});

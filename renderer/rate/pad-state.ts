// What the satisfaction pad shows, as a pure step function of what the hub says and what the
// customer taps, so its rules are unit-tested without a browser:
// - idle (the counter's card) until the hub asks about a service just finished here;
// - asking: five faces; a tap of 3–5 sends at once, 1–2 first asks for reasons;
// - reasons: tap any, then send (sent by itself after REASONS_MS, so a customer who walks away
//   still leaves the score);
// - thanks for THANKS_MS, then idle; a new question (the next customer's finish) comes first.
import { LOW_SCORE, type RatingCurrent, type RatingReason, type Score } from '../../main/common/rating';

export const THANKS_MS = 30_000;
export const REASONS_MS = 20_000;

export type Phase =
  | { kind: 'idle' }
  | { kind: 'asking'; ticket: string }
  | { kind: 'reasons'; ticket: string; score: Score; reasons: RatingReason[]; since: number }
  | { kind: 'thanks'; ticket: string; low: boolean; since: number };

export const IDLE: Phase = { kind: 'idle' };

/** The hub's answer arrived (every poll). `answered`: tickets this pad already sent a rating for. */
export function withCurrent(phase: Phase, current: RatingCurrent, answered: ReadonlySet<string>, now: number): Phase {
  const ask = current.ask && !answered.has(current.ask.ticket) ? current.ask.ticket : null;
  switch (phase.kind) {
    case 'idle':
      return ask ? { kind: 'asking', ticket: ask } : phase;
    case 'asking':
      // The question went away (the counter called the next customer, or 5 minutes passed).
      if (ask === null) return IDLE;
      return ask === phase.ticket ? phase : { kind: 'asking', ticket: ask };
    case 'reasons':
      // The customer is choosing: the hub still takes the rating for 5 minutes, whatever the counter does.
      return phase;
    case 'thanks':
      if (ask && ask !== phase.ticket) return { kind: 'asking', ticket: ask };
      return now - phase.since >= THANKS_MS ? IDLE : phase;
  }
}

/** A face was tapped: what to send now (null: ask for reasons first) and the next phase. */
export function tapFace(phase: Phase, score: Score, now: number): { phase: Phase; send: { ticket: string; score: Score } | null } {
  if (phase.kind !== 'asking') return { phase, send: null };
  if (score <= LOW_SCORE) return { phase: { kind: 'reasons', ticket: phase.ticket, score, reasons: [], since: now }, send: null };
  return { phase: { kind: 'thanks', ticket: phase.ticket, low: false, since: now }, send: { ticket: phase.ticket, score } };
}

export function toggleReason(phase: Phase, reason: RatingReason): Phase {
  if (phase.kind !== 'reasons') return phase;
  const reasons = phase.reasons.includes(reason) ? phase.reasons.filter((r) => r !== reason) : [...phase.reasons, reason];
  return { ...phase, reasons };
}

/** Send the low score with its reasons (the customer's tap, or REASONS_MS passed). */
export function sendReasons(phase: Phase, now: number): { phase: Phase; send: { ticket: string; score: Score; reasons: RatingReason[] } | null } {
  if (phase.kind !== 'reasons') return { phase, send: null };
  return { phase: { kind: 'thanks', ticket: phase.ticket, low: true, since: now }, send: { ticket: phase.ticket, score: phase.score, reasons: phase.reasons } };
}

/** The clock moved: thanks and the reasons' wait run out. */
export function tick(phase: Phase, now: number): { phase: Phase; sendReasons: boolean } {
  if (phase.kind === 'thanks' && now - phase.since >= THANKS_MS) return { phase: IDLE, sendReasons: false };
  if (phase.kind === 'reasons' && now - phase.since >= REASONS_MS) return { phase, sendReasons: true };
  return { phase, sendReasons: false };
}

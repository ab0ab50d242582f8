// Failed PINs are answered more and more slowly, then the staff ID is locked for a while:
// a six-digit PIN must not be guessable by trying, and a lock must not keep anyone out for long.

export interface ThrottlePolicy {
  /** Delay before answering the first failure; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts in a row (counted before the PIN is checked) that lock the staff ID. */
  lockAfter: number;
  lockMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { baseDelayMs: 250, maxDelayMs: 4000, lockAfter: 5, lockMs: 5 * 60_000 };

export function failureDelayMs(policy: ThrottlePolicy, failuresSoFar: number): number {
  if (failuresSoFar <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failuresSoFar - 1));
}

/** Attempts counted so far (failed or still being checked) and the lock they led to. */
export interface AttemptState {
  failures: number;
  lockedUntil: number | null;
}

export type Reserved =
  | { refused: true; lockedUntil: number }
  /** `attempt` is this attempt's place in the run; `state` is what to store before the PIN is checked. */
  | { refused: false; attempt: number; state: AttemptState };

/**
 * Counts one more attempt before its PIN is checked: the attempt that reaches `lockAfter`
 * sets the lock, so every later one is refused without a check (the right PIN too) until
 * the lock runs out. A lock that has run out starts a fresh run.
 */
export function reserveAttempt(policy: ThrottlePolicy, state: AttemptState, now: number): Reserved {
  if (state.lockedUntil !== null && state.lockedUntil > now) return { refused: true, lockedUntil: state.lockedUntil };
  const attempt = (state.lockedUntil !== null ? 0 : state.failures) + 1;
  return { refused: false, attempt, state: { failures: attempt, lockedUntil: attempt >= policy.lockAfter ? now + policy.lockMs : null } };
}

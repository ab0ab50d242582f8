// Failed PINs are answered more and more slowly, then the staff ID is locked for a while:
// a six-digit PIN must not be guessable by trying, and a lock must not keep anyone out for long.
// Two counts lock: one per staff ID and source address (so one terminal locks an ID only for
// itself, never the owner at their own terminal), and one per staff ID over every address (so
// guessing from many addresses still locks the ID everywhere).

export interface ThrottlePolicy {
  /** Delay before answering the first failure; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts in a run from one address (counted before the PIN is checked) that lock the ID for that address. */
  lockAfter: number;
  /** Attempts in a run from all addresses together that lock the ID for every address; 4 × lockAfter if unset. */
  lockEverywhereAfter?: number;
  /** How long a lock lasts, and the quiet time (no attempt) after which a run is forgotten. */
  lockMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { baseDelayMs: 250, maxDelayMs: 4000, lockAfter: 5, lockEverywhereAfter: 20, lockMs: 5 * 60_000 };

export function lockEverywhereAfter(policy: ThrottlePolicy): number {
  return policy.lockEverywhereAfter ?? 4 * policy.lockAfter;
}

export function failureDelayMs(policy: ThrottlePolicy, failuresSoFar: number): number {
  if (failuresSoFar <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failuresSoFar - 1));
}

/** Attempts counted so far in a run (failed or still being checked) and the lock they led to. */
export interface AttemptState {
  failures: number;
  lockedUntil: number | null;
  /** When the run's last attempt was counted; null for a run read back from the staff row. */
  lastAt: number | null;
}

export const NO_ATTEMPTS: AttemptState = { failures: 0, lockedUntil: null, lastAt: null };

export type Reserved =
  | { refused: true; lockedUntil: number }
  /** `attempt` is this attempt's place in the run; `state` is what to store before the PIN is checked. */
  | { refused: false; attempt: number; state: AttemptState };

/**
 * Counts one more attempt before its PIN is checked: the attempt that reaches `lockAfter`
 * sets the lock, so every later one is refused without a check (the right PIN too) until
 * the lock runs out. A lock that has run out, or `quietMs` with no attempt, starts a fresh run.
 */
export function reserveAttempt(lockAfter: number, lockMs: number, state: AttemptState, now: number): Reserved {
  if (state.lockedUntil !== null && state.lockedUntil > now) return { refused: true, lockedUntil: state.lockedUntil };
  const fresh = state.lockedUntil !== null || (state.lastAt !== null && now - state.lastAt >= lockMs);
  const attempt = (fresh ? 0 : state.failures) + 1;
  return { refused: false, attempt, state: { failures: attempt, lockedUntil: attempt >= lockAfter ? now + lockMs : null, lastAt: now } };
}

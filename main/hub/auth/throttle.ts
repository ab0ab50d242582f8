// Failed logins are answered more and more slowly, then the staff ID is locked for a while:
// a six-digit PIN must not be guessable by trying.

export interface ThrottlePolicy {
  /** Delay before answering the first failure; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures in a row that lock the staff ID. */
  lockAfter: number;
  lockMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { baseDelayMs: 250, maxDelayMs: 4000, lockAfter: 5, lockMs: 5 * 60_000 };

export function failureDelayMs(policy: ThrottlePolicy, failuresSoFar: number): number {
  if (failuresSoFar <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failuresSoFar - 1));
}

/** After one more failure: how many failures there are, and until when the ID is locked (or null). */
export function afterFailure(policy: ThrottlePolicy, failuresBefore: number, now: number): { failures: number; lockedUntil: number | null } {
  const failures = failuresBefore + 1;
  return { failures, lockedUntil: failures >= policy.lockAfter ? now + policy.lockMs : null };
}

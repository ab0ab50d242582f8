// Reconnect delays: 0.5 s doubling to 5 s at most, so a restarting hub is found quickly
// without a hundred screens hammering it.
export const BACKOFF_MIN_MS = 500;
export const BACKOFF_MAX_MS = 5000;

export function backoffDelay(attempt: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, attempt));
}

// The one error for everything the hub refuses: a bad command, an unknown record, a state that
// forbids the change, a caller without the right, a device that is down. It names what kind of
// refusal it is, never an HTTP status: main/hub/server/errors.ts alone turns a kind into a status
// and `{error: {code, message}}`, so a domain module (and its tests) knows nothing of HTTP.
//
// It lives in common, not in main/hub, because the queue engine throws it and the queue may
// import only common; and it is pure (no package, no Node module), as common must be.

export const DOMAIN_ERROR_KINDS = [
  /** The request itself is wrong: a missing field, a date in the past, a file of another kind. */
  'invalid',
  /** Nobody is signed in, or the PIN or pairing code given is wrong. */
  'unauthorized',
  /** Signed in, but not allowed to do this (another counter's ticket, a role without the right). */
  'forbidden',
  /** What the request names does not exist (today). */
  'not_found',
  /** The record exists but its state refuses the change (already signed, day closed…). */
  'conflict',
  /** The request's address is longer than anything the API needs. */
  'too_long',
  /** Too many attempts: a PIN lock or a rate limit; the caller waits and tries again. */
  'too_many',
  /** A device or the storage cannot do it now; nothing was lost and it can be tried again. */
  'unavailable',
] as const;
export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];

export class DomainError extends Error {
  /**
   * @param code a stable snake_case code callers may branch on (`unknown_ticket`, `day_closed`)
   * @param message written for the person at the screen, not for a developer
   * @param details what a screen needs to say more than the message (the counters a day close
   *   is refused for), sent as `error.details`; never customer data
   */
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

// The one place a refusal becomes an HTTP status, for the hub and the head office alike: the
// domain names only its kind (main/common/errors.ts).
import type { DomainErrorKind } from '../common/errors.js';

export const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_long: 414,
  // A PIN locked after wrong attempts answers as a rate limit does: wait, then try again.
  too_many: 429,
  unavailable: 503,
};

// What every route needs: the hub (state, and the ledger its reads go through), the alerts, options.
import type { AlertBook } from '../alerts/alert-book.js';
import type { Hub } from '../lobby/hub.js';
import type { AdvisorWatch } from '../watch/advisor-watch.js';
import type { Branch } from '../lobby/views.js';
import type { FailureAuditPolicy } from '../auth/failure-audit.js';
import type { ThrottlePolicy } from '../../common/throttle.js';
import type { PinRateLimit } from './pin-rate-limit.js';

export interface HubOptions {
  /** Minutes a pairing code stays valid. */
  pairingCodeMinutes: number;
  /** Hours a staff login lasts. */
  staffSessionHours: number;
  /** Minutes a staff session may stay unused before it ends (device sessions never idle out). */
  staffIdleMinutes: number;
  /** The SHA-256 fingerprint of the certificate the hub serves, null over plain HTTP. */
  certFingerprint: string | null;
  /** Wrong PINs: delays, and the lock after repeated failures (login and signing share it). */
  throttle: ThrottlePolicy;
  /** Requests per client address to each route that checks a PIN (login, signing). */
  pinRateLimit: PinRateLimit;
  /** Failed PINs are audited one event per staff ID and window, not one per attempt. */
  failureAudit: FailureAuditPolicy;
  /** The hub's own printer URI, if any (issue 4 drives it). */
  printer: string | null;
}

export interface ServerContext {
  hub: Hub;
  alerts: AlertBook;
  branch: Branch;
  options: HubOptions;
  /** The advisor (issue 17); absent in servers built without it (some route tests): no advice. */
  advisor?: AdvisorWatch;
}

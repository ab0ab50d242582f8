// What every route needs: the hub (state + ledger), the database for credentials, options.
import type Database from 'better-sqlite3';
import type { AlertBook } from '../alerts/alert-book.js';
import type { Hub } from '../lobby/hub.js';
import type { Branch } from '../lobby/views.js';
import type { ThrottlePolicy } from '../auth/throttle.js';

export interface HubOptions {
  /** Minutes a pairing code stays valid. */
  pairingCodeMinutes: number;
  /** Hours a staff login lasts. */
  staffSessionHours: number;
  /** Minutes a staff session may stay unused before it ends (device sessions never idle out). */
  staffIdleMinutes: number;
  /** The SHA-256 fingerprint of the certificate the hub serves, null over plain HTTP. */
  certFingerprint: string | null;
  throttle: ThrottlePolicy;
  /** The hub's own printer URI, if any (issue 4 drives it). */
  printer: string | null;
}

export interface ServerContext {
  hub: Hub;
  alerts: AlertBook;
  db: Database.Database;
  branch: Branch;
  options: HubOptions;
}

// Checking a staff member's own PIN, for signing in and for signing a record. Both paths share
// one throttle: a wrong PIN at the signature pad counts towards the same lock as at login, so
// signing cannot be used to guess a supervisor's PIN.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Hub } from '../lobby/hub.js';
import { HttpError } from '../server/http-error.js';
import { hashPin, verifyPin } from './pin.js';
import { afterFailure, failureDelayMs, type ThrottlePolicy } from './throttle.js';

export interface StaffRow {
  staff_id: string;
  role: string;
  pin_hash: string;
  demo_pin: number;
  failed_attempts: number;
  locked_until: number | null;
}

export type PinPurpose = 'login' | 'sign';

// Verifying against a fixed hash when the staff ID is unknown keeps both answers equally slow.
const unknownStaffHash = hashPin('unknown-staff');
// Unknown IDs are slowed too, in memory: they have no row to count in.
const unknownFailures = new Map<string, number>();

function auditAttempt(hub: Hub, purpose: PinPurpose, staffId: string, ok: boolean, reason: string | null, write?: () => void): void {
  const event = purpose === 'login' ? ({ type: 'auth.login', staffId, ok, reason } as const) : ({ type: 'auth.sign_pin', staffId, ok, reason } as const);
  hub.audit(event, ok ? staffId : null, write);
}

/**
 * Resolves with the staff row when the PIN is right, resetting the failure count (the caller
 * records the success with its own event: a session, a signature). Throws 429 while locked
 * and 401 on a wrong PIN, after a delay that grows with each failure.
 */
export async function checkStaffPin(hub: Hub, throttle: ThrottlePolicy, staffId: string, pin: string, purpose: PinPurpose): Promise<StaffRow> {
  const db = hub.ledger.db;
  const now = hub.clock();
  const staff = db
    .prepare('SELECT staff_id, role, pin_hash, demo_pin, failed_attempts, locked_until FROM staff WHERE staff_id = ?')
    .get(staffId) as StaffRow | undefined;
  if (staff?.locked_until && staff.locked_until > now) {
    auditAttempt(hub, purpose, staffId, false, 'locked');
    const minutes = Math.ceil((staff.locked_until - now) / 60_000);
    throw new HttpError(429, 'account_locked', `This staff ID is locked after repeated wrong PINs; try again in ${minutes} minute(s).`);
  }
  const ok = await verifyPin(pin, staff?.pin_hash ?? (await unknownStaffHash));
  if (staff && ok) {
    if (staff.failed_attempts > 0) db.prepare('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE staff_id = ?').run(staffId);
    return staff;
  }
  const before = staff ? staff.failed_attempts : (unknownFailures.get(staffId) ?? 0);
  const { failures, lockedUntil } = afterFailure(throttle, before, now);
  if (staff) {
    auditAttempt(hub, purpose, staffId, false, 'wrong_pin', () => {
      db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE staff_id = ?').run(failures, lockedUntil, staffId);
    });
    if (lockedUntil) hub.audit({ type: 'auth.locked', staffId, until: lockedUntil }, null);
  } else {
    unknownFailures.set(staffId, failures);
    auditAttempt(hub, purpose, staffId, false, 'unknown_staff');
  }
  await sleep(failureDelayMs(throttle, failures));
  if (purpose === 'sign') throw new HttpError(401, 'wrong_signing_pin', 'That PIN is not right: sign with your own PIN.');
  throw new HttpError(401, 'wrong_pin', 'The staff ID or the PIN is wrong.');
}

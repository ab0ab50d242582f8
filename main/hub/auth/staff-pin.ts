// Checking a staff member's own PIN, for signing in and for signing a record. Both paths share
// one guard: a wrong PIN at the signature pad counts towards the same locks as at login (for
// its address, and for every address), so signing cannot be used to guess a supervisor's PIN.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Hub } from '../lobby/hub.js';
import { DomainError } from '../../common/errors.js';
import type { StaffRow } from './attempts.js';
import { pinGuardOf } from './pin-guard.js';
import { hashPin, verifyPin } from '../../node/pin-hash.js';
import { failureDelayMs, lockEverywhereAfter } from '../../common/throttle.js';

/** `change`: setting one's own new PIN, the one case a one-time PIN is good for. */
export type PinPurpose = 'login' | 'sign' | 'change';

// Verifying against a fixed hash when the staff ID is unknown keeps both answers equally slow.
const unknownStaffHash = hashPin('unknown-staff');

function lockedError(lockedUntil: number, now: number): DomainError {
  const minutes = Math.max(1, Math.ceil((lockedUntil - now) / 60_000));
  return new DomainError('too_many', 'account_locked', `This staff ID is locked after repeated wrong PINs; try again in ${minutes} minute(s) or ask an admin to unlock it.`);
}

/**
 * Resolves with the staff row when the PIN is right, ending the run of failures from `source`
 * (the caller records the success with its own event: a session, a signature). The attempt is
 * counted before the PIN is checked, so parallel attempts count one each; throws 429 while
 * the ID is locked for `source` or for every address (without checking the PIN) and 401 on a
 * wrong PIN, after a delay that grows with each failure from `source`.
 */
export async function checkStaffPin(hub: Hub, staffId: string, pin: string, purpose: PinPurpose, source: string | null = null): Promise<StaffRow> {
  const guard = pinGuardOf(hub);
  const now = hub.clock();
  const signing = purpose === 'sign';
  // No await before this line: the reservation is what makes parallel attempts count.
  const r = guard.attempts.reserve(staffId, source, now);
  if (r.refused) {
    guard.audit.failed({ staffId, known: r.known, signing, refused: true, source });
    throw lockedError(r.lockedUntil, now);
  }
  const ok = await verifyPin(pin, r.staff?.pin_hash ?? (await unknownStaffHash));
  if (r.staff?.pin_hash && ok) {
    guard.attempts.succeeded(staffId, source, r);
    // The PIN was right: saying so to a disabled person, or to the holder of a one-time PIN, gives nothing away.
    if (r.staff.disabled === 1) throw new DomainError('forbidden', 'staff_disabled', 'This staff ID is disabled: ask an admin.');
    if (r.staff.one_time_pin === 1 && purpose !== 'change') {
      throw new DomainError('forbidden', 'pin_change_required', 'This is a one-time PIN: set your own PIN before you sign in.');
    }
    return r.staff;
  }
  guard.audit.failed({ staffId, known: r.known, signing, refused: false, source });
  if (r.staff && r.lockedUntil !== null && guard.attempts.stillLocked(staffId, source, r.lockedUntil)) {
    hub.audit({ type: 'auth.locked', staffId, until: r.lockedUntil, source }, null);
  }
  if (r.staff && r.lockedEverywhereUntil !== null && guard.attempts.stillLockedEverywhere(staffId, r.lockedEverywhereUntil)) {
    hub.audit({ type: 'auth.locked', staffId, until: r.lockedEverywhereUntil, failures: lockEverywhereAfter(guard.policy.throttle) }, null);
  }
  await sleep(failureDelayMs(guard.policy.throttle, r.attempt));
  if (signing) throw new DomainError('unauthorized', 'wrong_signing_pin', 'That PIN is not right: sign with your own PIN.');
  throw new DomainError('unauthorized', 'wrong_pin', 'The staff ID or the PIN is wrong.');
}

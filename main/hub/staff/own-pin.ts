// Everyone sets their own PIN. Two ways in, one route (POST /api/auth/pin):
//
// - signed in (a staff token): `{pin, newPin}`; the current PIN is asked again, so a terminal
//   left signed in cannot be used to take over its owner's PIN.
// - not signed in: `{staffId, pin, newPin}`, only while `pin` is a one-time PIN an admin handed
//   over. A one-time PIN signs nobody in (login answers 403 `pin_change_required`): its one use
//   is this, after which the person is signed in with their own PIN. The token-less form is
//   needed because a one-time PIN must never open a session, not even one limited to this.
//
// The current PIN is checked by checkStaffPin, so wrong PINs here count towards the same locks
// and delays as at login.
import type { StaffRole } from '../../common/domain.js';
import { DomainError } from '../../common/errors.js';
import { requireGoodPin } from '../../node/one-time-pin.js';
import { hashPin } from '../../node/pin-hash.js';
import { checkStaffPin } from '../auth/staff-pin.js';
import { findStaff, staffPinSet, storeStaffPin } from '../auth/staff-projector.js';
import type { Hub } from '../lobby/hub.js';

/**
 * Sets `staffId`'s own PIN after checking the current one. `signedIn`: the caller holds a
 * session of this staff member; otherwise the current PIN must be a one-time PIN. Resolves
 * with the role, for the caller to sign a one-time PIN's holder in.
 */
export async function setOwnPin(hub: Hub, staffId: string, pin: string, newPin: string, signedIn: boolean, source: string | null): Promise<{ role: StaffRole; wasOneTime: boolean }> {
  requireGoodPin(newPin, pin);
  const staff = await checkStaffPin(hub, staffId, pin, 'change', source);
  const wasOneTime = staff.one_time_pin === 1;
  if (!signedIn && !wasOneTime) throw new DomainError('unauthorized', 'sign_in_first', 'Sign in first, then change your PIN.');
  const pinHash = await hashPin(newPin);
  // Once: two requests with the same one-time PIN cannot both set a PIN (nor one undo an admin's reset meanwhile).
  if (findStaff(hub.ledger, staffId)?.pin_digest !== staff.pin_digest) {
    throw new DomainError('conflict', 'pin_already_changed', 'This PIN was changed a moment ago: sign in with the new one.');
  }
  storeStaffPin(hub.ledger, staffId, pinHash, () => hub.commit([staffPinSet(staffId, pinHash, false)], staffId));
  return { role: staff.role as StaffRole, wasOneTime };
}

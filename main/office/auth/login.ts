// Office sign-in, throttled as the hub's is (main/common/throttle.ts): each failure is answered
// more slowly, and the ID is locked for a while after `lockAfter` attempts in a run from one
// address. Counts live in memory, bounded (RecentMap), and are reserved before the PIN is
// checked, so parallel guesses count every one. Choosing one's own PIN (POST /api/auth/pin)
// checks the current PIN through the same count, so it cannot be used to guess PINs either.
// As at the hub, a one-time PIN signs nobody in (403 `pin_change_required`): its one use is
// choosing a PIN of one's own, which answers with a session.
import { DomainError } from '../../common/errors.js';
import { RecentMap } from '../../common/recent-map.js';
import { DEFAULT_THROTTLE, failureDelayMs, NO_ATTEMPTS, reserveAttempt, type AttemptState, type ThrottlePolicy } from '../../common/throttle.js';
import { requireGoodPin } from '../../node/one-time-pin.js';
import { hashPin } from '../../node/pin-hash.js';
import { audit } from '../branches/audit.js';
import type { Sql } from '../db/sql.js';
import { findStaff, openSession, pinMatches, type OfficeStaff } from './staff.js';

export interface LoginAnswer {
  token: string;
  role: 'hq_admin' | 'regional_manager';
  staffId: string;
  demoPin: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class OfficeLogin {
  private readonly runs = new RecentMap<string, AttemptState>(10_000);

  constructor(
    private readonly db: Sql,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The person whose PIN this is, or a refusal; failures count as at login. */
  private async checkPin(staffId: string, pin: string, source: string | null): Promise<OfficeStaff> {
    const key = `${staffId}\u0000${source ?? ''}`;
    const now = this.clock();
    const reserved = reserveAttempt(this.policy.lockAfter, this.policy.lockMs, this.runs.get(key) ?? NO_ATTEMPTS, now);
    if (reserved.refused) {
      throw new DomainError('too_many', 'account_locked', `Too many wrong PINs for ${staffId}: try again after ${new Date(reserved.lockedUntil).toISOString()}.`);
    }
    this.runs.set(key, reserved.state);
    const staff = await findStaff(this.db, staffId);
    if (!(await pinMatches(staff, pin))) {
      await sleep(failureDelayMs(this.policy, reserved.attempt));
      throw new DomainError('unauthorized', 'wrong_pin', 'The staff ID or PIN is wrong.');
    }
    this.runs.delete(key);
    // Said only to whoever knows the PIN.
    if (staff!.disabled) throw new DomainError('forbidden', 'staff_disabled', 'This staff member is disabled: ask an hq_admin to enable them.');
    return staff!;
  }

  async login(staffId: string, pin: string, source: string | null): Promise<LoginAnswer> {
    const staff = await this.checkPin(staffId, pin, source);
    if (staff.oneTimePin) throw new DomainError('forbidden', 'pin_change_required', 'This is a one-time PIN: choose a PIN of your own to sign in.');
    const token = await openSession(this.db, staff, this.clock());
    return { token, role: staff.role, staffId: staff.staffId, demoPin: staff.demoPin };
  }

  /**
   * `staffId` chooses a PIN of their own with their current one: a one-time PIN, or (`signedInAs`
   * is this person) their own. Answers as login, with a session of the new PIN.
   */
  async choosePin(staffId: string, pin: string, newPin: string, signedInAs: string | null, source: string | null): Promise<LoginAnswer> {
    requireGoodPin(newPin, pin);
    const staff = await this.checkPin(staffId, pin, source);
    if (!staff.oneTimePin && signedInAs !== staffId) throw new DomainError('unauthorized', 'sign_in_first', 'Sign in first, then change your PIN.');
    const pinHash = await hashPin(newPin);
    const token = await this.db.transaction(async (tx) => {
      // Once: two requests with one one-time PIN set one PIN (nor does one undo a reset meanwhile).
      const changed = await tx.query('UPDATE office_staff SET pin_hash = $2, one_time_pin = false, demo_pin = false WHERE staff_id = $1 AND pin_hash = $3 AND NOT disabled RETURNING staff_id', [
        staffId,
        pinHash,
        staff.pinHash,
      ]);
      if (changed.length === 0) throw new DomainError('conflict', 'pin_already_changed', 'This PIN was changed a moment ago: sign in with the new one.');
      await audit(tx, staffId, 'staff.pin_chosen', null, `${staffId}: chose their own PIN${staff.oneTimePin ? ' (first sign-in)' : ''}`);
      return openSession(tx, staff, this.clock());
    });
    return { token, role: staff.role, staffId, demoPin: false };
  }
}

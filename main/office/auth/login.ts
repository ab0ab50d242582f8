// Office sign-in, throttled as the hub's is (main/common/throttle.ts): each failure is answered
// more slowly, and the ID is locked for a while after `lockAfter` attempts in a run from one
// address. Counts live in memory, bounded (RecentMap), and are reserved before the PIN is
// checked, so parallel guesses count every one.
import { DomainError } from '../../common/errors.js';
import { RecentMap } from '../../common/recent-map.js';
import { DEFAULT_THROTTLE, failureDelayMs, NO_ATTEMPTS, reserveAttempt, type AttemptState, type ThrottlePolicy } from '../../common/throttle.js';
import type { Queryable } from '../db/sql.js';
import { findStaff, openSession, pinMatches } from './staff.js';

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
    private readonly db: Queryable,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
    private readonly clock: () => number = Date.now,
  ) {}

  async login(staffId: string, pin: string, source: string | null): Promise<LoginAnswer> {
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
    const token = await openSession(this.db, staff!, now);
    return { token, role: staff!.role, staffId: staff!.staffId, demoPin: staff!.demoPin };
  }
}

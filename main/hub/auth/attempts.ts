// Counting PIN attempts before the PIN is checked. The count lives in memory and is read and
// written with no await in between; the hub runs on one thread, so parallel attempts cannot
// interleave there: N parallel attempts count N, whatever scrypt's timing. A lock is also
// written to the staff row, so a restart keeps it and the admin screen lists it; a plain
// login writes nothing extra. Unknown IDs count in a bounded map, so that they lock exactly
// like known ones (an answer never tells which) while made-up IDs cannot fill the memory.
import type Database from 'better-sqlite3';
import type { StaffLock } from '../../common/api.js';
import { RecentMap } from './recent-map.js';
import { reserveAttempt, type AttemptState, type ThrottlePolicy } from './throttle.js';

export interface StaffRow {
  staff_id: string;
  role: string;
  pin_hash: string;
  demo_pin: number;
  failed_attempts: number;
  locked_until: number | null;
}

export type Reservation =
  | { refused: true; known: boolean; lockedUntil: number }
  /** `staff` is null for an unknown ID; `lockedUntil` is set when this attempt set the lock. */
  | { refused: false; known: boolean; staff: StaffRow | null; attempt: number; lockedUntil: number | null };

export class AttemptCounter {
  /** Staff IDs with a run of attempts going; bounded by the staff list. */
  private readonly known = new Map<string, AttemptState>();
  private readonly unknown: RecentMap<string, AttemptState>;
  private readonly find: Database.Statement;
  private readonly store: Database.Statement;
  private readonly clear: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly policy: ThrottlePolicy,
    maxUnknownIds: number,
  ) {
    this.unknown = new RecentMap(maxUnknownIds);
    this.find = db.prepare('SELECT staff_id, role, pin_hash, demo_pin, failed_attempts, locked_until FROM staff WHERE staff_id = ?');
    this.store = db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE staff_id = ?');
    // Changes no row (and so writes nothing) when there is nothing to clear.
    this.clear = db.prepare('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE staff_id = ? AND (failed_attempts <> 0 OR locked_until IS NOT NULL)');
  }

  /** Synchronous on purpose: see the file's head. */
  reserve(staffId: string, now: number): Reservation {
    const staff = this.find.get(staffId) as StaffRow | undefined;
    const before = staff
      ? (this.known.get(staffId) ?? { failures: staff.failed_attempts, lockedUntil: staff.locked_until })
      : (this.unknown.get(staffId) ?? { failures: 0, lockedUntil: null });
    const r = reserveAttempt(this.policy, before, now);
    if (r.refused) return { refused: true, known: !!staff, lockedUntil: r.lockedUntil };
    if (staff) {
      this.known.set(staffId, r.state);
      if (r.state.lockedUntil !== null) this.store.run(r.state.failures, r.state.lockedUntil, staffId);
    } else {
      this.unknown.set(staffId, r.state);
    }
    return { refused: false, known: !!staff, staff: staff ?? null, attempt: r.attempt, lockedUntil: r.state.lockedUntil };
  }

  /** The right PIN: the run of failures (and a lock it set meanwhile) is over. */
  succeeded(staffId: string): void {
    this.known.delete(staffId);
    this.clear.run(staffId);
  }

  /** Whether the lock set at `until` still holds (a right PIN checked meanwhile lifts it). */
  stillLocked(staffId: string, until: number): boolean {
    return this.known.get(staffId)?.lockedUntil === until;
  }

  locks(now: number): StaffLock[] {
    const rows = this.db
      .prepare('SELECT staff_id, role, failed_attempts, locked_until FROM staff WHERE locked_until > ? ORDER BY locked_until, staff_id')
      .all(now) as StaffRow[];
    return rows.map((r) => ({
      staffId: r.staff_id,
      role: r.role as StaffLock['role'],
      lockedUntil: r.locked_until!,
      failures: this.known.get(r.staff_id)?.failures ?? r.failed_attempts,
    }));
  }

  /**
   * The write that lifts a lock, for the caller's audited transaction; null for an unknown
   * ID. The in-memory run ends with the write, so it cannot outlive a rolled-back transaction.
   */
  unlockWrite(staffId: string): (() => void) | null {
    if (!this.find.get(staffId)) return null;
    return () => {
      this.clear.run(staffId);
      this.known.delete(staffId);
    };
  }

  /** How many unknown IDs are remembered (bounded by maxUnknownIds). */
  get unknownIdsKept(): number {
    return this.unknown.size;
  }
}

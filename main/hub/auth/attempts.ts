// Counting PIN attempts before the PIN is checked. The counts live in memory and are read and
// written with no await in between; the hub runs on one thread, so parallel attempts cannot
// interleave there: N parallel attempts count N, whatever scrypt's timing.
//
// Each attempt counts twice: in the run of its staff ID and source address, which locks the
// ID for that address only (one terminal cannot lock the owner out of their own), and in the
// run of the ID over every address, which locks it everywhere at a higher count (guessing from
// many addresses). A run is forgotten after a quiet time with no attempt. A lock for every
// address is an `auth.locked` event that the staff projection keeps, so a restart keeps it and
// the admin screen lists it; a lock for one address is memory only: a restart forgets it, as
// it forgets every run in flight (counts below a lock decay anyway), and the lock everywhere
// still bounds guessing. Unknown IDs count in bounded maps, so
// that they lock exactly like known ones (an answer never tells which) while made-up IDs and
// addresses cannot fill the memory.
import type { StaffLock } from '../../common/api.js';
import type { Ledger } from '../ledger/ledger.js';
import { RecentMap } from '../../common/recent-map.js';
import { findStaff, lockedStaff, type StaffWithPin } from './staff-projector.js';
import { lockEverywhereAfter, NO_ATTEMPTS, reserveAttempt, type AttemptState, type ThrottlePolicy } from '../../common/throttle.js';

export type StaffRow = StaffWithPin;

export type Reservation =
  | { refused: true; known: boolean; lockedUntil: number }
  | {
      refused: false;
      known: boolean;
      /** null for an unknown ID. */
      staff: StaffRow | null;
      /** This attempt's place in the run from its address. */
      attempt: number;
      /** Set when this attempt locked the ID for its address. */
      lockedUntil: number | null;
      /** Set when this attempt locked the ID for every address. */
      lockedEverywhereUntil: number | null;
      /** When this attempt was counted, and when the run over every address last counted one before it. */
      at: number;
      lastBefore: number | null;
    };

interface SourceRun {
  staffId: string;
  source: string | null;
  state: AttemptState;
}

/** Runs per staff ID and address kept at most; the least recently tried are forgotten first. */
const MAX_SOURCE_RUNS = 10_000;

const sourceKey = (staffId: string, source: string | null) => `${staffId}\u0000${source ?? ''}`;

export class AttemptCounter {
  /** Runs over every address for staff IDs with a run going; bounded by the staff list. */
  private readonly known = new Map<string, AttemptState>();
  private readonly unknown: RecentMap<string, AttemptState>;
  private readonly bySource = new RecentMap<string, SourceRun>(MAX_SOURCE_RUNS);

  constructor(
    private readonly ledger: Pick<Ledger, 'db'>,
    private readonly policy: ThrottlePolicy,
    maxUnknownIds: number,
  ) {
    this.unknown = new RecentMap(maxUnknownIds);
  }

  private find(staffId: string): StaffRow | undefined {
    return findStaff(this.ledger, staffId);
  }

  /** Synchronous on purpose: see the file's head. A refused attempt counts nowhere. */
  reserve(staffId: string, source: string | null, now: number): Reservation {
    const staff = this.find(staffId);
    const { lockMs, lockAfter } = this.policy;
    const before = this.everywhereState(staffId, staff);
    const everywhere = reserveAttempt(lockEverywhereAfter(this.policy), lockMs, before, now);
    if (everywhere.refused) return { refused: true, known: !!staff, lockedUntil: everywhere.lockedUntil };
    const key = sourceKey(staffId, source);
    const here = reserveAttempt(lockAfter, lockMs, this.bySource.get(key)?.state ?? NO_ATTEMPTS, now);
    if (here.refused) return { refused: true, known: !!staff, lockedUntil: here.lockedUntil };

    this.bySource.set(key, { staffId, source, state: here.state });
    if (staff) {
      // A lock set here is written (auth.locked) only once the PIN proved wrong: see staff-pin.ts.
      this.known.set(staffId, everywhere.state);
    } else {
      this.unknown.set(staffId, everywhere.state);
    }
    return {
      refused: false,
      known: !!staff,
      staff: staff ?? null,
      attempt: here.attempt,
      lockedUntil: here.state.lockedUntil,
      lockedEverywhereUntil: everywhere.state.lockedUntil,
      at: now,
      lastBefore: everywhere.attempt > 1 ? before.lastAt : null,
    };
  }

  /**
   * The right PIN: the run from its address (and a lock it set meanwhile) is over. The run over
   * every address loses only this attempt, which was no failure: a sign-in at one terminal
   * must not forgive wrong PINs sent from others, nor keep them from being forgotten.
   */
  succeeded(staffId: string, source: string | null, r: { lockedEverywhereUntil: number | null; at: number; lastBefore: number | null }): void {
    this.bySource.delete(sourceKey(staffId, source));
    const run = this.known.get(staffId);
    if (!run) return;
    // Such a lock was never written: its event follows a wrong PIN only.
    const setByThisAttempt = r.lockedEverywhereUntil !== null && run.lockedUntil === r.lockedEverywhereUntil;
    const failures = Math.max(0, run.failures - 1);
    if (failures === 0 && (setByThisAttempt || run.lockedUntil === null)) {
      this.known.delete(staffId);
      return;
    }
    // Back to the run's last attempt before this one, unless another was counted since (or at the same instant).
    const lastAt = run.lastAt === r.at && r.lastBefore !== null ? r.lastBefore : run.lastAt;
    this.known.set(staffId, { failures, lockedUntil: setByThisAttempt ? null : run.lockedUntil, lastAt });
  }

  /** Whether the lock for one address set at `until` still holds (a right PIN checked meanwhile lifts it). */
  stillLocked(staffId: string, source: string | null, until: number): boolean {
    return this.bySource.get(sourceKey(staffId, source))?.state.lockedUntil === until;
  }

  /** Whether the lock for every address set at `until` still holds. */
  stillLockedEverywhere(staffId: string, until: number): boolean {
    return this.known.get(staffId)?.lockedUntil === until;
  }

  /** Locks for every address (source null) first, then locks for one address; known IDs only. */
  locks(now: number): StaffLock[] {
    const rows = lockedStaff(this.ledger, now);
    const everywhere = rows.map((r) => ({
      staffId: r.staff_id,
      role: r.role as StaffLock['role'],
      source: null,
      lockedUntil: r.locked_until!,
      failures: this.known.get(r.staff_id)?.failures ?? r.failed_attempts,
    }));
    const here: StaffLock[] = [];
    for (const run of this.bySource.values()) {
      if (run.state.lockedUntil === null || run.state.lockedUntil <= now) continue;
      const staff = this.find(run.staffId);
      if (!staff) continue;
      here.push({ staffId: run.staffId, role: staff.role as StaffLock['role'], source: run.source, lockedUntil: run.state.lockedUntil, failures: run.state.failures });
    }
    here.sort((a, b) => a.lockedUntil - b.lockedUntil || a.staffId.localeCompare(b.staffId));
    return [...everywhere, ...here];
  }

  /** Whether the staff ID is defined (an unlock of an unknown ID is refused). */
  knows(staffId: string): boolean {
    return this.find(staffId) !== undefined;
  }

  /**
   * Forgets every run of an ID (for every address and for each one) once its `auth.unlocked`
   * is committed, which clears the staff row's lock: called after the commit, so the runs
   * cannot end when the write did not happen.
   */
  forget(staffId: string): void {
    this.known.delete(staffId);
    for (const run of [...this.bySource.values()]) {
      if (run.staffId === staffId) this.bySource.delete(sourceKey(staffId, run.source));
    }
  }

  /** How many unknown IDs are remembered (bounded by maxUnknownIds). */
  get unknownIdsKept(): number {
    return this.unknown.size;
  }

  private everywhereState(staffId: string, staff: StaffRow | undefined): AttemptState {
    if (!staff) return this.unknown.get(staffId) ?? NO_ATTEMPTS;
    return this.known.get(staffId) ?? { failures: staff.failed_attempts, lockedUntil: staff.locked_until, lastAt: null };
  }
}

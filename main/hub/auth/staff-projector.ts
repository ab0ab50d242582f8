// Staff: who may sign in, in which role, whether their PIN is the demo one or a one-time PIN
// an admin handed over, whether they are disabled, and a lock for every address after wrong
// PINs. The staff table is a projection of `staff.defined`, `staff.changed`, `staff.pin_set`,
// `auth.locked` (the lock for every address; a lock for one address stays in memory) and
// `auth.unlocked`, so rebuild recreates it and verify checks it.
//
// PIN hashes are credentials and never go into an event: the ledger is shipped to head
// office, and the hash of a six-digit PIN is brute-forced in seconds. They live in
// `staff_pins`, which is NOT a projection: rebuild copies it (CREDENTIAL_TABLES), and verify
// checks each row against the `pinDigest` its staff.defined event carries (checkCredentials).
// The digest is the SHA-256 of the stored hash string, whose random salt makes it useless for
// guessing the PIN.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditEvent, StoredEvent } from '../../common/events.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Projector } from '../ledger/projector.js';

type Reader = Pick<Ledger, 'db'>;

export interface StaffRow {
  staff_id: string;
  role: string;
  name: string;
  demo_pin: number;
  failed_attempts: number;
  locked_until: number | null;
  pin_digest: string | null;
  disabled: number;
  one_time_pin: number;
}

/** A staff row with the stored PIN hash (null when no PIN was ever set). */
export type StaffWithPin = StaffRow & { pin_hash: string | null };

/** Tables outside the projections that rebuild copies as they are. */
export const CREDENTIAL_TABLES = ['staff_pins'] as const;

export const staffProjector: Projector = {
  name: 'staff',
  tables: ['staff'],
  apply(db: Database.Database, event: StoredEvent): void {
    if (event.type === 'staff.defined') {
      db.prepare(
        `INSERT INTO staff (staff_id, role, name, demo_pin, failed_attempts, locked_until, pin_digest) VALUES (?, ?, ?, ?, 0, NULL, ?)
         ON CONFLICT (staff_id) DO UPDATE SET role = excluded.role, name = excluded.name, demo_pin = excluded.demo_pin, pin_digest = excluded.pin_digest`,
      ).run(event.staffId, event.role, event.name, event.demo ? 1 : 0, event.pinDigest ?? null);
    } else if (event.type === 'staff.changed') {
      const row = db.prepare('SELECT name, role, disabled FROM staff WHERE staff_id = ?').get(event.staffId) as { name: string; role: string; disabled: number } | undefined;
      if (!row) return;
      const disabled = event.disabled === undefined ? row.disabled : event.disabled ? 1 : 0;
      db.prepare('UPDATE staff SET name = ?, role = ?, disabled = ? WHERE staff_id = ?').run(event.name ?? row.name, event.role ?? row.role, disabled, event.staffId);
    } else if (event.type === 'staff.pin_set') {
      // A PIN set by anyone is no longer the demo one.
      db.prepare('UPDATE staff SET pin_digest = ?, one_time_pin = ?, demo_pin = 0 WHERE staff_id = ?').run(event.pinDigest, event.oneTime ? 1 : 0, event.staffId);
    } else if (event.type === 'auth.locked') {
      // A lock for one address is not kept: a restart forgets it, and the lock everywhere still bounds guessing.
      if (event.source != null) return;
      db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE staff_id = ?').run(event.failures ?? 0, event.until, event.staffId);
    } else if (event.type === 'auth.unlocked') {
      db.prepare('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE staff_id = ?').run(event.staffId);
    }
  },
};

/** The event that gives a staff member a new PIN whose stored hash is `pinHash`. */
export function staffPinSet(staffId: string, pinHash: string, oneTime: boolean): Extract<AuditEvent, { type: 'staff.pin_set' }> {
  return { type: 'staff.pin_set', staffId, pinDigest: pinDigest(pinHash), oneTime };
}

export function pinDigest(pinHash: string): string {
  return createHash('sha256').update(pinHash).digest('hex');
}

/** The event that defines a staff member whose stored PIN hash is `pinHash`. */
export function staffDefined(s: { staffId: string; role: string; name: string; demo: boolean }, pinHash: string): Extract<AuditEvent, { type: 'staff.defined' }> {
  return { type: 'staff.defined', staffId: s.staffId, role: s.role, name: s.name, demo: s.demo, pinDigest: pinDigest(pinHash) };
}

/**
 * Stores a staff member's PIN hash and commits the event that defines them, in one
 * transaction (`commit` runs inside it, its append a savepoint), so neither is kept without
 * the other. For setting up a branch before the hub serves: the hub tells its listeners of
 * the event before this outer transaction commits.
 */
export function storeStaffPin(ledger: Reader, staffId: string, pinHash: string, commit: () => void): void {
  const { db } = ledger;
  db.transaction(() => {
    db.prepare('INSERT INTO staff_pins (staff_id, pin_hash) VALUES (?, ?) ON CONFLICT (staff_id) DO UPDATE SET pin_hash = excluded.pin_hash').run(staffId, pinHash);
    commit();
  })();
}

export function findStaff(ledger: Reader, staffId: string): StaffWithPin | undefined {
  return ledger.db
    .prepare('SELECT s.*, p.pin_hash FROM staff s LEFT JOIN staff_pins p ON p.staff_id = s.staff_id WHERE s.staff_id = ?')
    .get(staffId) as StaffWithPin | undefined;
}

/** Staff locked for every address at `now`, soonest to run out first. */
export function lockedStaff(ledger: Reader, now: number): StaffRow[] {
  return ledger.db.prepare('SELECT * FROM staff WHERE locked_until > ? ORDER BY locked_until, staff_id').all(now) as StaffRow[];
}

/** Every staff member, by ID (never a hash). */
export function listStaff(ledger: Reader): StaffRow[] {
  return ledger.db.prepare('SELECT * FROM staff ORDER BY staff_id').all() as StaffRow[];
}

/** Admins who can still sign in: the branch must keep one. */
export function enabledAdminCount(ledger: Reader): number {
  return (ledger.db.prepare("SELECT count(*) AS n FROM staff WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
}

export function demoPinCount(ledger: Reader): number {
  return (ledger.db.prepare('SELECT count(*) AS n FROM staff WHERE demo_pin = 1').get() as { n: number }).n;
}

/**
 * The first staff_pins row that the events do not vouch for: a PIN hash whose digest differs
 * from the one its staff.defined carries, one for a staff ID that was never defined, or one
 * missing for a staff member whose event carries a digest. Run on
 * a database whose staff table verify has already found equal to a rebuild from the events.
 */
export function checkCredentials(db: Database.Database): { table: string; key: string; problem: string } | null {
  const rows = db
    .prepare('SELECT p.staff_id, p.pin_hash, s.staff_id AS known, s.pin_digest FROM staff_pins p LEFT JOIN staff s ON s.staff_id = p.staff_id ORDER BY p.staff_id')
    .all() as { staff_id: string; pin_hash: string; known: string | null; pin_digest: string | null }[];
  for (const r of rows) {
    if (r.known === null) return { table: 'staff_pins', key: r.staff_id, problem: 'a PIN for a staff ID that no event defines' };
    if (r.pin_digest !== pinDigest(r.pin_hash)) return { table: 'staff_pins', key: r.staff_id, problem: 'the PIN hash is not the one its staff.defined event vouches for' };
  }
  const missing = db
    .prepare('SELECT s.staff_id FROM staff s WHERE s.pin_digest IS NOT NULL AND NOT EXISTS (SELECT 1 FROM staff_pins p WHERE p.staff_id = s.staff_id) ORDER BY s.staff_id LIMIT 1')
    .get() as { staff_id: string } | undefined;
  if (missing) return { table: 'staff_pins', key: missing.staff_id, problem: 'the PIN hash is missing from the table, though a staff.defined event vouches for one' };
  return null;
}

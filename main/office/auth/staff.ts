// Head-office staff: PINs stored only as scrypt hashes (the hub's own hashing, main/node),
// sessions as SHA-256 hashes of random bearer tokens, as the hub keeps its own.
import { hashPin, verifyPin } from '../../node/pin-hash.js';
import { hashSecret, newToken } from '../../node/tokens.js';
import type { OfficeStaffRole } from '../../common/office/routes.js';
import type { Queryable } from '../db/sql.js';

export const DEMO_ADMIN = 'hq-admin';
export const DEMO_PIN = '000000';
const SESSION_HOURS = 12;

export interface OfficeStaff {
  staffId: string;
  role: OfficeStaffRole;
  pinHash: string;
  demoPin: boolean;
  disabled: boolean;
  /** Holds a one-time PIN an admin handed over: it signs nobody in, it only sets their own. */
  oneTimePin: boolean;
}

export async function findStaff(db: Queryable, staffId: string): Promise<OfficeStaff | null> {
  const [row] = await db.query<{ staff_id: string; role: OfficeStaffRole; pin_hash: string; demo_pin: boolean; disabled: boolean; one_time_pin: boolean }>(
    'SELECT staff_id, role, pin_hash, demo_pin, disabled, one_time_pin FROM office_staff WHERE staff_id = $1',
    [staffId],
  );
  return row ? { staffId: row.staff_id, role: row.role, pinHash: row.pin_hash, demoPin: row.demo_pin, disabled: row.disabled, oneTimePin: row.one_time_pin } : null;
}

/** --demo: hq-admin with PIN 000000, flagged demo-only; an existing hq-admin is left as it is. */
export async function ensureDemoAdmin(db: Queryable): Promise<void> {
  await db.query("INSERT INTO office_staff (staff_id, role, pin_hash, demo_pin) VALUES ($1, 'hq_admin', $2, true) ON CONFLICT (staff_id) DO NOTHING", [
    DEMO_ADMIN,
    await hashPin(DEMO_PIN),
  ]);
}

export async function demoPinCount(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM office_staff WHERE demo_pin');
  return Number(row?.n ?? 0);
}

export async function pinMatches(staff: OfficeStaff | null, pin: string): Promise<boolean> {
  // An unknown ID costs a hash as a known one does, so the time taken tells nothing.
  if (!staff) return verifyPin(pin, UNKNOWN_STAFF_HASH).then(() => false);
  return verifyPin(pin, staff.pinHash);
}
const UNKNOWN_STAFF_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function openSession(db: Queryable, staff: Pick<OfficeStaff, 'staffId' | 'role'> & Partial<OfficeStaff>, now: number): Promise<string> {
  const token = newToken();
  await db.query('INSERT INTO office_sessions (token_hash, staff_id, role, expires_at) VALUES ($1, $2, $3, $4)', [
    hashSecret(token),
    staff.staffId,
    staff.role,
    new Date(now + SESSION_HOURS * 3_600_000),
  ]);
  return token;
}

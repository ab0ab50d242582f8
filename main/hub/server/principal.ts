// Who is calling: a signed-in staff member or a paired device, resolved from the bearer token.
import type Database from 'better-sqlite3';
import type { Role } from '../../common/domain.js';
import type { Grant } from '../../common/routes/access.js';
import { hashSecret } from '../auth/tokens.js';

export { ANY_TOKEN, GRANTS, STAFF_GRANTS, type Grant } from '../../common/routes/access.js';

export interface Principal {
  kind: 'staff' | 'device';
  id: string;
  role: Role | 'manager';
  grant: Grant;
}


interface SessionRow {
  staff_id: string | null;
  device_id: string | null;
  role: string;
  created_at: number;
  expires_at: number;
  last_used_at: number | null;
}

export function grantOf(kind: 'staff' | 'device', role: string): Grant {
  if (kind === 'staff') return role as Grant;
  if (role === 'counter') return 'counter-device';
  if (role === 'manager') return 'manager-device';
  return role as Grant;
}

/** Last use is written at most this often per session, so a busy screen's reads stay reads. */
export const TOUCH_EVERY_MS = 60_000;

export type SessionCheck = { principal: Principal } | { refused: 'invalid_token' | 'session_expired' };

/**
 * Resolves a token and records its use. A staff session unused for `staffIdleMs` has ended
 * (a terminal left signed in is not a teller at it); devices never idle out. `touch` false
 * checks without counting as use (a live feed that only listens).
 */
export function checkSession(db: Database.Database, token: string, now: number, staffIdleMs = Infinity, touch = true): SessionCheck {
  const tokenHash = hashSecret(token);
  const row = db
    .prepare('SELECT staff_id, device_id, role, created_at, expires_at, last_used_at FROM sessions WHERE token_hash = ?')
    .get(tokenHash) as SessionRow | undefined;
  if (!row || row.expires_at <= now) return { refused: 'invalid_token' };
  const kind = row.staff_id ? 'staff' : 'device';
  const lastUsed = row.last_used_at ?? row.created_at;
  if (kind === 'staff' && now - lastUsed > staffIdleMs) {
    // Tidying up only: the session has ended by its time whether or not the row can go.
    bestEffort(() => db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash));
    return { refused: 'session_expired' };
  }
  // A mark of use, not a record: on a full disk it waits, and reads are still answered.
  if (touch && now - lastUsed >= TOUCH_EVERY_MS) bestEffort(() => db.prepare('UPDATE sessions SET last_used_at = ? WHERE token_hash = ?').run(now, tokenHash));
  const id = (row.staff_id ?? row.device_id) as string;
  return { principal: { kind, id, role: row.role as Role, grant: grantOf(kind, row.role) } };
}

function bestEffort(write: () => unknown): void {
  try {
    write();
  } catch {
    // a full or read-only disk: the next use tries again
  }
}

/** Customers' screens (kiosk, display): numbers, services, counters and call times, never ids, priorities, customer data or staff. */
export function isPublicGrant(grant: Grant): boolean {
  return grant === 'display' || grant === 'kiosk';
}

export function isPublicAudience(p: Principal): boolean {
  return isPublicGrant(p.grant);
}

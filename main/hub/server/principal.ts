// Who is calling: a signed-in staff member or a paired device, resolved from the bearer token.
import type Database from 'better-sqlite3';
import type { Role } from '../../common/domain.js';
import { hashSecret } from '../auth/tokens.js';

/** What a route grants access to. A paired manager tablet is not a signed-in manager. */
export const GRANTS = ['admin', 'manager', 'supervisor', 'teller', 'kiosk', 'display', 'counter-device', 'manager-device'] as const;
export type Grant = (typeof GRANTS)[number];

export interface Principal {
  kind: 'staff' | 'device';
  id: string;
  role: Role | 'manager';
  grant: Grant;
}

export const STAFF_GRANTS: Grant[] = ['admin', 'manager', 'supervisor', 'teller'];
export const ANY_TOKEN: Grant[] = [...GRANTS];

interface SessionRow {
  staff_id: string | null;
  device_id: string | null;
  role: string;
  expires_at: number;
}

export function grantOf(kind: 'staff' | 'device', role: string): Grant {
  if (kind === 'staff') return role as Grant;
  if (role === 'counter') return 'counter-device';
  if (role === 'manager') return 'manager-device';
  return role as Grant;
}

export function principalFromToken(db: Database.Database, token: string, now: number): Principal | null {
  const row = db
    .prepare('SELECT staff_id, device_id, role, expires_at FROM sessions WHERE token_hash = ?')
    .get(hashSecret(token)) as SessionRow | undefined;
  if (!row || row.expires_at <= now) return null;
  const kind = row.staff_id ? 'staff' : 'device';
  const id = (row.staff_id ?? row.device_id) as string;
  return { kind, id, role: row.role as Role, grant: grantOf(kind, row.role) };
}

/** Customers' screens (kiosk, display): numbers, services, counters and call times, never ids, priorities, customer data or staff. */
export function isPublicGrant(grant: Grant): boolean {
  return grant === 'display' || grant === 'kiosk';
}

export function isPublicAudience(p: Principal): boolean {
  return isPublicGrant(p.grant);
}

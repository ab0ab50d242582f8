// Who is calling: a signed-in staff member or a paired device, resolved from the bearer token.
import type { Role } from '../../common/domain.js';
import type { Grant, Principal } from '../auth/principal.js';
import { checkToken } from '../auth/sessions.js';
import type { Hub } from '../lobby/hub.js';

// The grants are the route table's (main/common/routes/access.ts), Principal the domain's,
// which records who acts; the server's modules take them from here.
export { ANY_TOKEN, GRANTS, STAFF_GRANTS } from '../../common/routes/access.js';
export type { Grant, Principal };

export function grantOf(kind: 'staff' | 'device', role: string): Grant {
  if (kind === 'staff') return role as Grant;
  if (role === 'counter') return 'counter-device';
  if (role === 'manager') return 'manager-device';
  return role as Grant;
}

export type SessionCheck = { principal: Principal } | { refused: 'invalid_token' | 'session_expired' };

/**
 * Resolves a token to who is calling, and counts it as use (auth/sessions.ts: a staff
 * session unused for `staffIdleMs` has ended; devices never idle out). `touch` false checks
 * without counting as use (a live feed that only listens).
 */
export function checkSession(hub: Hub, token: string, now: number, staffIdleMs = Infinity, touch = true): SessionCheck {
  const check = checkToken(hub, token, now, staffIdleMs, touch);
  if ('refused' in check) return check;
  const { session } = check;
  const kind = session.staff_id ? 'staff' : 'device';
  const id = (session.staff_id ?? session.device_id) as string;
  return { principal: { kind, id, role: session.role as Role, grant: grantOf(kind, session.role) } };
}

/**
 * Customers' screens (kiosk, display, the satisfaction pad): numbers, services, counters and
 * call times, never ids, priorities, customer data or staff. (The pad names its own counter's
 * teller, as the counter's name plate does, through its own route alone.)
 */
export function isPublicGrant(grant: Grant): boolean {
  return grant === 'display' || grant === 'kiosk' || grant === 'rating';
}

export function isPublicAudience(p: Principal): boolean {
  return isPublicGrant(p.grant);
}

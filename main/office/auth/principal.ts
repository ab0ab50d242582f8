// Who is calling the office: head-office staff (a session token) or an enrolled branch's hub
// (its credential). A hub's own staff or device token means nothing here: 401.
import { hashSecret } from '../../node/tokens.js';
import type { OfficeGrant } from '../../common/office/routes.js';
import type { Queryable } from '../db/sql.js';

export interface OfficePrincipal {
  grant: OfficeGrant;
  /** The staff ID, or the branch ID for a hub. */
  id: string;
}

export async function resolveToken(db: Queryable, token: string, now: number): Promise<OfficePrincipal | null> {
  const hash = hashSecret(token);
  const [session] = await db.query<{ staff_id: string; role: OfficeGrant }>('SELECT staff_id, role FROM office_sessions WHERE token_hash = $1 AND expires_at > $2', [
    hash,
    new Date(now),
  ]);
  if (session) return { grant: session.role, id: session.staff_id };
  const [branch] = await db.query<{ branch_id: string }>("SELECT branch_id FROM office_branches WHERE credential_hash = $1 AND status <> 'enrolling'", [hash]);
  if (branch) return { grant: 'branch', id: branch.branch_id };
  return null;
}

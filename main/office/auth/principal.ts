// Who is calling the office: head-office staff (a session token) or an enrolled branch's hub
// (its credential). A hub's own staff or device token means nothing here: 401.
//
// A session reads its person's role, disabled flag and (for a regional manager) set of
// branches afresh at every request, from office_staff: a change by the hq_admin is in force
// at the caller's next request, with no session to end or re-issue.
import { hashSecret } from '../../node/tokens.js';
import type { OfficeGrant, OfficeStaffRole } from '../../common/office/routes.js';
import type { Queryable } from '../db/sql.js';

export interface OfficePrincipal {
  grant: OfficeGrant;
  /** The staff ID, or the branch ID for a hub. */
  id: string;
  /** The branches a regional manager reads (sorted); null for everyone else. */
  branches: readonly string[] | null;
}

export async function resolveToken(db: Queryable, token: string, now: number): Promise<OfficePrincipal | null> {
  const hash = hashSecret(token);
  const [session] = await db.query<{ staff_id: string; role: OfficeStaffRole }>(
    `SELECT st.staff_id, st.role FROM office_sessions se JOIN office_staff st ON st.staff_id = se.staff_id
      WHERE se.token_hash = $1 AND se.expires_at > $2 AND NOT st.disabled AND NOT st.one_time_pin`,
    [hash, new Date(now)],
  );
  if (session) {
    if (session.role !== 'regional_manager') return { grant: session.role, id: session.staff_id, branches: null };
    const rows = await db.query<{ branch_id: string }>('SELECT branch_id FROM office_staff_branches WHERE staff_id = $1 ORDER BY branch_id', [session.staff_id]);
    return { grant: 'regional_manager', id: session.staff_id, branches: rows.map((r) => r.branch_id) };
  }
  const [branch] = await db.query<{ branch_id: string }>("SELECT branch_id FROM office_branches WHERE credential_hash = $1 AND status <> 'enrolling'", [hash]);
  if (branch) return { grant: 'branch', id: branch.branch_id, branches: null };
  return null;
}

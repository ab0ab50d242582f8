// The office's own audit trail: who created, enrolled or reset which branch, and why; who
// added or changed which head-office staff member, reset or chose a PIN.
import type { Queryable } from '../db/sql.js';

export async function audit(db: Queryable, actor: string, action: string, branchId: string | null, detail: string): Promise<void> {
  await db.query('INSERT INTO office_audit (actor, action, branch_id, detail) VALUES ($1, $2, $3, $4)', [actor, action, branchId, detail]);
}

export async function auditEntries(db: Queryable): Promise<{ at: string; actor: string; action: string; branchId: string | null; detail: string }[]> {
  const rows = await db.query<{ at: Date | string; actor: string; action: string; branch_id: string | null; detail: string }>(
    'SELECT at, actor, action, branch_id, detail FROM office_audit ORDER BY id DESC LIMIT 500',
  );
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, branchId: r.branch_id, detail: r.detail }));
}

/** `scope`: the branch IDs the caller reads (a regional manager's), or null for every branch. */
export async function officeAlerts(db: Queryable, scope: readonly string[] | null): Promise<{ id: number; at: string; branchId: string; kind: string; message: string; seq: number | null }[]> {
  const rows = await db.query<{ id: number; at: Date | string; branch_id: string; kind: string; message: string; seq: string | number | null }>(
    'SELECT id, at, branch_id, kind, message, seq FROM office_alerts WHERE ($1::text[] IS NULL OR branch_id = ANY($1::text[])) ORDER BY id DESC LIMIT 500',
    [scope],
  );
  return rows.map((r) => ({ id: Number(r.id), at: new Date(r.at).toISOString(), branchId: r.branch_id, kind: r.kind, message: r.message, seq: r.seq === null ? null : Number(r.seq) }));
}

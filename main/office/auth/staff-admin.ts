// The hq_admin keeps head-office staff: adds a person with a one-time PIN to hand over, gives
// a regional manager their set of branches or changes it, changes a role, disables or enables,
// resets a forgotten PIN. Each change is one transaction with its office_audit row; what must
// end the person's sign-ins (disabled, a reset PIN) deletes their sessions in it.
//
// Parallel changes: every change first locks the hq_admin rows, then the person's row
// (SELECT … FOR UPDATE, always in that order, so two changes never deadlock), and reads the
// state it changes under those locks: two changes of one manager's branches at once leave one
// of the two sets, whole, never a mix; two admins disabling each other at once leave one admin.
// (PGlite runs one transaction at a time anyway; on a PostgreSQL server the locks do it.)
import { DomainError } from '../../common/errors.js';
import type { OfficeStaffRole } from '../../common/office/routes.js';
import type { OfficeStaffView } from '../../common/office/staff-routes.js';
import { newOneTimePin } from '../../node/one-time-pin.js';
import { hashPin } from '../../node/pin-hash.js';
import { audit } from '../branches/audit.js';
import type { Queryable, Sql } from '../db/sql.js';

interface StaffRow {
  staff_id: string;
  name: string;
  role: OfficeStaffRole;
  disabled: boolean;
  one_time_pin: boolean;
  demo_pin: boolean;
}

const COLUMNS = 'staff_id, name, role, disabled, one_time_pin, demo_pin';

async function branchesOf(db: Queryable, staffId: string): Promise<string[]> {
  return (await db.query<{ branch_id: string }>('SELECT branch_id FROM office_staff_branches WHERE staff_id = $1 ORDER BY branch_id', [staffId])).map((r) => r.branch_id);
}

function view(row: StaffRow, branches: string[]): OfficeStaffView {
  return { staffId: row.staff_id, name: row.name, role: row.role, branches, disabled: row.disabled, pinChangePending: row.one_time_pin, demoPin: row.demo_pin };
}

export async function listStaff(db: Queryable): Promise<OfficeStaffView[]> {
  const rows = await db.query<StaffRow>(`SELECT ${COLUMNS} FROM office_staff ORDER BY staff_id`);
  const links = await db.query<{ staff_id: string; branch_id: string }>('SELECT staff_id, branch_id FROM office_staff_branches ORDER BY branch_id');
  return rows.map((r) => view(r, links.filter((l) => l.staff_id === r.staff_id).map((l) => l.branch_id)));
}

/** A regional manager reads at least one branch; an hq_admin reads all, so a list would mean nothing. */
function checkBranchesForRole(role: OfficeStaffRole, branches: readonly string[]): string[] {
  const set = [...new Set(branches)].sort();
  if (role === 'regional_manager' && set.length === 0) throw new DomainError('invalid', 'branches_for_role', 'A regional manager needs at least one branch: choose their branches.');
  if (role === 'hq_admin' && set.length > 0) throw new DomainError('invalid', 'branches_for_role', 'An hq_admin reads every branch: give branches to regional managers only.');
  return set;
}

async function requireBranchesExist(db: Queryable, branches: readonly string[]): Promise<void> {
  if (branches.length === 0) return;
  const found = new Set((await db.query<{ branch_id: string }>('SELECT branch_id FROM office_branches WHERE branch_id = ANY($1::text[])', [branches])).map((r) => r.branch_id));
  const missing = branches.filter((b) => !found.has(b));
  if (missing.length) throw new DomainError('invalid', 'unknown_branch', `There is no branch ${missing.join(', ')}.`, { branches: missing });
}

/**
 * Locks the hq_admin rows and checks that `actor` is still one who can sign in: a request
 * let in a moment before its sender was disabled or demoted does nothing (403).
 */
async function lockAdmins(tx: Queryable, actor: string): Promise<void> {
  const admins = await tx.query<{ staff_id: string; disabled: boolean }>("SELECT staff_id, disabled FROM office_staff WHERE role = 'hq_admin' ORDER BY staff_id FOR UPDATE");
  if (!admins.some((a) => a.staff_id === actor && !a.disabled)) throw new DomainError('forbidden', 'forbidden', 'You are no longer an hq_admin: nothing was changed.');
}

/** Locks the hq_admin rows, then the person's (see above); 404 `unknown_staff`. */
async function lockStaff(tx: Queryable, staffId: string, actor: string): Promise<StaffRow> {
  await lockAdmins(tx, actor);
  const [row] = await tx.query<StaffRow>(`SELECT ${COLUMNS} FROM office_staff WHERE staff_id = $1 FOR UPDATE`, [staffId]);
  if (!row) throw new DomainError('not_found', 'unknown_staff', `There is no head-office staff member ${staffId}.`);
  return row;
}

export async function addStaff(
  sql: Sql,
  person: { staffId: string; name: string; role: OfficeStaffRole; branches?: string[] | undefined },
  actor: string,
): Promise<{ staffId: string; oneTimePin: string }> {
  const branches = checkBranchesForRole(person.role, person.branches ?? []);
  const oneTimePin = newOneTimePin();
  const pinHash = await hashPin(oneTimePin);
  await sql.transaction(async (tx) => {
    await lockAdmins(tx, actor);
    await requireBranchesExist(tx, branches);
    // ON CONFLICT: two admins adding one ID at once get one person and one 409, never a 500.
    const inserted = await tx.query(
      "INSERT INTO office_staff (staff_id, name, role, pin_hash, one_time_pin) VALUES ($1, $2, $3, $4, true) ON CONFLICT (staff_id) DO NOTHING RETURNING staff_id",
      [person.staffId, person.name, person.role, pinHash],
    );
    if (inserted.length === 0) throw new DomainError('conflict', 'staff_exists', `The staff ID ${person.staffId} is taken: choose another.`);
    for (const b of branches) await tx.query('INSERT INTO office_staff_branches (staff_id, branch_id) VALUES ($1, $2)', [person.staffId, b]);
    await audit(tx, actor, 'staff.added', null, `${person.staffId} (${person.name}) as ${person.role}${branches.length ? `, branches ${branches.join(', ')}` : ''}`);
  });
  return { staffId: person.staffId, oneTimePin };
}

export async function changeStaff(
  sql: Sql,
  staffId: string,
  change: { name?: string | undefined; role?: OfficeStaffRole | undefined; branches?: string[] | undefined; disabled?: boolean | undefined },
  actor: string,
): Promise<OfficeStaffView> {
  return sql.transaction(async (tx) => {
    const row = await lockStaff(tx, staffId, actor);
    const before = await branchesOf(tx, staffId);
    const role = change.role ?? row.role;
    // A new role without branches: a manager made hq_admin drops their set; the other way needs one.
    const branches = checkBranchesForRole(role, change.branches ?? (role === row.role ? before : []));
    const disabled = change.disabled ?? row.disabled;
    const name = change.name ?? row.name;
    const said: string[] = [];
    if (name !== row.name) said.push(`name ${row.name} → ${name}`);
    if (role !== row.role) said.push(`role ${row.role} → ${role}`);
    if (branches.join(',') !== before.join(',')) said.push(`branches ${before.join(', ') || '—'} → ${branches.join(', ') || '—'}`);
    if (disabled !== row.disabled) said.push(disabled ? 'disabled' : 'enabled');
    if (said.length === 0) return view(row, before);
    const wasActiveAdmin = row.role === 'hq_admin' && !row.disabled;
    if (wasActiveAdmin && (role !== 'hq_admin' || disabled)) {
      const [n] = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM office_staff WHERE role = 'hq_admin' AND NOT disabled");
      if (Number(n?.n ?? 0) <= 1) throw new DomainError('conflict', 'last_admin', 'This is the last hq_admin who can sign in: add or enable another first.');
    }
    await requireBranchesExist(tx, branches);
    await tx.query('UPDATE office_staff SET name = $2, role = $3, disabled = $4 WHERE staff_id = $1', [staffId, name, role, disabled]);
    if (branches.join(',') !== before.join(',')) {
      await tx.query('DELETE FROM office_staff_branches WHERE staff_id = $1', [staffId]);
      for (const b of branches) await tx.query('INSERT INTO office_staff_branches (staff_id, branch_id) VALUES ($1, $2)', [staffId, b]);
    }
    // Disabled: out at once. A new role or set of branches needs no sign-out: both are read at each request.
    if (disabled && !row.disabled) await tx.query('DELETE FROM office_sessions WHERE staff_id = $1', [staffId]);
    await audit(tx, actor, 'staff.changed', null, `${staffId}: ${said.join('; ')}`);
    return view({ ...row, name, role, disabled }, branches);
  });
}

/** A forgotten PIN: a new one-time PIN to hand over; the person's sign-ins end (whoever knew the old PIN is out). */
export async function resetStaffPin(sql: Sql, staffId: string, actor: string): Promise<{ staffId: string; oneTimePin: string }> {
  const oneTimePin = newOneTimePin();
  const pinHash = await hashPin(oneTimePin);
  await sql.transaction(async (tx) => {
    await lockStaff(tx, staffId, actor);
    await tx.query('UPDATE office_staff SET pin_hash = $2, one_time_pin = true, demo_pin = false WHERE staff_id = $1', [staffId, pinHash]);
    await tx.query('DELETE FROM office_sessions WHERE staff_id = $1', [staffId]);
    await audit(tx, actor, 'staff.pin_reset', null, `${staffId}: a one-time PIN handed over, signed out`);
  });
  return { staffId, oneTimePin };
}

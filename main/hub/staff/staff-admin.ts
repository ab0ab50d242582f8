// The admin keeps the branch's staff: adds a person with a one-time PIN to hand over,
// renames them, changes their role, disables or enables them, and resets a forgotten PIN.
// Each change is one commit; a change that must end the person's sign-ins (disabled, a new
// role, a reset PIN) ends them in the same commit, so no request sees the change without it.
import type { StaffRole } from '../../common/domain.js';
import type { StaffView } from '../../common/routes/staff.js';
import type { LedgerEvent, SessionEndReason } from '../../common/events.js';
import { DomainError } from '../../common/errors.js';
import { lifeMarksOf } from '../auth/life-marks.js';
import { hashPin } from '../../node/pin-hash.js';
import { newOneTimePin } from '../../node/one-time-pin.js';
import { staffSessionHashes } from '../auth/session-projector.js';
import { enabledAdminCount, findStaff, listStaff, staffPinSet, storeStaffPin, type StaffRow } from '../auth/staff-projector.js';
import type { Hub } from '../lobby/hub.js';

export function staffView(row: StaffRow): StaffView {
  return {
    staffId: row.staff_id,
    name: row.name,
    role: row.role as StaffRole,
    disabled: row.disabled === 1,
    pinChangePending: row.one_time_pin === 1,
    demoPin: row.demo_pin === 1,
  };
}

export function staffList(hub: Hub): StaffView[] {
  return listStaff(hub.ledger).map(staffView);
}

function known(hub: Hub, staffId: string): StaffRow {
  const row = findStaff(hub.ledger, staffId);
  if (!row) throw new DomainError('not_found', 'unknown_staff', `There is no staff member ${staffId}.`);
  return row;
}

/** The events that end every sign-in of a staff member. */
export function endSessionsOf(hub: Hub, staffId: string, reason: SessionEndReason): LedgerEvent[] {
  return staffSessionHashes(hub.ledger, staffId).map((tokenHash) => ({ type: 'session.ended', tokenHash, reason }));
}

function forgetSessions(hub: Hub, events: readonly LedgerEvent[]): void {
  const marks = lifeMarksOf(hub);
  for (const e of events) if (e.type === 'session.ended') marks.sessionEnded(e.tokenHash);
}

export async function addStaff(hub: Hub, person: { staffId: string; name: string; role: StaffRole }, actor: string): Promise<{ staffId: string; oneTimePin: string }> {
  if (findStaff(hub.ledger, person.staffId)) throw new DomainError('conflict', 'staff_exists', `The staff ID ${person.staffId} is taken: choose another.`);
  const oneTimePin = newOneTimePin();
  const pinHash = await hashPin(oneTimePin);
  // Checked again after the wait: two admins adding the same ID at once get one person.
  if (findStaff(hub.ledger, person.staffId)) throw new DomainError('conflict', 'staff_exists', `The staff ID ${person.staffId} is taken: choose another.`);
  storeStaffPin(hub.ledger, person.staffId, pinHash, () =>
    hub.commit([{ type: 'staff.defined', staffId: person.staffId, role: person.role, name: person.name, demo: false }, staffPinSet(person.staffId, pinHash, true)], actor),
  );
  return { staffId: person.staffId, oneTimePin };
}

/**
 * Renames, changes the role of, disables or enables a staff member. The last admin who can
 * sign in can be neither disabled nor given another role (409 `last_admin`): nobody could
 * manage staff again. A change to nothing writes nothing.
 */
export function changeStaff(hub: Hub, staffId: string, change: { name?: string; role?: StaffRole; disabled?: boolean }, actor: string): StaffView {
  const row = known(hub, staffId);
  const next = { name: change.name ?? row.name, role: change.role ?? row.role, disabled: change.disabled ?? row.disabled === 1 };
  const event: Extract<LedgerEvent, { type: 'staff.changed' }> = { type: 'staff.changed', staffId };
  if (next.name !== row.name) event.name = next.name;
  if (next.role !== row.role) event.role = next.role;
  if (next.disabled !== (row.disabled === 1)) event.disabled = next.disabled;
  if (Object.keys(event).length === 2) return staffView(row);
  const wasActiveAdmin = row.role === 'admin' && row.disabled === 0;
  if (wasActiveAdmin && (next.role !== 'admin' || next.disabled) && enabledAdminCount(hub.ledger) <= 1) {
    throw new DomainError('conflict', 'last_admin', 'This is the last admin who can sign in: add or enable another admin first.');
  }
  // A disabled person is out at once; a new role takes effect at the next sign-in, not with the old session's rights.
  const reason = event.disabled === true ? 'disabled' : event.role !== undefined ? 'role_changed' : null;
  const ends = reason ? endSessionsOf(hub, staffId, reason) : [];
  hub.commit([event, ...ends], actor);
  forgetSessions(hub, ends);
  return staffView(known(hub, staffId));
}

/** A forgotten PIN: a new one-time PIN to hand over; the person's sign-ins end (whoever knew the old PIN is out). */
export async function resetStaffPin(hub: Hub, staffId: string, actor: string): Promise<string> {
  known(hub, staffId);
  const oneTimePin = newOneTimePin();
  const pinHash = await hashPin(oneTimePin);
  known(hub, staffId);
  let ends: LedgerEvent[] = [];
  storeStaffPin(hub.ledger, staffId, pinHash, () => {
    ends = endSessionsOf(hub, staffId, 'pin_reset');
    hub.commit([staffPinSet(staffId, pinHash, true), ...ends], actor);
  });
  forgetSessions(hub, ends);
  return oneTimePin;
}

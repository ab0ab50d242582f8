// Head-office staff kept by the hq_admin (issue 16, roles): regional managers and their sets
// of branches, disabling, one-time PINs; and everyone's own PIN. The staff ID, name and new-PIN
// rules are the hub's (main/common/routes/staff.ts, main/common/pin-rules.ts).
import { z } from 'zod';
import { NameSchema, NewPinSchema, StaffIdSchema } from '../routes/staff.js';
import type { OfficeRouteDef } from './routes.js';

const ROLES = ['hq_admin', 'regional_manager'] as const;
const BranchIds = z.array(z.string().min(1).max(64)).max(500);

export const OfficeStaffView = z.strictObject({
  staffId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** A regional manager's branches (IDs, sorted); empty for an hq_admin, who reads every branch. */
  branches: z.array(z.string()),
  disabled: z.boolean(),
  /** Holds a one-time PIN: signs in only after choosing their own. */
  pinChangePending: z.boolean(),
  demoPin: z.boolean(),
});
export type OfficeStaffView = z.infer<typeof OfficeStaffView>;

const StaffParams = z.object({ staffId: z.string().min(1).max(64) });
const OneTimePin = z.strictObject({ staffId: z.string(), oneTimePin: z.string() });

export const listStaff = {
  method: 'GET',
  path: '/api/office/staff',
  access: { grants: ['hq_admin'] },
  summary: 'Head-office staff with their role, a regional manager\'s branches, disabled or not, a PIN still to be chosen.',
  answer: z.strictObject({ staff: z.array(OfficeStaffView) }),
} satisfies OfficeRouteDef;

export const addStaff = {
  method: 'POST',
  path: '/api/office/staff',
  access: { grants: ['hq_admin'] },
  summary: 'Adds a person with a one-time PIN to hand over (shown once); a `regional_manager` needs at least one branch, an `hq_admin` takes none (400 `branches_for_role`); 400 `unknown_branch`, 409 `staff_exists`; audited.',
  body: z.strictObject({ staffId: StaffIdSchema, name: NameSchema, role: z.enum(ROLES), branches: BranchIds.optional() }),
  answer: OneTimePin,
} satisfies OfficeRouteDef;

export const changeStaff = {
  method: 'PATCH',
  path: '/api/office/staff/:staffId',
  access: { grants: ['hq_admin'] },
  summary: "Renames, changes the role or a regional manager's branches (the set is replaced, in effect at their next request), disables (signed out at once) or enables; 409 `last_admin` for the last hq_admin who can sign in; audited.",
  params: StaffParams,
  body: z.strictObject({ name: NameSchema.optional(), role: z.enum(ROLES).optional(), branches: BranchIds.optional(), disabled: z.boolean().optional() }),
  answer: z.strictObject({ staff: OfficeStaffView }),
} satisfies OfficeRouteDef;

export const resetStaffPin = {
  method: 'POST',
  path: '/api/office/staff/:staffId/reset-pin',
  access: { grants: ['hq_admin'] },
  summary: 'A new one-time PIN to hand over; the person is signed out everywhere; audited.',
  params: StaffParams,
  answer: OneTimePin,
} satisfies OfficeRouteDef;

export const ownPin = {
  method: 'POST',
  path: '/api/auth/pin',
  access: 'public',
  summary: "Sets one's own PIN: `{staffId, pin, newPin}` with a one-time PIN (which signs nobody in: login is 403 `pin_change_required`), or signed in as that person with the current PIN; answers as login; 400 `weak_pin`, 401 `sign_in_first`, 409 `pin_already_changed`; wrong PINs count towards login's locks.",
  body: z.strictObject({ staffId: StaffIdSchema, pin: z.string().min(1).max(64), newPin: NewPinSchema }),
  answer: z.strictObject({ token: z.string(), role: z.enum(ROLES), staffId: z.string(), demoPin: z.boolean() }),
} satisfies OfficeRouteDef;

export const OFFICE_STAFF_ROUTES = [listStaff, addStaff, changeStaff, resetStaffPin, ownPin] as const;

// Setting a new branch up (its first admin), and the admin keeping its staff; everyone's own PIN.
import { z } from 'zod';
import { STAFF_ROLES } from '../domain.js';
import type { LoginAnswer } from '../api.js';
import { ACCOUNT_READERS } from './access.js';
import { RoleSchema } from './answers.js';
import { route } from './define.js';

const StaffRoleSchema = z.enum(STAFF_ROLES);
/** Letters, digits, dot, dash and underscore: typed at every sign-in, printed in records. */
export const StaffIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'a staff ID is 1 to 32 letters, digits, dots, dashes or underscores');
export const NameSchema = z.string().trim().min(1).max(64);
/** Any digits: whether they make a PIN is the PIN rule's (400 `weak_pin`, with its sentence). */
export const NewPinSchema = z.string().max(32);
const PinSchema = z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits');
const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM');

const LoginAnswerSchema = z.strictObject({ token: z.string(), role: RoleSchema, staffId: z.string(), demoPin: z.boolean() }) satisfies z.ZodType<LoginAnswer>;

export const StaffViewSchema = z.strictObject({
  staffId: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  disabled: z.boolean(),
  pinChangePending: z.boolean(),
  demoPin: z.boolean(),
});
export type StaffView = z.infer<typeof StaffViewSchema>;

export const setupStatus = route({
  method: 'GET',
  path: '/api/setup',
  access: 'public',
  summary: 'Whether the branch still needs setting up (no admin yet): the screens then send people to /setup.',
  answer: z.strictObject({ needed: z.boolean() }),
});

export const setUp = route({
  method: 'POST',
  path: '/api/setup',
  access: 'public',
  summary:
    "Sets a new branch up with the setup code the hub printed at start: its names, opening hours and first admin, in one commit; signs the admin in. Wrong code 403 `wrong_setup_code` (slowed, then 429 `setup_locked`, like PINs); 400 `weak_pin`, `bad_hours`; once done 409 `already_set_up`.",
  body: z.strictObject({
    code: z.string().min(1).max(32),
    branch: z.strictObject({ nameZh: NameSchema, nameEn: NameSchema, openingTime: TimeSchema.optional(), closingTime: TimeSchema.optional() }),
    admin: z.strictObject({ staffId: StaffIdSchema, name: NameSchema, pin: NewPinSchema }),
  }),
  answer: LoginAnswerSchema,
});

export const staffList = route({
  method: 'GET',
  path: '/api/staff',
  access: { grants: ACCOUNT_READERS },
  summary: 'Every staff member: role, disabled, whether a one-time PIN is waiting to be replaced, demo PIN; never a PIN or its hash.',
  answer: z.strictObject({ staff: z.array(StaffViewSchema) }),
});

export const addStaff = route({
  method: 'POST',
  path: '/api/staff',
  access: { grants: ['admin'] },
  summary: 'Adds a staff member with a one-time PIN (shown once) that is good only for setting their own; 409 `staff_exists`; recorded as `staff.defined` and `staff.pin_set`.',
  body: z.strictObject({ staffId: StaffIdSchema, name: NameSchema, role: StaffRoleSchema }),
  answer: z.strictObject({ staffId: z.string(), oneTimePin: z.string() }),
});

export const changeStaff = route({
  method: 'PATCH',
  path: '/api/staff/:id',
  access: { grants: ['admin'] },
  summary:
    "Renames, changes the role of, disables or enables a staff member (`staff.changed`); disabling or a new role ends the person's sessions at once; 404 `unknown_staff`; 409 `last_admin` for the last admin who can sign in.",
  params: z.object({ id: z.string().min(1).max(64) }),
  body: z.strictObject({ name: NameSchema.optional(), role: StaffRoleSchema.optional(), disabled: z.boolean().optional() }),
  answer: z.strictObject({ staff: StaffViewSchema }),
});

export const resetStaffPin = route({
  method: 'POST',
  path: '/api/staff/:id/reset-pin',
  access: { grants: ['admin'] },
  summary: "A new one-time PIN for a staff member (shown once); their sessions end; 404 `unknown_staff`.",
  params: z.object({ id: z.string().min(1).max(64) }),
  answer: z.strictObject({ staffId: z.string(), oneTimePin: z.string() }),
});

export const changePin = route({
  method: 'POST',
  path: '/api/auth/pin',
  access: 'public',
  summary:
    "Sets one's own PIN: signed in, `{pin, newPin}`; not signed in, `{staffId, pin, newPin}` with a one-time PIN only (then signs in: `session`). Wrong PIN 401 `wrong_pin` and locks as at login; 400 `weak_pin` (6 digits, not one repeated or in a row, not the old one); 401 `sign_in_first`.",
  body: z.strictObject({ staffId: z.string().min(1).max(64).optional(), pin: PinSchema, newPin: NewPinSchema }),
  answer: z.strictObject({ staffId: z.string(), session: LoginAnswerSchema.nullable() }),
});

export const setupRoutes = [setupStatus, setUp];
export const staffRoutes = [staffList, addStaff, changeStaff, resetStaffPin, changePin];

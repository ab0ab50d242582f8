// Staff sign-in, who is calling, the locks after wrong PINs, and devices joining and leaving.
import { z } from 'zod';
import { LoginBody, PairBody, RegisterDeviceBody, type LoginAnswer, type PairAnswer, type RegisterDeviceAnswer, type StaffLocksAnswer, type UnlockAnswer } from '../api.js';
import { ACCOUNT_READERS, ANY_TOKEN } from './access.js';
import { DeviceViewSchema, Ok, RoleSchema } from './answers.js';
import { route } from './define.js';

export const login = route({
  method: 'POST',
  path: '/api/auth/login',
  access: 'public',
  summary: 'Signs a staff member in: wrong PIN 401 `wrong_pin`; the 5th failure from one address locks the ID for that address for 5 minutes, the 20th from all addresses for every address (429 `account_locked`, the right PIN included); failures are answered more slowly each time; over 60 attempts a minute from one address 429 `rate_limited`; recorded as `auth.login`, `auth.failures` (per ID and minute), `auth.locked`.',
  body: LoginBody,
  answer: z.strictObject({ token: z.string(), role: RoleSchema, staffId: z.string(), demoPin: z.boolean() }) satisfies z.ZodType<LoginAnswer>,
});

export const logout = route({
  method: 'POST',
  path: '/api/auth/logout',
  access: { grants: ANY_TOKEN },
  summary: "Ends the caller's session.",
  answer: Ok,
});

export const me = route({
  method: 'GET',
  path: '/api/me',
  access: { grants: ANY_TOKEN },
  summary: 'Who the token belongs to.',
  answer: z.strictObject({ kind: z.enum(['staff', 'device']), id: z.string(), role: z.union([RoleSchema, z.literal('manager')]), demoPin: z.boolean() }),
});

export const staffLocks = route({
  method: 'GET',
  path: '/api/staff/locks',
  access: { grants: ['admin'] },
  summary: 'The locks now: first those for every address (`source: null`), then those for one address.',
  answer: z.strictObject({
    locks: z.array(z.strictObject({ staffId: z.string(), role: RoleSchema, source: z.string().nullable(), lockedUntil: z.number(), failures: z.number().int() })),
  }) satisfies z.ZodType<StaffLocksAnswer>,
});

export const unlockStaff = route({
  method: 'POST',
  path: '/api/staff/:id/unlock',
  access: { grants: ['admin'] },
  summary: 'Lifts every lock of the ID, at every address; 404 `unknown_staff`; recorded as `auth.unlocked`.',
  params: z.object({ id: z.string().min(1).max(64) }),
  answer: z.strictObject({ staffId: z.string(), unlocked: z.literal(true) }) satisfies z.ZodType<UnlockAnswer>,
});

export const registerDevice = route({
  method: 'POST',
  path: '/api/devices',
  access: { grants: ['admin'] },
  summary: "Registers a device: the pairing code is valid once, for 10 minutes; `certFingerprint` is the hub certificate's SHA-256, null over plain HTTP. A satisfaction pad (`rating`) names the `counter` it stands at (400 `invalid_request` without one, or with one for another role; 400 `unknown_counter`).",
  body: RegisterDeviceBody,
  answer: z.strictObject({ deviceId: z.string(), pairingCode: z.string(), expiresAt: z.string(), certFingerprint: z.string().nullable() }) satisfies z.ZodType<RegisterDeviceAnswer>,
});

export const devices = route({
  method: 'GET',
  path: '/api/devices',
  access: { grants: ACCOUNT_READERS },
  summary: "Every device, revoked ones included: `{deviceId, role, name, paired, pairedAt, pairingExpiresAt, lastSeenAt, revokedAt, counter}` (`counter`: a satisfaction pad's).",
  answer: z.strictObject({ devices: z.array(DeviceViewSchema) }),
});

export const revokeDevice = route({
  method: 'DELETE',
  path: '/api/devices/:id',
  access: { grants: ['admin'] },
  summary: 'Revokes a device: its token is 401 `invalid_token` from the next request and its live feed closes; 404 `unknown_device`, 409 `already_revoked`.',
  params: z.object({ id: z.string() }),
  answer: z.strictObject({ deviceId: z.string(), revokedAt: z.string().nullable() }),
});

export const pairDevice = route({
  method: 'POST',
  path: '/api/devices/pair',
  access: 'public',
  summary: 'A device trades a valid pairing code for its token.',
  body: PairBody,
  answer: z.strictObject({ token: z.string(), role: RoleSchema, deviceId: z.string() }) satisfies z.ZodType<PairAnswer>,
});

export const authRoutes = [login, logout, me, staffLocks, unlockStaff, registerDevice, devices, revokeDevice, pairDevice];

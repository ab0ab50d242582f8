// The branch's set-up, from the admin's branch tab: services, counters, the branch's names,
// opening hours, the kiosk's choices and the customer secret shared between branches. Each
// write is one audited event with the admin as actor and applies at once, with no restart.
import { z } from 'zod';
import { KioskChoices } from '../kiosk.js';
import { ApiCounterSchema, ApiServiceSchema } from './answers.js';
import { SETTINGS_READERS } from './access.js';
import { route } from './define.js';

const name = (max: number) => z.string().trim().min(1, 'a name is needed').max(max);
const minutes = z.number().int('whole minutes').min(1, 'at least one minute').max(480, 'at most 480 minutes');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a clock time is HH:MM');

/**
 * One POST defines a service or edits the one with that code: the code is the service's
 * identity (tickets, counters and kiosk choices name it), so it never changes; everything
 * else may. `priorServiceMinutes` (the estimator's guess before the day has served anyone)
 * keeps its value when omitted, 5 minutes for a new service.
 */
export const DefineServiceBody = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9_]{1,32}$/, 'a service code is 1 to 32 small letters, digits or _'),
    prefix: z.string().regex(/^[A-Z]$/, 'a ticket prefix is one capital letter'),
    nameZh: name(16),
    nameEn: name(32),
    targetWaitMinutes: minutes,
    maxWaitMinutes: minutes,
    priorServiceMinutes: z.number().min(0.5).max(120).optional(),
  })
  .refine((s) => s.targetWaitMinutes <= s.maxWaitMinutes, { message: 'the target wait is at most the maximum wait', path: ['maxWaitMinutes'] });

/** Services in order of preference; `label` null removes it, absent keeps it. */
export const DefineCounterBody = z.strictObject({
  counter: z.string().regex(/^[1-9]\d{0,2}$/, 'a counter number is 1 to 999'),
  services: z.array(z.string().min(1).max(32)).min(1, 'a counter serves at least one service').max(12),
  label: z.string().trim().max(12, 'a label is at most 12 characters').nullable().optional(),
});

export const BranchNames = z.strictObject({ nameZh: name(24), nameEn: name(48) });

/** The records' clock: the opening checklist is due at opening, the patrols at their times, the closing one at closing. */
export const OpeningHours = z
  .strictObject({ openingTime: clock, closingTime: clock, patrolTimes: z.array(clock).max(6, 'at most six patrols') })
  .refine((h) => h.openingTime < h.closingTime, { message: 'the branch closes after it opens', path: ['closingTime'] })
  .refine((h) => h.patrolTimes.every((p) => p > h.openingTime && p < h.closingTime), { message: 'patrols are between opening and closing', path: ['patrolTimes'] })
  .refine((h) => new Set(h.patrolTimes).size === h.patrolTimes.length, { message: 'each patrol time once', path: ['patrolTimes'] });

const Pin = z.string().regex(/^\d{4,12}$/, 'a PIN is digits');
export const SecretShowBody = z.strictObject({ pin: Pin });
export const SecretSetBody = z.strictObject({ pin: Pin, secret: z.string().trim().regex(/^[0-9a-f]{64}$/, 'the secret is 64 hexadecimal characters') });

export const defineService = route({
  method: 'POST',
  path: '/api/services',
  access: { grants: ['admin'] },
  summary: 'Defines a service or edits the one with that `code` (`service.defined`); 409 `prefix_taken`; target wait ≤ maximum.',
  body: DefineServiceBody,
  answer: z.strictObject({ service: ApiServiceSchema }),
});

export const defineCounter = route({
  method: 'POST',
  path: '/api/counters',
  access: { grants: ['admin'] },
  summary: 'Defines a counter or changes its services (in order) and `label`, keeping it open or closed (`counter.defined`); 400 `unknown_service`.',
  body: DefineCounterBody,
  answer: z.strictObject({ counter: ApiCounterSchema }),
});

export const branchNames = route({ method: 'GET', path: '/api/settings/branch', access: { grants: SETTINGS_READERS }, summary: "The branch's names, as tickets and screens show them.", answer: BranchNames });
export const setBranchNames = route({
  method: 'PUT',
  path: '/api/settings/branch',
  access: { grants: ['admin'] },
  summary: 'Renames the branch (`settings.changed`); the lobby snapshot and printed tickets carry it at once.',
  body: BranchNames,
  answer: BranchNames,
});

export const openingHours = route({ method: 'GET', path: '/api/settings/opening-hours', access: { grants: SETTINGS_READERS }, summary: 'Opening and closing time and the patrol times the checklists are due at.', answer: OpeningHours });
export const setOpeningHours = route({
  method: 'PUT',
  path: '/api/settings/opening-hours',
  access: { grants: ['admin'] },
  summary: 'Sets them (`settings.changed` for each that changed); patrols fall between opening and closing.',
  body: OpeningHours,
  answer: OpeningHours,
});

export const setKioskChoices = route({
  method: 'PUT',
  path: '/api/kiosk/config',
  access: { grants: ['admin'] },
  summary: "Replaces the kiosk's home choices (1–8; `settings.changed`); a choice names an existing service, a self-service place, or neither; `fraudPrompt` (default false) makes the kiosk warn of the safe-account scam and puts an elderly customer's ticket under fraud watch; 400 `unknown_service`.",
  body: z.strictObject({ choices: KioskChoices }),
  answer: z.strictObject({ choices: KioskChoices }),
});

const SecretState = z.strictObject({
  /** A one-way hash of the secret: two hubs share a secret when their fingerprints match. */
  fingerprint: z.string(),
  /** Customer keys exist: the secret can no longer change (it would orphan them). */
  customersKeyed: z.boolean(),
});

export const customerSecret = route({
  method: 'GET',
  path: '/api/customer-secret',
  access: { grants: ['admin'] },
  summary: "The customer secret's fingerprint and whether it may still change; never the secret.",
  answer: SecretState,
});

export const showCustomerSecret = route({
  method: 'POST',
  path: '/api/customer-secret/show',
  access: { grants: ['admin'] },
  summary: "The secret itself, after the admin's PIN again (throttled as sign-in; `customer_secret.shown` records who, never the secret).",
  body: SecretShowBody,
  answer: z.strictObject({ secret: z.string(), fingerprint: z.string() }),
});

export const setCustomerSecret = route({
  method: 'POST',
  path: '/api/customer-secret/set',
  access: { grants: ['admin'] },
  summary: "Takes another branch's secret, after the admin's PIN; 409 `customers_keyed` once VIPs or notes are keyed with this one.",
  body: SecretSetBody,
  answer: SecretState,
});

export const branchRoutes = [defineService, defineCounter, branchNames, setBranchNames, openingHours, setOpeningHours, setKioskChoices, customerSecret, showCustomerSecret, setCustomerSecret];

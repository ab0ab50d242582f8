// The head office's HTTP API (npm run office), as the hub's is in main/common/routes: the
// office registers these and no other, the README's table and the route tests walk them.
import { z } from 'zod';
import type { Method, Produces } from '../routes/define.js';
import { CONFIG_KINDS, ConfigStatusAnswer, PublishConfigAnswer, PublishConfigBody, PullConfigAnswer, PullConfigQuery } from './config-wire.js';
import { EraseNotesBody, PullNotesAnswer, PullNotesQuery, PushNotesAnswer, PushNotesBody } from './notebook-wire.js';
import { OFFICE_REPORT_ROUTES } from './report-routes.js';
import { OFFICE_STAFF_ROUTES } from './staff-routes.js';
import { EnrolAnswer, EnrolBody, IngestAnswer, IngestBody } from './wire.js';

/** Who holds an office token: head-office staff, or an enrolled branch's hub (its credential). */
export const OFFICE_GRANTS = ['hq_admin', 'regional_manager', 'branch'] as const;
export type OfficeGrant = (typeof OFFICE_GRANTS)[number];
export const OFFICE_STAFF_ROLES = ['hq_admin', 'regional_manager'] as const;
export type OfficeStaffRole = (typeof OFFICE_STAFF_ROLES)[number];

export type OfficeAccess = 'public' | { grants: readonly OfficeGrant[] };

export interface OfficeRouteDef {
  method: Method;
  path: string;
  access: OfficeAccess;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  answer: z.ZodType;
  produces?: Produces;
  /** Bytes a request body may have; 64 KiB when not said. */
  bodyLimit?: number;
}

export const BRANCH_STATUSES = ['enrolling', 'active', 'chain_broken'] as const;

export const OfficeBranchView = z.strictObject({
  branchId: z.string(),
  name: z.string(),
  status: z.enum(BRANCH_STATUSES),
  lastSeq: z.number().int().nonnegative(),
  lastSeenAt: z.string().nullable(),
  today: z.strictObject({ issued: z.number().int(), served: z.number().int(), noShow: z.number().int(), waiting: z.number().int() }),
});
export type OfficeBranchView = z.infer<typeof OfficeBranchView>;

const BranchParams = z.object({ id: z.string().min(1).max(64) });

export const officeHealth = {
  method: 'GET',
  path: '/api/health',
  access: 'public',
  summary: 'The office answers: `{ok, version}`.',
  answer: z.strictObject({ ok: z.literal(true), version: z.string(), office: z.literal(true) }),
} satisfies OfficeRouteDef;

export const officeLogin = {
  method: 'POST',
  path: '/api/auth/login',
  access: 'public',
  summary: 'Signs head-office staff in as the hub does: wrong PIN 401 `wrong_pin`, slower after each failure, 429 `account_locked` after 5 in a row; 403 `pin_change_required` for a one-time PIN, 403 `staff_disabled`.',
  body: z.strictObject({ staffId: z.string().min(1).max(64), pin: z.string().min(1).max(64) }),
  answer: z.strictObject({ token: z.string(), role: z.enum(OFFICE_STAFF_ROLES), staffId: z.string(), demoPin: z.boolean() }),
} satisfies OfficeRouteDef;

export const createBranch = {
  method: 'POST',
  path: '/api/office/branches',
  access: { grants: ['hq_admin'] },
  summary: 'Creates a branch and its one-time enrolment code (valid 7 days), used by `atrium enroll`; audited.',
  body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
  answer: z.strictObject({ branchId: z.string(), enrolmentCode: z.string() }),
} satisfies OfficeRouteDef;

export const listBranches = {
  method: 'GET',
  path: '/api/office/branches',
  access: { grants: ['hq_admin', 'regional_manager'] },
  summary: "Every branch (a regional manager: theirs only) with its chain status, the last event taken and when, and today's tickets (in the branch's own date) from its events.",
  answer: z.strictObject({ branches: z.array(OfficeBranchView) }),
} satisfies OfficeRouteDef;

export const resetChain = {
  method: 'POST',
  path: '/api/office/branches/:id/reset-chain',
  access: { grants: ['hq_admin'] },
  summary: "After a broken chain: takes the branch's events again from its last sound one (the hub must send a chain that continues it); 409 `chain_sound` when nothing is broken; audited with the reason.",
  params: BranchParams,
  body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
  answer: z.strictObject({ branchId: z.string(), status: z.enum(BRANCH_STATUSES), lastSeq: z.number().int() }),
} satisfies OfficeRouteDef;

export const officeAlerts = {
  method: 'GET',
  path: '/api/office/alerts',
  access: { grants: ['hq_admin', 'regional_manager'] },
  summary: 'Office alerts (a regional manager: of their branches only), newest first: `chain_broken` names the branch, the event and what is wrong with it.',
  answer: z.strictObject({
    alerts: z.array(z.strictObject({ id: z.number().int(), at: z.string(), branchId: z.string(), kind: z.string(), message: z.string(), seq: z.number().int().nullable() })),
  }),
} satisfies OfficeRouteDef;

export const officeAudit = {
  method: 'GET',
  path: '/api/office/audit',
  access: { grants: ['hq_admin'] },
  summary: "Who did what at the office, newest first (branches created, enrolled, chains reset, configuration published; staff added, changed, PINs reset and chosen).",
  answer: z.strictObject({
    entries: z.array(z.strictObject({ at: z.string(), actor: z.string(), action: z.string(), branchId: z.string().nullable(), detail: z.string() })),
  }),
} satisfies OfficeRouteDef;

export const enrol = {
  method: 'POST',
  path: '/api/office/enrol',
  access: 'public',
  summary: "A hub trades a valid, unused enrolment code for its branch credential and the organisation's customer-key secret (what `atrium enroll` calls, over the pinned connection); 401 `invalid_code`.",
  body: EnrolBody,
  answer: EnrolAnswer,
} satisfies OfficeRouteDef;

export const ingest = {
  method: 'POST',
  path: '/api/office/ingest',
  access: { grants: ['branch'] },
  summary: "A branch's ledger events in seq order; those already held are skipped (same hash) so a re-send changes nothing; each new one must continue the branch's hash chain, else the branch is `chain_broken` (409 `chain_broken`, an office alert) until an admin resets it; 409 `seq_gap` with `details.lastSeq` when events are missing before the batch.",
  body: IngestBody,
  answer: IngestAnswer,
} satisfies OfficeRouteDef;

export const pushNotebook = {
  method: 'POST',
  path: '/api/office/notebook',
  access: { grants: ['branch'] },
  summary: "A branch's shared notebook notes (keyed hashes, text sealed under the organisation's key): each replaces the organisation's note for that customer and takes the next version.",
  body: PushNotesBody,
  answer: PushNotesAnswer,
} satisfies OfficeRouteDef;

export const pullNotebook = {
  method: 'GET',
  path: '/api/office/notebook',
  access: { grants: ['branch'] },
  summary: "The notes other branches shared after version `since` (every enrolled branch of the organisation reads them all), oldest first, at most 500, with the version to ask from next; `erased: true` for a customer erased at that branch.",
  query: PullNotesQuery,
  answer: PullNotesAnswer,
} satisfies OfficeRouteDef;

export const eraseNotebook = {
  method: 'POST',
  path: '/api/office/notebook/erasures',
  access: { grants: ['branch'] },
  summary: "A customer erased at a branch: the organisation's notes under these keys are dropped (text and tags gone) and become erasures with the next version, which the other branches pull and apply; a note saved before the erasure and pushed later loses to it. In the same transaction the keys (and the other keys of a VIP register entry holding one) are remembered as erased, and the entry is removed from every stored version of the VIP register; if the newest version held it, a new version without it is published (by `branch:<id>`, audited) for every hub to pull.",
  body: EraseNotesBody,
  answer: PushNotesAnswer,
} satisfies OfficeRouteDef;

export const publishConfig = {
  method: 'PUT',
  path: '/api/office/config/:kind',
  access: { grants: ['hq_admin'] },
  summary:
    "Publishes a new version of one kind of branch configuration, pulled by every enrolled hub: `services` `{services}` (as POST /api/services takes each), `kiosk-choices` `{choices}` (as PUT /api/kiosk/config), `checklist-templates` `{templates: [{kind, items}]}`, `vip-register` `{rows: [{title, card?, phone?, notes?, tags?}]}` (each number replaced by its keyed hash under the organisation's secret before anything is stored; a row of a customer erased at a branch is left out and counted in `dropped`, with no override); the same document as the newest version gives that version (`changed: false`); 400 `invalid_request` or `duplicate_number`, nothing written; audited.",
  params: z.object({ kind: z.enum(CONFIG_KINDS) }),
  body: PublishConfigBody,
  answer: PublishConfigAnswer,
  // A bank's VIP register: tens of thousands of rows.
  bodyLimit: 16 * 1024 * 1024,
} satisfies OfficeRouteDef;

export const pullConfig = {
  method: 'GET',
  path: '/api/office/config',
  access: { grants: ['branch'] },
  summary: 'The newest version of each kind of branch configuration above the version the hub holds (`after=services:3,vip-register:1`, a kind not named: none), and the newest version of every kind.',
  query: PullConfigQuery,
  answer: PullConfigAnswer,
} satisfies OfficeRouteDef;

export const configStatus = {
  method: 'GET',
  path: '/api/office/config/status',
  access: { grants: ['hq_admin', 'regional_manager'] },
  summary:
    "The newest published version of each kind, and per branch (a regional manager: theirs only) the newest version its hub applied and a refusal newer than it with the hub's reason, from the office.config_applied and office.config_refused events it shipped.",
  answer: ConfigStatusAnswer,
} satisfies OfficeRouteDef;

export const OFFICE_ROUTES: readonly OfficeRouteDef[] = [
  officeHealth,
  officeLogin,
  createBranch,
  listBranches,
  resetChain,
  officeAlerts,
  officeAudit,
  enrol,
  ingest,
  pushNotebook,
  pullNotebook,
  eraseNotebook,
  publishConfig,
  pullConfig,
  configStatus,
  ...OFFICE_REPORT_ROUTES,
  ...OFFICE_STAFF_ROUTES,
];

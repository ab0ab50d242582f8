// Branch configuration published by head office and pulled by hubs (issue 16 point 4): four
// kinds of document, each versioned on its own. An admin publishes a whole document of one
// kind; each hub pulls the newest version of each kind above the one it holds and applies it
// as ordinary events in its own ledger. The documents are checked with the hub's own schemas
// (a service as POST /api/services takes it, kiosk choices as PUT /api/kiosk/config, checklist
// items as POST /api/checklists/templates/:kind), so a document the office takes is one a hub
// can read; whether a branch can apply it (a kiosk choice naming a service it lacks) is the
// hub's to decide.
import { z } from 'zod';
import type { OfficeConfigKind } from '../events.js';
import { KioskChoices } from '../kiosk.js';
import { CHECKLIST_KINDS, TemplateBody } from '../records.js';
import { DefineServiceBody } from '../routes/branch.js';

export const CONFIG_KINDS = ['services', 'kiosk-choices', 'checklist-templates', 'vip-register'] as const satisfies readonly OfficeConfigKind[];
export type ConfigKind = (typeof CONFIG_KINDS)[number];

const unique = <T>(values: readonly T[]) => new Set(values).size === values.length;

/** Services to define or edit at every branch (a branch's other services stay as they are). */
export const ServicesDocument = z
  .strictObject({ services: z.array(DefineServiceBody).min(1).max(32) })
  .refine((d) => unique(d.services.map((s) => s.code)), { message: 'each service code once', path: ['services'] })
  .refine((d) => unique(d.services.map((s) => s.prefix)), { message: 'each ticket prefix once', path: ['services'] });
export type ServicesDocument = z.infer<typeof ServicesDocument>;

/** The kiosk's home choices, replacing each branch's. */
export const KioskChoicesDocument = z
  .strictObject({ choices: KioskChoices })
  .refine((d) => unique(d.choices.map((c) => c.id)), { message: 'each choice id once', path: ['choices'] })
  .refine((d) => d.choices.every((c) => c.service === null || c.selfService === null), { message: 'a choice either issues a ticket or sends to self-service, not both', path: ['choices'] });
export type KioskChoicesDocument = z.infer<typeof KioskChoicesDocument>;

/** A checklist kind's items: each branch saves them as its next template version of that kind. */
export const ChecklistTemplatesDocument = z
  .strictObject({ templates: z.array(z.strictObject({ kind: z.enum(CHECKLIST_KINDS), items: TemplateBody.shape.items })).min(1).max(CHECKLIST_KINDS.length) })
  .refine((d) => unique(d.templates.map((t) => t.kind)), { message: 'each checklist kind once', path: ['templates'] });
export type ChecklistTemplatesDocument = z.infer<typeof ChecklistTemplatesDocument>;

const digits = (s: string) => s.replace(/[\s-]/g, '');

/**
 * One row of the register as the admin uploads it (the columns of the hub's CSV import: title,
 * card, phone, notes, tags). The numbers never get further than the office's memory: the
 * office keys them under the organisation's secret before anything is stored.
 */
export const VipUploadRow = z
  .strictObject({
    title: z.string().trim().min(1, 'a title (王先生) is needed').max(20, 'a title is at most 20 characters'),
    card: z
      .string()
      .refine((s) => /^\d{12,19}$/.test(digits(s)), 'a card number is 12 to 19 digits')
      .optional(),
    phone: z
      .string()
      .refine((s) => /^\+?\d{7,15}$/.test(digits(s)), 'a phone number is 7 to 15 digits')
      .optional(),
    notes: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  })
  .refine((r) => r.card !== undefined || r.phone !== undefined, 'a row needs a card or a phone number');
export type VipUploadRow = z.infer<typeof VipUploadRow>;
export const VipRegisterUpload = z.strictObject({ rows: z.array(VipUploadRow).min(1).max(50_000) });

const KeyedHash = z.string().regex(/^[0-9a-f]{64}$/);
/** The register as stored and pulled: each customer's numbers as HMAC(organisation secret, number). */
export const VipRegisterDocument = z.strictObject({
  register: z.array(z.strictObject({ title: z.string().min(1).max(20), notes: z.array(z.string()), tags: z.array(z.string()), keys: z.array(KeyedHash).min(1).max(2) })).max(50_000),
});
export type VipRegisterDocument = z.infer<typeof VipRegisterDocument>;

/** What a hub applies, by kind. */
export const CONFIG_DOCUMENTS = {
  services: ServicesDocument,
  'kiosk-choices': KioskChoicesDocument,
  'checklist-templates': ChecklistTemplatesDocument,
  'vip-register': VipRegisterDocument,
} as const satisfies Record<ConfigKind, z.ZodType>;
export type ConfigDocument<K extends ConfigKind> = z.infer<(typeof CONFIG_DOCUMENTS)[K]>;

/**
 * PUT /api/office/config/:kind takes the one field of its kind: `services`, `choices`,
 * `templates`, or the register's `rows` (numbers in clear, keyed at the office).
 */
export const PublishConfigBody = z.strictObject({
  services: z.unknown().optional(),
  choices: z.unknown().optional(),
  templates: z.unknown().optional(),
  rows: z.unknown().optional(),
});
/** How each kind's upload is read (the register's rows become a VipRegisterDocument at the office). */
export const CONFIG_UPLOADS = {
  services: ServicesDocument,
  'kiosk-choices': KioskChoicesDocument,
  'checklist-templates': ChecklistTemplatesDocument,
  'vip-register': VipRegisterUpload,
} as const satisfies Record<ConfigKind, z.ZodType>;

export const PublishConfigAnswer = z.strictObject({
  kind: z.enum(CONFIG_KINDS),
  version: z.number().int().positive(),
  /** false: the document was the newest version already; nothing was written. */
  changed: z.boolean(),
  /** vip-register only: rows left out because the customer was erased at a branch (no override). */
  dropped: z.number().int().nonnegative().optional(),
});

/** The versions a hub holds: `services:3,vip-register:1` (a kind not named: none held). */
export const ConfigVersions = z.partialRecord(z.enum(CONFIG_KINDS), z.number().int().nonnegative());
export type ConfigVersions = z.infer<typeof ConfigVersions>;

export function formatVersions(v: ConfigVersions): string {
  return CONFIG_KINDS.filter((k) => (v[k] ?? 0) > 0)
    .map((k) => `${k}:${v[k]}`)
    .join(',');
}

const VersionsText = z
  .string()
  .max(200)
  .refine((s) => s === '' || s.split(',').every((part) => /^[a-z-]+:\d{1,9}$/.test(part) && (CONFIG_KINDS as readonly string[]).includes(part.split(':')[0]!)), 'after is kind:version,… with the kinds services, kiosk-choices, checklist-templates, vip-register')
  .transform((s) => Object.fromEntries(s === '' ? [] : s.split(',').map((part) => [part.split(':')[0], Number(part.split(':')[1])])) as ConfigVersions);

export const PullConfigQuery = z.strictObject({ after: VersionsText.default({}) });

/** A kind's newest version, as a hub reads it; `document` is checked per kind by the hub (CONFIG_DOCUMENTS). */
export const PulledConfig = z.strictObject({ kind: z.enum(CONFIG_KINDS), version: z.number().int().positive(), publishedAt: z.string(), document: z.unknown() });
export type PulledConfig = z.infer<typeof PulledConfig>;
/** The newest version of each kind above `after`, and the newest version of every kind. */
export const PullConfigAnswer = z.strictObject({ documents: z.array(PulledConfig), versions: ConfigVersions });

/** A kind's newest version at the office: what every branch should hold. */
export const PublishedVersion = z.strictObject({ kind: z.enum(CONFIG_KINDS), version: z.number().int().positive(), publishedAt: z.string(), publishedBy: z.string() });
/**
 * Where one branch stands on one kind, from the office.config_applied / _refused events its
 * hub shipped: the newest version applied, and a refusal newer than it (with the hub's reason).
 */
export const BranchConfigState = z.strictObject({
  kind: z.enum(CONFIG_KINDS),
  applied: z.number().int().positive().nullable(),
  refused: z.strictObject({ version: z.number().int().positive(), code: z.string(), reason: z.string(), at: z.string() }).nullable(),
});
export const ConfigStatusAnswer = z.strictObject({
  published: z.array(PublishedVersion),
  branches: z.array(z.strictObject({ branchId: z.string(), name: z.string(), kinds: z.array(BranchConfigState) })),
});
export type ConfigStatusAnswer = z.infer<typeof ConfigStatusAnswer>;

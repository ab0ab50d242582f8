// The lobby's records (issue 6): checklists with two-person sign-off, device faults, the
// work log, the opinion book, complaints, the special-customer notebook, referral and care
// cards. Every change is a RecordsEvent in the ledger; the record tables are projections of
// those events. Signed records carry the sha256 of the canonical JSON of what was signed.
import type { FraudFigures, InterventionEvent } from './fraud.js';
import type { RatingsSection } from './rating.js';
import { z } from 'zod';
import { CalendarDate, CalendarMonth, DateTime } from './dates.js';
import type { PauseReason } from './domain.js';

export const CHECKLIST_KINDS = ['opening', 'patrol', 'closing'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];
export const ITEM_RESULTS = ['pass', 'fault', 'na'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];

export interface TemplateItem {
  id: string;
  zh: string;
  en: string;
  /** A device: a fault on it opens a device-fault record tracked until repaired. */
  device?: boolean;
}
export interface ChecklistTemplate {
  kind: ChecklistKind;
  version: number;
  items: TemplateItem[];
}

export interface ChecklistItem extends TemplateItem {
  result: ItemResult | null;
  note: string;
}
export type ChecklistStatus = 'draft' | 'completed' | 'signed';
export interface Checklist {
  id: string;
  kind: ChecklistKind;
  date: string;
  templateVersion: number;
  items: ChecklistItem[];
  status: ChecklistStatus;
  startedAt: number;
  startedBy: string | null;
  completedAt: number | null;
  completedBy: string | null;
  signedAt: number | null;
  signedBy: string | null;
  contentHash: string | null;
  /** The signed checklist this one corrects; the original stays as it was signed. */
  amends: string | null;
  amendedBy: string | null;
}

export type FaultStatus = 'reported' | 'repair_requested' | 'repaired';
export interface DeviceFault {
  id: string;
  date: string;
  checklistId: string;
  itemId: string;
  deviceZh: string;
  deviceEn: string;
  note: string;
  status: FaultStatus;
  reportedAt: number;
  reportedBy: string | null;
  repairRequestedAt: number | null;
  repairedAt: number | null;
  repairNote: string;
}

export const WORKLOG_KINDS = ['question', 'need', 'incident', 'duty', 'note'] as const;
export type WorklogKind = (typeof WORKLOG_KINDS)[number];
export interface WorklogEntry {
  id: string;
  date: string;
  kind: WorklogKind;
  text: string;
  /** Questions not answered on the spot: the date the answer is due. */
  followUpDue: string | null;
  answer: string | null;
  answeredAt: number | null;
  at: number;
  by: string | null;
}
export interface WorklogDay {
  date: string;
  completedAt: number;
  completedBy: string | null;
  staffOnDuty: string[];
  /** The day's figures as the daily report gave them at completion. */
  figures: Record<string, number>;
}

export const OPINION_THEMES = ['waiting', 'attitude', 'environment', 'facilities', 'products', 'fees', 'praise', 'other'] as const;
export type OpinionTheme = (typeof OPINION_THEMES)[number];
export interface Opinion {
  id: string;
  date: string;
  source: 'book' | 'box';
  theme: OpinionTheme;
  text: string;
  hasPhone: boolean;
  /** Keyed hash of the phone (HMAC with the branch secret): the phone itself is kept apart and purged. */
  phoneKey: string | null;
  dueDate: string;
  recordedAt: number;
  recordedBy: string | null;
  reply: string | null;
  repliedAt: number | null;
  repliedBy: string | null;
  signedAt: number | null;
  signedBy: string | null;
  contentHash: string | null;
  phonePurgedAt: number | null;
  status: 'open' | 'replied' | 'signed';
}

export const EMOTIONS = ['calm', 'angry', 'anxious', 'sad', 'loud'] as const;
export const WANTS = ['vent', 'respect', 'fix', 'compensation'] as const;
export type ComplaintStatus = 'open' | 'escalated' | 'resolved' | 'closed';
export interface Complaint {
  id: string;
  date: string;
  openedAt: number;
  /** First-contact ownership (首问负责): whoever took it owns it to the end. */
  owner: string | null;
  emotion: (typeof EMOTIONS)[number];
  calmed: boolean;
  listened: boolean;
  summary: string;
  ourFault: boolean;
  faultDetail: string;
  wants: (typeof WANTS)[number][];
  solvableOnSpot: boolean;
  reasonable: boolean;
  /** A promised time (epoch ms) when not solvable on the spot. */
  promisedAt: number | null;
  dueAt: number;
  status: ComplaintStatus;
  escalatedAt: number | null;
  resolution: string | null;
  resolvedAt: number | null;
  resolvedBy: string | null;
  signedAt: number | null;
  signedBy: string | null;
  contentHash: string | null;
}

export const NOTEBOOK_TAGS = ['forgets_pin', 'magnifier', 'hard_of_hearing', 'small_notes', 'jumps_queue', 'wheelchair', 'needs_patience'] as const;
export interface NotebookEntry {
  customerKey: string;
  title: string;
  notes: string;
  tags: string[];
  updatedAt: number;
  updatedBy: string | null;
}

export type CardKind = 'referral' | 'care';
export type CardStatus = 'open' | 'contacted' | 'closed';
export interface CareCard {
  id: string;
  kind: CardKind;
  date: string;
  /** A form of address (王先生), never a full name or an account. */
  title: string;
  need: string;
  assignedTo: string;
  dueDate: string;
  status: CardStatus;
  followUps: { at: number; by: string | null; note: string }[];
  createdAt: number;
  createdBy: string | null;
  closedAt: number | null;
  outcome: string | null;
}

export type RecordsEvent =
  | { type: 'checklist.template_saved'; template: ChecklistTemplate }
  | { type: 'checklist.started'; id: string; kind: ChecklistKind; date: string; template: ChecklistTemplate; amends: string | null }
  | { type: 'checklist.answered'; id: string; answers: { itemId: string; result: ItemResult | null; note: string }[] }
  | { type: 'checklist.completed'; id: string }
  | { type: 'checklist.signed'; id: string; contentHash: string }
  | { type: 'fault.reported'; id: string; checklistId: string; itemId: string; date: string; note: string }
  | { type: 'fault.repair_requested'; id: string }
  | { type: 'fault.repaired'; id: string; note: string }
  | { type: 'worklog.added'; id: string; date: string; kind: WorklogKind; text: string; followUpDue: string | null }
  | { type: 'worklog.answered'; id: string; answer: string }
  | { type: 'worklog.day_completed'; date: string; staffOnDuty: string[]; figures: Record<string, number> }
  /** phone: the phone left with it, sealed under its own key (absent in older ledgers, which kept it outside the events). */
  | { type: 'opinion.recorded'; id: string; date: string; source: 'book' | 'box'; theme: OpinionTheme; text: string; phoneKey: string | null; dueDate: string; phone?: string | null }
  | { type: 'opinion.replied'; id: string; reply: string }
  | { type: 'opinion.signed'; id: string; contentHash: string }
  /** batch: the token the phones' keys were marked to shred under (see shred-after.ts). */
  | { type: 'opinion.phone_purged'; ids: string[]; batch?: string }
  | { type: 'complaint.opened'; complaint: Omit<Complaint, 'openedAt' | 'owner' | 'status' | 'escalatedAt' | 'resolution' | 'resolvedAt' | 'resolvedBy' | 'signedAt' | 'signedBy' | 'contentHash'> }
  | { type: 'complaint.escalated'; id: string }
  | { type: 'complaint.resolved'; id: string; resolution: string }
  | { type: 'complaint.signed'; id: string; contentHash: string }
  /** shared: keyed with the organisation's secret (an enrolled hub), so pushed to head office. */
  | { type: 'notebook.saved'; customerKey: string; title: string; notes: string; tags: string[]; shared?: true }
  /** A note another branch shared, pulled from head office; origin marks it so it is never pushed back; savedAt is when that branch saved it. */
  | { type: 'notebook.received'; customerKey: string; title: string; notes: string; tags: string[]; origin: { branchId: string; version: number }; savedAt: number }
  | { type: 'notebook.imported'; entries: { customerKey: string; title: string; notes: string; tags: string[] }[]; source: string }
  | { type: 'card.created'; id: string; kind: CardKind; date: string; title: string; need: string; assignedTo: string; dueDate: string }
  | { type: 'card.followed_up'; id: string; note: string }
  | { type: 'card.closed'; id: string; outcome: string }
  | { type: 'day.close_overridden'; date: string; reason: string }
  | InterventionEvent;

// ---- request bodies ---------------------------------------------------------------------

const Text = (max: number) => z.string().trim().min(1).max(max);
const Pin = z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits');

export const TemplateBody = z.strictObject({
  items: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9_]{1,40}$/, 'an item id is lower-case letters, digits and _'), zh: Text(200), en: Text(200), device: z.boolean().optional() }))
    .min(1)
    .max(80)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'two items share an id'),
});
export const StartChecklistBody = z.strictObject({ kind: z.enum(CHECKLIST_KINDS), date: CalendarDate.optional() });
export const AnswerChecklistBody = z.strictObject({
  answers: z.array(z.strictObject({ itemId: z.string().min(1).max(40), result: z.enum(ITEM_RESULTS).nullable(), note: z.string().max(500).default('') })).min(1).max(80),
});
export const SignBody = z.strictObject({ pin: Pin });
export const FaultRepairBody = z.strictObject({ note: z.string().max(500).default('') });
export const WorklogBody = z.strictObject({ kind: z.enum(WORKLOG_KINDS), text: Text(1000), followUpDue: CalendarDate.nullable().optional(), date: CalendarDate.optional() });
export const WorklogAnswerBody = z.strictObject({ answer: Text(1000) });
export const CompleteDayBody = z.strictObject({ date: CalendarDate.optional(), staffOnDuty: z.array(z.string().min(1).max(64)).max(50).optional() });
export const OpinionBody = z.strictObject({
  source: z.enum(['book', 'box']).default('book'),
  theme: z.enum(OPINION_THEMES),
  text: Text(2000),
  phone: z.string().regex(/^[+\d][\d\s-]{6,19}$/, 'a phone number is digits').optional(),
  date: CalendarDate.optional(),
});
export const OpinionReplyBody = z.strictObject({ reply: Text(2000) });
export const ComplaintBody = z.strictObject({
  emotion: z.enum(EMOTIONS),
  calmed: z.boolean(),
  listened: z.boolean(),
  summary: Text(2000),
  ourFault: z.boolean(),
  faultDetail: z.string().max(2000).default(''),
  wants: z.array(z.enum(WANTS)).min(1).max(4),
  solvableOnSpot: z.boolean(),
  reasonable: z.boolean(),
  promisedAt: DateTime.optional(),
});
export const ComplaintResolveBody = z.strictObject({ resolution: Text(2000) });
export const NotebookBody = z.strictObject({
  kind: z.enum(['card', 'phone']),
  number: z.string().regex(/^[+\d][\d\s-]{5,30}$/, 'a card or phone number is digits'),
  title: Text(20),
  notes: z.string().max(1000).default(''),
  tags: z.array(z.string().min(1).max(32)).max(12).default([]),
});
export const NotebookLookupBody = z.strictObject({ kind: z.enum(['card', 'phone']), number: z.string().regex(/^[+\d][\d\s-]{5,30}$/, 'a card or phone number is digits') });
export const CardBody = z.strictObject({
  kind: z.enum(['referral', 'care']),
  title: Text(20),
  need: Text(1000),
  assignedTo: Text(64),
  dueDate: CalendarDate.optional(),
});
export const CardFollowUpBody = z.strictObject({ note: Text(1000) });
export const CardCloseBody = z.strictObject({ outcome: Text(1000) });
export const CloseOverrideBody = z.strictObject({ reason: Text(500) });
export const MonthlyReportQuery = z.strictObject({ month: CalendarMonth });
/** A day's or a month's teller figures: exactly one of `date` and `month`. */
export const StaffReportQuery = z
  .strictObject({ date: CalendarDate.optional(), month: CalendarMonth.optional() })
  .refine((q) => (q.date === undefined) !== (q.month === undefined), 'give either date=YYYY-MM-DD or month=YYYY-MM');
/** A notebook file as POST /api/notebook/import takes it (see NotebookFile). */
export const NotebookFileBody = z.strictObject({
  format: z.literal('atrium-notebook'),
  version: z.literal(1),
  secretId: z.string().regex(/^[0-9a-f]{16}$/),
  exportedAt: DateTime,
  entries: z
    .array(z.strictObject({ customerKey: z.string().regex(/^[0-9a-f]{64}$/), title: z.string().min(1).max(20), notes: z.string().max(1000), tags: z.array(z.string().min(1).max(32)).max(12) }))
    .max(20_000),
});

/** A notebook file shared between the branches of one organisation (see notebook-file.ts). */
export interface NotebookFile {
  format: 'atrium-notebook';
  version: 1;
  /** Which shared secret the keys were made with, so a branch with another secret refuses the file. */
  secretId: string;
  exportedAt: string;
  entries: { customerKey: string; title: string; notes: string; tags: string[] }[];
}

export interface DailyRecordsReport {
  date: string;
  services: {
    service: string;
    issued: number;
    served: number;
    noShow: number;
    unserved: number;
    avgWaitMinutes: number;
    maxWaitMinutes: number;
    overTarget: number;
    overTargetShare: number;
    /** This service's estimate accuracy (issue 17). */
    estimates: EstimateAccuracy;
  }[];
  totals: { issued: number; called: number; served: number; noShow: number; vipVisits: number; greenChannel: number; selfServiceTriage: number; kioskHelp: number; avgWaitMinutes: number; maxWaitMinutes: number; overTarget: number };
  byHour: { hour: number; arrivals: number; avgWaitMinutes: number }[];
  complaints: { opened: number; closedInTime: number; closedLate: number; open: number };
  opinions: { recorded: number; replied: number; repliedInTime: number; overdue: number };
  cards: { referral: number; care: number; closed: number };
  faults: { reported: number; repaired: number; avgRepairMinutes: number; open: number };
  checklists: { kind: string; signed: boolean; signedBy: string | null }[];
  staffOnDuty: string[];
  /** Teller figures: one row per staff member who was signed in at a counter that day. */
  staff: StaffFigures[];
  /** The satisfaction pads' ratings of the day: per teller, per service, in total. */
  ratings: RatingsSection;
  /** Fraud interventions recorded that day, by outcome (issue 14). */
  fraud: FraudFigures;
  /** Older customers' tickets (priority elderly). */
  elderly: ElderlyFigures;
  /** How close the estimates given at issue came to the real waits of the day's called tickets (issue 17). */
  estimates: EstimateAccuracy;
}

/**
 * The estimates given at issue against the real waits (issue to first call) of the tickets
 * called (main/hub/reports/accuracy.ts). `n` tickets had an estimate recorded at issue;
 * `withoutEstimate` were called but had none (issued before the hub recorded them, or while
 * their service had no counter open) and are left out of every figure. Minutes to 0.1:
 * `maeMinutes` the mean absolute error, `biasMinutes` the mean of (wait − estimate), positive
 * when customers waited longer than told. Shares in percent to 0.1: `withinRangeShare` waits
 * inside the printed range (low ≤ wait ≤ high), `within5MinShare` waits within 5 minutes of the estimate.
 */
export interface EstimateAccuracy {
  n: number;
  maeMinutes: number;
  withinRangeShare: number;
  biasMinutes: number;
  within5MinShare: number;
  withoutEstimate: number;
}

/** Tickets of priority elderly, those served, and their average wait (issue to call, minutes, 0.1). */
export interface ElderlyFigures {
  tickets: number;
  served: number;
  avgWaitMinutes: number;
}

/**
 * One teller's figures for a day or a month (main/hub/reports/staff-figures.ts says how each is
 * measured). Minutes are rounded to 0.1; a month's averages are weighted by what they average.
 */
export interface StaffFigures {
  staffId: string;
  /** The counters they were signed in at, sorted. */
  counters: string[];
  /** Tickets finished at their counter. */
  served: number;
  /** Mean start → finish of the tickets they finished. */
  avgServiceMinutes: number;
  /** Mean first call → start of the tickets they started: the customer's walk to the counter. */
  walkMinutes: number;
  pauseMinutes: number;
  pauseByReason: Record<PauseReason, number>;
  /** Open, not paused, no customer, while a ticket their counter may call was waiting. */
  idleWhileWaitingMinutes: number;
  recalls: number;
  noShows: number;
  /** Satisfaction-pad ratings: 0 and null until the pad records them. */
  ratings: number;
  avgRating: number | null;
}

export interface MonthlyReport {
  month: string;
  days: (Pick<DailyRecordsReport, 'date' | 'totals' | 'complaints' | 'opinions' | 'cards' | 'faults' | 'estimates'>)[];
  totals: DailyRecordsReport['totals'];
  opinionThemes: { theme: string; count: number; replied: number }[];
  /** The month's teller figures: counts summed, averages weighted over the month's tickets. */
  staff: StaffFigures[];
  /** The month's ratings, over all its days (not an average of the days' averages). */
  ratings: RatingsSection;
  /** Fraud interventions recorded in the month, by outcome. */
  fraud: FraudFigures;
  /** Older customers' tickets over the month (the wait averaged over every ticket, not the days' averages). */
  elderly: ElderlyFigures;
  /** The month's estimate accuracy over every called ticket (not an average of the days'). */
  estimates: EstimateAccuracy;
}

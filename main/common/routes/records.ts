// The lobby's records: checklists and device faults, the work log, the opinion book,
// complaints, the special-customer notebook, referral and care cards, and the reports.
import { RATING_REASONS, type RatingsSection } from '../rating.js';
import { z } from 'zod';
import { DailyReportQuery } from '../api.js';
import { CalendarDate } from '../dates.js';
import { PAUSE_REASONS } from '../domain.js';
import {
  AnswerChecklistBody,
  CardBody,
  CardCloseBody,
  CardFollowUpBody,
  CHECKLIST_KINDS,
  EMOTIONS,
  ITEM_RESULTS,
  OPINION_THEMES,
  WANTS,
  WORKLOG_KINDS,
  CompleteDayBody,
  ComplaintBody,
  ComplaintResolveBody,
  FaultRepairBody,
  MonthlyReportQuery,
  StaffReportQuery,
  NotebookBody,
  NotebookFileBody,
  NotebookLookupBody,
  OpinionBody,
  OpinionReplyBody,
  SignBody,
  StartChecklistBody,
  TemplateBody,
  WorklogAnswerBody,
  WorklogBody,
  type CareCard,
  type Checklist,
  type ChecklistTemplate,
  type Complaint,
  type DailyRecordsReport,
  type EstimateAccuracy,
  type DeviceFault,
  type MonthlyReport,
  type NotebookEntry,
  type NotebookFile,
  type Opinion,
  type StaffFigures,
  type WorklogDay,
  type WorklogEntry,
} from '../records.js';
import { KEEPERS, RECORD_READERS, REPORT_READERS, STAFF_FIGURE_READERS } from './access.js';
import { route } from './define.js';
import { InterventionSchema } from './fraud.js';

const Id = z.object({ id: z.string().min(1).max(200) });
export const DateQuery = z.strictObject({ date: CalendarDate.optional() });
export const RangeQuery = z.strictObject({ from: CalendarDate.optional(), to: CalendarDate.optional() });

const at = z.number();
const atOrNull = z.number().nullable();
const by = z.string().nullable();
const textOrNull = z.string().nullable();
const TemplateItemSchema = { id: z.string(), zh: z.string(), en: z.string(), device: z.boolean().optional() };
const Template: z.ZodType<ChecklistTemplate> = z.strictObject({ kind: z.enum(CHECKLIST_KINDS), version: z.number().int(), items: z.array(z.strictObject(TemplateItemSchema)) });
const ChecklistSchema: z.ZodType<Checklist> = z.strictObject({
  id: z.string(),
  kind: z.enum(CHECKLIST_KINDS),
  date: z.string(),
  templateVersion: z.number().int(),
  items: z.array(z.strictObject({ ...TemplateItemSchema, result: z.enum(ITEM_RESULTS).nullable(), note: z.string() })),
  status: z.enum(['draft', 'completed', 'signed']),
  startedAt: at,
  startedBy: by,
  completedAt: atOrNull,
  completedBy: by,
  signedAt: atOrNull,
  signedBy: by,
  contentHash: textOrNull,
  amends: textOrNull,
  amendedBy: by,
});
const Fault: z.ZodType<DeviceFault> = z.strictObject({
  id: z.string(),
  date: z.string(),
  checklistId: z.string(),
  itemId: z.string(),
  deviceZh: z.string(),
  deviceEn: z.string(),
  note: z.string(),
  status: z.enum(['reported', 'repair_requested', 'repaired']),
  reportedAt: at,
  reportedBy: by,
  repairRequestedAt: atOrNull,
  repairedAt: atOrNull,
  repairNote: z.string(),
});
const Entry: z.ZodType<WorklogEntry> = z.strictObject({
  id: z.string(),
  date: z.string(),
  kind: z.enum(WORKLOG_KINDS),
  text: z.string(),
  followUpDue: textOrNull,
  answer: textOrNull,
  answeredAt: atOrNull,
  at,
  by,
});
const Day: z.ZodType<WorklogDay> = z.strictObject({ date: z.string(), completedAt: at, completedBy: by, staffOnDuty: z.array(z.string()), figures: z.record(z.string(), z.number()) });
const OpinionFields = {
  id: z.string(),
  date: z.string(),
  source: z.enum(['book', 'box']),
  theme: z.enum(OPINION_THEMES),
  text: z.string(),
  hasPhone: z.boolean(),
  phoneKey: textOrNull,
  dueDate: z.string(),
  recordedAt: at,
  recordedBy: by,
  reply: textOrNull,
  repliedAt: atOrNull,
  repliedBy: by,
  signedAt: atOrNull,
  signedBy: by,
  contentHash: textOrNull,
  phonePurgedAt: atOrNull,
  status: z.enum(['open', 'replied', 'signed']),
};
/** The manager and supervisor (these routes' readers) also get the phone number, opened. */
export type OpinionView = Opinion & { phone?: string | null };
const OpinionSchema: z.ZodType<OpinionView> = z.strictObject({ ...OpinionFields, phone: textOrNull.optional() });
const ComplaintSchema: z.ZodType<Complaint> = z.strictObject({
  id: z.string(),
  date: z.string(),
  openedAt: at,
  owner: by,
  emotion: z.enum(EMOTIONS),
  calmed: z.boolean(),
  listened: z.boolean(),
  summary: z.string(),
  ourFault: z.boolean(),
  faultDetail: z.string(),
  wants: z.array(z.enum(WANTS)),
  solvableOnSpot: z.boolean(),
  reasonable: z.boolean(),
  promisedAt: atOrNull,
  dueAt: at,
  status: z.enum(['open', 'escalated', 'resolved', 'closed']),
  escalatedAt: atOrNull,
  resolution: textOrNull,
  resolvedAt: atOrNull,
  resolvedBy: by,
  signedAt: atOrNull,
  signedBy: by,
  contentHash: textOrNull,
});
const Note: z.ZodType<NotebookEntry> = z.strictObject({ customerKey: z.string(), title: z.string(), notes: z.string(), tags: z.array(z.string()), updatedAt: at, updatedBy: by });
const Card: z.ZodType<CareCard> = z.strictObject({
  id: z.string(),
  kind: z.enum(['referral', 'care']),
  date: z.string(),
  title: z.string(),
  need: z.string(),
  assignedTo: z.string(),
  dueDate: z.string(),
  status: z.enum(['open', 'contacted', 'closed']),
  followUps: z.array(z.strictObject({ at, by, note: z.string() })),
  createdAt: at,
  createdBy: by,
  closedAt: atOrNull,
  outcome: textOrNull,
});
const n = z.number();
const Totals = z.strictObject({ issued: n, called: n, served: n, noShow: n, vipVisits: n, greenChannel: n, selfServiceTriage: n, kioskHelp: n, avgWaitMinutes: n, maxWaitMinutes: n, overTarget: n });
const ComplaintFigures = z.strictObject({ opened: n, closedInTime: n, closedLate: n, open: n });
const OpinionFigures = z.strictObject({ recorded: n, replied: n, repliedInTime: n, overdue: n });
const CardFigures = z.strictObject({ referral: n, care: n, closed: n });
const FaultFigures = z.strictObject({ reported: n, repaired: n, avgRepairMinutes: n, open: n });
const FraudFiguresSchema = z.strictObject({ interventions: n, signed: n, dissuaded: n, proceeded: n, policeCalled: n });
const StaffRow: z.ZodType<StaffFigures> = z.strictObject({
  staffId: z.string(),
  counters: z.array(z.string()),
  served: n,
  avgServiceMinutes: n,
  walkMinutes: n,
  pauseMinutes: n,
  pauseByReason: z.strictObject(Object.fromEntries(PAUSE_REASONS.map((r) => [r, n])) as Record<(typeof PAUSE_REASONS)[number], typeof n>),
  idleWhileWaitingMinutes: n,
  recalls: n,
  noShows: n,
  ratings: n,
  avgRating: n.nullable(),
});

const keeperRead = { access: { grants: KEEPERS } } as const;
const managerWrite = { access: { grants: ['manager'] } } as const;
const supervisorSign = { access: { grants: ['supervisor'] }, params: Id, body: SignBody } as const;

export const templates = route({ method: 'GET', path: '/api/checklists/templates', access: { grants: RECORD_READERS }, summary: 'The checklist templates.', answer: z.strictObject({ templates: z.array(Template) }) });
export const saveTemplate = route({
  method: 'POST',
  path: '/api/checklists/templates/:kind',
  access: { grants: ['admin'] },
  summary: "Saves a checklist kind's items as a new template version.",
  params: z.strictObject({ kind: z.enum(CHECKLIST_KINDS) }),
  body: TemplateBody,
  answer: z.strictObject({ template: Template }),
});
export const checklists = route({
  method: 'GET',
  path: '/api/checklists',
  access: { grants: RECORD_READERS },
  summary: "A day's checklists and device faults (?date=, today by default).",
  query: DateQuery,
  answer: z.strictObject({ date: z.string(), checklists: z.array(ChecklistSchema), faults: z.array(Fault) }),
});
export const checklist = route({ method: 'GET', path: '/api/checklists/:id', access: { grants: RECORD_READERS }, summary: 'One checklist.', params: Id, answer: z.strictObject({ checklist: ChecklistSchema }) });
const ChecklistAnswer = z.strictObject({ checklist: ChecklistSchema });
export const startChecklist = route({ method: 'POST', path: '/api/checklists', ...managerWrite, summary: 'Starts a checklist of a kind for a day.', body: StartChecklistBody, answer: ChecklistAnswer });
export const answerChecklist = route({ method: 'POST', path: '/api/checklists/:id/answers', ...managerWrite, summary: "Records a checklist's answers.", params: Id, body: AnswerChecklistBody, answer: ChecklistAnswer });
export const completeChecklist = route({ method: 'POST', path: '/api/checklists/:id/complete', ...managerWrite, summary: 'Completes a checklist (its faults are reported).', params: Id, answer: ChecklistAnswer });
export const signChecklist = route({ method: 'POST', path: '/api/checklists/:id/sign', ...supervisorSign, summary: "The supervisor signs with their PIN: 401 `wrong_signing_pin`, 409 `items_unanswered`, `same_person`, `checklist_signed`; the signing PIN shares the login's lock (429 `account_locked`) and has its own limit per address (429 `rate_limited`), as do the opinion and complaint signatures.", answer: ChecklistAnswer });
export const amendChecklist = route({ method: 'POST', path: '/api/checklists/:id/amend', ...managerWrite, summary: 'Starts an amendment of a signed checklist.', params: Id, answer: ChecklistAnswer });
export const repairRequested = route({ method: 'POST', path: '/api/faults/:id/repair-requested', access: { grants: ['manager', 'admin'] }, summary: 'A device fault: repair requested.', params: Id, answer: z.strictObject({ fault: Fault }) });
export const repaired = route({ method: 'POST', path: '/api/faults/:id/repaired', access: { grants: ['manager', 'admin'] }, summary: 'A device fault: repaired, with a note.', params: Id, body: FaultRepairBody, answer: z.strictObject({ fault: Fault }) });
export const signoffs = route({
  method: 'GET',
  path: '/api/signoffs',
  access: { grants: ['supervisor', 'manager'] },
  summary: "What awaits the supervisor's signature: checklists, opinions, complaints and fraud interventions.",
  answer: z.strictObject({ checklists: z.array(ChecklistSchema), opinions: z.array(OpinionSchema), complaints: z.array(ComplaintSchema), interventions: z.array(InterventionSchema) }),
});

export const worklog = route({
  method: 'GET',
  path: '/api/worklog',
  ...keeperRead,
  summary: "A day's work log, with earlier questions still unanswered.",
  query: DateQuery,
  answer: z.strictObject({ date: z.string(), entries: z.array(Entry), pending: z.array(Entry), day: Day.nullable() }),
});
export const addWorklog = route({ method: 'POST', path: '/api/worklog', ...managerWrite, summary: 'Adds a work-log entry.', body: WorklogBody, answer: z.strictObject({ entry: Entry }) });
export const answerWorklog = route({ method: 'POST', path: '/api/worklog/:id/answer', ...managerWrite, summary: 'Answers a work-log question.', params: Id, body: WorklogAnswerBody, answer: z.strictObject({ entry: Entry }) });
export const completeWorklogDay = route({ method: 'POST', path: '/api/worklog/complete-day', ...managerWrite, summary: "Completes a day's work log with its figures.", body: CompleteDayBody, answer: z.strictObject({ day: Day }) });

export const opinions = route({ method: 'GET', path: '/api/opinions', ...keeperRead, summary: 'The opinion book (?from=&to=, the last 30 days by default).', query: RangeQuery, answer: z.strictObject({ opinions: z.array(OpinionSchema) }) });
export const addOpinion = route({ method: 'POST', path: '/api/opinions', ...managerWrite, summary: 'Records an opinion.', body: OpinionBody, answer: z.strictObject({ opinion: OpinionSchema }) });
export const replyOpinion = route({ method: 'POST', path: '/api/opinions/:id/reply', ...managerWrite, summary: 'Replies to an opinion.', params: Id, body: OpinionReplyBody, answer: z.strictObject({ opinion: OpinionSchema }) });
export const signOpinion = route({ method: 'POST', path: '/api/opinions/:id/sign', ...supervisorSign, summary: 'The supervisor signs a replied opinion.', answer: z.strictObject({ opinion: OpinionSchema }) });

export const complaints = route({ method: 'GET', path: '/api/complaints', ...keeperRead, summary: 'Complaints (?from=&to=), and older ones not yet closed.', query: RangeQuery, answer: z.strictObject({ complaints: z.array(ComplaintSchema) }) });
export const openComplaint = route({ method: 'POST', path: '/api/complaints', ...managerWrite, summary: 'Opens a complaint.', body: ComplaintBody, answer: z.strictObject({ complaint: ComplaintSchema }) });
export const resolveComplaint = route({ method: 'POST', path: '/api/complaints/:id/resolve', ...managerWrite, summary: 'Resolves a complaint.', params: Id, body: ComplaintResolveBody, answer: z.strictObject({ complaint: ComplaintSchema }) });
export const signComplaint = route({ method: 'POST', path: '/api/complaints/:id/sign', ...supervisorSign, summary: 'The supervisor signs a resolved complaint.', answer: z.strictObject({ complaint: ComplaintSchema }) });

export const notebook = route({ method: 'GET', path: '/api/notebook', ...keeperRead, summary: 'The special-customer notebook.', answer: z.strictObject({ entries: z.array(Note) }) });
export const saveNote = route({ method: 'POST', path: '/api/notebook', ...managerWrite, summary: "Saves a customer's notebook entry.", body: NotebookBody, answer: z.strictObject({ entry: Note }) });
export const lookupNote = route({
  method: 'POST',
  path: '/api/notebook/lookup',
  access: { grants: ['manager', 'teller'] },
  summary: "A customer's notebook entry by card or phone number.",
  body: NotebookLookupBody,
  answer: z.strictObject({ entry: Note.nullable() }),
});
export const exportNotebook = route({
  method: 'GET',
  path: '/api/notebook/export',
  access: { grants: ['manager', 'admin'] },
  summary: 'The notebook as a file for the other branches.',
  answer: NotebookFileBody satisfies z.ZodType<NotebookFile>,
});
export const importNotebook = route({
  method: 'POST',
  path: '/api/notebook/import',
  access: { grants: ['manager', 'admin'] },
  summary: "Imports another branch's notebook file.",
  body: NotebookFileBody,
  answer: z.strictObject({ imported: z.number().int() }),
  bodyLimit: 8 * 1024 * 1024,
});

export const cards = route({ method: 'GET', path: '/api/cards', ...keeperRead, summary: 'Referral and care cards (open, and closed in the last 30 days).', answer: z.strictObject({ cards: z.array(Card) }) });
export const addCard = route({ method: 'POST', path: '/api/cards', ...managerWrite, summary: 'Creates a referral or care card.', body: CardBody, answer: z.strictObject({ card: Card }) });
export const followUpCard = route({ method: 'POST', path: '/api/cards/:id/follow-up', ...managerWrite, summary: 'Adds a follow-up to a card.', params: Id, body: CardFollowUpBody, answer: z.strictObject({ card: Card }) });
export const closeCard = route({ method: 'POST', path: '/api/cards/:id/close', ...managerWrite, summary: 'Closes a card with its outcome.', params: Id, body: CardCloseBody, answer: z.strictObject({ card: Card }) });

const ratingFigures = { ratings: n, avgRating: n, satisfiedShare: n };
const Ratings: z.ZodType<RatingsSection> = z.strictObject({
  total: z.strictObject(ratingFigures),
  byStaff: z.array(z.strictObject({ staffId: z.string().nullable(), ...ratingFigures })),
  byService: z.array(z.strictObject({ service: z.string(), ...ratingFigures })),
  reasons: z.array(z.strictObject({ reason: z.enum(RATING_REASONS), count: n })),
});
const ElderlyRow = z.strictObject({ tickets: n, served: n, avgWaitMinutes: n });
const Accuracy: z.ZodType<EstimateAccuracy> = z.strictObject({ n, maeMinutes: n, withinRangeShare: n, biasMinutes: n, within5MinShare: n, withoutEstimate: n });
const Daily: z.ZodType<DailyRecordsReport> = z.strictObject({
  date: z.string(),
  services: z.array(
    z.strictObject({ service: z.string(), issued: n, served: n, noShow: n, unserved: n, avgWaitMinutes: n, maxWaitMinutes: n, overTarget: n, overTargetShare: n, estimates: Accuracy }),
  ),
  totals: Totals,
  byHour: z.array(z.strictObject({ hour: n, arrivals: n, avgWaitMinutes: n })),
  complaints: ComplaintFigures,
  opinions: OpinionFigures,
  cards: CardFigures,
  faults: FaultFigures,
  checklists: z.array(z.strictObject({ kind: z.string(), signed: z.boolean(), signedBy: by })),
  staffOnDuty: z.array(z.string()),
  staff: z.array(StaffRow),
  ratings: Ratings,
  elderly: ElderlyRow,
  fraud: FraudFiguresSchema,
  estimates: Accuracy,
});
const Monthly: z.ZodType<MonthlyReport> = z.strictObject({
  month: z.string(),
  days: z.array(z.strictObject({ date: z.string(), totals: Totals, complaints: ComplaintFigures, opinions: OpinionFigures, cards: CardFigures, faults: FaultFigures, estimates: Accuracy })),
  totals: Totals,
  opinionThemes: z.array(z.strictObject({ theme: z.string(), count: n, replied: n })),
  staff: z.array(StaffRow),
  ratings: Ratings,
  elderly: ElderlyRow,
  fraud: FraudFiguresSchema,
  estimates: Accuracy,
});
export const dailyReport = route({ method: 'GET', path: '/api/reports/daily', access: { grants: REPORT_READERS }, summary: "A day's figures (`?date=YYYY-MM-DD`), replayed from the ledger's events; `estimates` (in total and per service): the estimates given at issue against the real waits of the tickets called.", query: DailyReportQuery, answer: Daily });
export const dailyCsv = route({ method: 'GET', path: '/api/reports/daily.csv', access: { grants: REPORT_READERS }, summary: "A day's report as CSV.", query: DailyReportQuery, answer: z.string(), produces: 'csv' });
export const monthlyReport = route({ method: 'GET', path: '/api/reports/monthly', access: { grants: REPORT_READERS }, summary: "A month's report (?month=YYYY-MM); each day and the month carry `estimates`.", query: MonthlyReportQuery, answer: Monthly });
export const monthlyCsv = route({ method: 'GET', path: '/api/reports/monthly.csv', access: { grants: REPORT_READERS }, summary: "A month's report as CSV.", query: MonthlyReportQuery, answer: z.string(), produces: 'csv' });
// Its own route rather than the daily report's: a teller may read their own figures, and the
// daily report (triage, complaints, who was on duty) stays the keepers' with its contract.
export const staffReport = route({
  method: 'GET',
  path: '/api/reports/staff',
  access: { grants: STAFF_FIGURE_READERS },
  summary: "Teller figures of a day (`?date=YYYY-MM-DD`) or a month (`?month=YYYY-MM`): served, service time, walk, pauses by reason, idle while customers waited, recalls, no-shows, ratings; a teller gets their own row only (the manager, supervisor and admin every teller's).",
  query: StaffReportQuery,
  answer: z.strictObject({ date: z.string().nullable(), month: z.string().nullable(), staff: z.array(StaffRow) }),
});
export const staffCsv = route({ method: 'GET', path: '/api/reports/staff.csv', access: { grants: STAFF_FIGURE_READERS }, summary: 'The same teller figures as CSV, cut the same way.', query: StaffReportQuery, answer: z.string(), produces: 'csv' });

export const checklistRoutes = [templates, saveTemplate, checklists, checklist, startChecklist, answerChecklist, completeChecklist, signChecklist, amendChecklist, repairRequested, repaired, signoffs];
export const journalRoutes = [
  worklog, addWorklog, answerWorklog, completeWorklogDay,
  opinions, addOpinion, replyOpinion, signOpinion,
  complaints, openComplaint, resolveComplaint, signComplaint,
  notebook, saveNote, lookupNote, exportNotebook, importNotebook,
  cards, addCard, followUpCard, closeCard,
];
export const reportRoutes = [dailyReport, dailyCsv, monthlyReport, monthlyCsv, staffReport, staffCsv];

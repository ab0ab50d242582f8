// The lobby's records: checklists and device faults, the work log, the opinion book,
// complaints, the special-customer notebook, referral and care cards, and the reports.
// Their answers are the records' interfaces (../records.ts); each schema checks the fields
// the screens rely on (see `shaped`).
import { z } from 'zod';
import { DailyReportQuery } from '../api.js';
import { CalendarDate } from '../dates.js';
import {
  AnswerChecklistBody,
  CardBody,
  CardCloseBody,
  CardFollowUpBody,
  CHECKLIST_KINDS,
  CompleteDayBody,
  ComplaintBody,
  ComplaintResolveBody,
  FaultRepairBody,
  MonthlyReportQuery,
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
  type DeviceFault,
  type MonthlyReport,
  type NotebookEntry,
  type NotebookFile,
  type Opinion,
  type WorklogDay,
  type WorklogEntry,
} from '../records.js';
import { KEEPERS, RECORD_READERS, REPORT_READERS } from './access.js';
import { route, shaped } from './define.js';

const Id = z.object({ id: z.string().min(1).max(200) });
export const DateQuery = z.strictObject({ date: CalendarDate.optional() });
export const RangeQuery = z.strictObject({ from: CalendarDate.optional(), to: CalendarDate.optional() });

const at = z.number();
const by = z.string().nullable();
const Template = shaped<ChecklistTemplate>(z.looseObject({ kind: z.enum(CHECKLIST_KINDS), version: z.number().int(), items: z.array(z.looseObject({ id: z.string(), zh: z.string(), en: z.string() })) }));
const ChecklistSchema = shaped<Checklist>(
  z.looseObject({ id: z.string(), kind: z.enum(CHECKLIST_KINDS), date: z.string(), status: z.enum(['draft', 'completed', 'signed']), items: z.array(z.looseObject({ id: z.string() })), startedAt: at, signedBy: by }),
);
const Fault = shaped<DeviceFault>(z.looseObject({ id: z.string(), date: z.string(), checklistId: z.string(), status: z.enum(['reported', 'repair_requested', 'repaired']), reportedAt: at }));
const Entry = shaped<WorklogEntry>(z.looseObject({ id: z.string(), date: z.string(), kind: z.string(), text: z.string(), answer: z.string().nullable(), at }));
const Day = shaped<WorklogDay>(z.looseObject({ date: z.string(), completedAt: at, staffOnDuty: z.array(z.string()), figures: z.record(z.string(), z.number()) }));
/** The manager and supervisor (these routes' readers) also get the phone number, opened. */
export type OpinionView = Opinion & { phone?: string | null };
const OpinionSchema = shaped<OpinionView>(z.looseObject({ id: z.string(), date: z.string(), theme: z.string(), text: z.string(), status: z.enum(['open', 'replied', 'signed']), dueDate: z.string() }));
const ComplaintSchema = shaped<Complaint>(z.looseObject({ id: z.string(), date: z.string(), openedAt: at, summary: z.string(), status: z.enum(['open', 'escalated', 'resolved', 'closed']), dueAt: at }));
const Note = shaped<NotebookEntry>(z.looseObject({ customerKey: z.string(), title: z.string(), notes: z.string(), tags: z.array(z.string()), updatedAt: at }));
const Card = shaped<CareCard>(z.looseObject({ id: z.string(), kind: z.enum(['referral', 'care']), title: z.string(), status: z.enum(['open', 'contacted', 'closed']), followUps: z.array(z.looseObject({ at, note: z.string() })) }));
const Totals = z.looseObject({ issued: z.number(), served: z.number(), noShow: z.number(), avgWaitMinutes: z.number(), maxWaitMinutes: z.number() });

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
export const signChecklist = route({ method: 'POST', path: '/api/checklists/:id/sign', ...supervisorSign, summary: "The supervisor signs with their PIN: 401 `wrong_signing_pin`, 409 `items_unanswered`, `same_person`, `checklist_signed`; the signing PIN shares the login's lock and has its own limit per address, as do the opinion and complaint signatures.", answer: ChecklistAnswer });
export const amendChecklist = route({ method: 'POST', path: '/api/checklists/:id/amend', ...managerWrite, summary: 'Starts an amendment of a signed checklist.', params: Id, answer: ChecklistAnswer });
export const repairRequested = route({ method: 'POST', path: '/api/faults/:id/repair-requested', access: { grants: ['manager', 'admin'] }, summary: 'A device fault: repair requested.', params: Id, answer: z.strictObject({ fault: Fault }) });
export const repaired = route({ method: 'POST', path: '/api/faults/:id/repaired', access: { grants: ['manager', 'admin'] }, summary: 'A device fault: repaired, with a note.', params: Id, body: FaultRepairBody, answer: z.strictObject({ fault: Fault }) });
export const signoffs = route({
  method: 'GET',
  path: '/api/signoffs',
  access: { grants: ['supervisor', 'manager'] },
  summary: "What awaits the supervisor's signature.",
  answer: z.strictObject({ checklists: z.array(ChecklistSchema), opinions: z.array(OpinionSchema), complaints: z.array(ComplaintSchema) }),
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

const Daily = shaped<DailyRecordsReport>(
  z.looseObject({ date: z.string(), services: z.array(z.looseObject({ service: z.string(), issued: z.number() })), totals: Totals, byHour: z.array(z.looseObject({ hour: z.number() })), staffOnDuty: z.array(z.string()) }),
);
const Monthly = shaped<MonthlyReport>(z.looseObject({ month: z.string(), days: z.array(z.looseObject({ date: z.string(), totals: Totals })), totals: Totals }));
export const dailyReport = route({ method: 'GET', path: '/api/reports/daily', access: { grants: REPORT_READERS }, summary: "A day's figures (`?date=YYYY-MM-DD`), replayed from the ledger's events.", query: DailyReportQuery, answer: Daily });
export const dailyCsv = route({ method: 'GET', path: '/api/reports/daily.csv', access: { grants: REPORT_READERS }, summary: "A day's report as CSV.", query: DailyReportQuery, answer: z.string(), produces: 'csv' });
export const monthlyReport = route({ method: 'GET', path: '/api/reports/monthly', access: { grants: REPORT_READERS }, summary: "A month's report (?month=YYYY-MM).", query: MonthlyReportQuery, answer: Monthly });
export const monthlyCsv = route({ method: 'GET', path: '/api/reports/monthly.csv', access: { grants: REPORT_READERS }, summary: "A month's report as CSV.", query: MonthlyReportQuery, answer: z.string(), produces: 'csv' });

export const checklistRoutes = [templates, saveTemplate, checklists, checklist, startChecklist, answerChecklist, completeChecklist, signChecklist, amendChecklist, repairRequested, repaired, signoffs];
export const journalRoutes = [
  worklog, addWorklog, answerWorklog, completeWorklogDay,
  opinions, addOpinion, replyOpinion, signOpinion,
  complaints, openComplaint, resolveComplaint, signComplaint,
  notebook, saveNote, lookupNote, exportNotebook, importNotebook,
  cards, addCard, followUpCard, closeCard,
];
export const reportRoutes = [dailyReport, dailyCsv, monthlyReport, monthlyCsv];

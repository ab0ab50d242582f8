// The head office's cross-branch reports and a branch's live view (issue 16, point 3): the
// routes, kept apart from the first slice's table in routes.ts, which lists them.
import { z } from 'zod';
import { CalendarDate, CalendarMonth } from '../dates.js';
import type { OfficeRouteDef } from './routes.js';

const Share = z.number().min(0).max(100).nullable();

export const BranchFigures = z.strictObject({
  branchId: z.string(),
  name: z.string(),
  status: z.string(),
  issued: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  /** Tickets called (the waits the shares are of). */
  called: z.number().int(),
  /** Percent of called tickets whose wait (first call − issue) was at most 15 / 30 minutes; null when none was called. */
  within15: Share,
  within30: Share,
  satisfaction: z.strictObject({ count: z.number().int(), mean: z.number().nullable() }),
  complaints: z.strictObject({ opened: z.number().int(), answeredInTime: z.number().int(), answeredLate: z.number().int(), open: z.number().int() }),
  opinions: z.strictObject({ recorded: z.number().int(), answeredInTime: z.number().int(), answeredLate: z.number().int(), open: z.number().int() }),
  interventions: z.strictObject({ count: z.number().int(), signed: z.number().int() }),
});
export type BranchFigures = z.infer<typeof BranchFigures>;

const ReportAnswer = z.strictObject({ period: z.string(), branches: z.array(BranchFigures) });

export const dailyReport = {
  method: 'GET',
  path: '/api/office/reports/daily',
  access: { grants: ['hq_admin', 'regional_manager'] },
  summary: "Every branch's (a regional manager: theirs only) day (`?date=YYYY-MM-DD`, the branch's own business day) from its shipped events: issued, served, no-show, share called within 15 and 30 minutes, satisfaction, complaints and opinions answered in time, fraud interventions.",
  query: z.strictObject({ date: CalendarDate }),
  answer: ReportAnswer,
} satisfies OfficeRouteDef;

export const monthlyReport = {
  method: 'GET',
  path: '/api/office/reports/monthly',
  access: { grants: ['hq_admin', 'regional_manager'] },
  summary: 'The same figures for every branch over a month (`?month=YYYY-MM`).',
  query: z.strictObject({ month: CalendarMonth }),
  answer: ReportAnswer,
} satisfies OfficeRouteDef;

export const BranchLive = z.strictObject({
  branchId: z.string(),
  name: z.string(),
  status: z.string(),
  lastSeenAt: z.string().nullable(),
  date: z.string(),
  waiting: z.number().int(),
  /** Minutes the longest-waiting ticket has waited, as of the branch's last shipped event's clock; null when nobody waits. */
  longestWaitMinutes: z.number().nullable(),
  countersOpen: z.number().int(),
  openAlerts: z.number().int(),
  openingChecklist: z.strictObject({ signed: z.boolean(), signedAt: z.string().nullable(), beforeFirstTicket: z.boolean().nullable() }),
});
export type BranchLive = z.infer<typeof BranchLive>;

export const branchLive = {
  method: 'GET',
  path: '/api/office/branches/:id/live',
  access: { grants: ['hq_admin', 'regional_manager'] },
  summary: "One branch now, from its shipped events: people waiting, the longest wait, counters open, open alerts, today's opening checklist signed and whether before the first ticket; 404 `unknown_branch`; a regional manager 403 `not_your_branch` on any branch outside their set, existing or not.",
  params: z.object({ id: z.string().min(1).max(64) }),
  answer: BranchLive,
} satisfies OfficeRouteDef;

export const OFFICE_REPORT_ROUTES = [dailyReport, monthlyReport, branchLive] as const;

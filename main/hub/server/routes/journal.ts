// The lobby's records other than checklists: work log, opinion book, complaints, the
// special-customer notebook, referral and care cards.
import type { FastifyInstance } from 'fastify';
import {
  CardBody,
  CardCloseBody,
  CardFollowUpBody,
  CompleteDayBody,
  ComplaintBody,
  ComplaintResolveBody,
  NotebookBody,
  NotebookLookupBody,
  OpinionBody,
  OpinionReplyBody,
  SignBody,
  WorklogAnswerBody,
  WorklogBody,
  type CareCard,
  type Complaint,
  type WorklogDay,
  type WorklogEntry,
} from '../../../common/records.js';
import { closeCard, createCard, followUpCard } from '../../journal/cards.js';
import { openComplaint, resolveComplaint, signComplaint } from '../../journal/complaints.js';
import { allNotes, keyOf, notebookEntry, saveNote } from '../../journal/notebook.js';
import { exportNotebook, importNotebook } from '../../journal/notebook-file.js';
import { listOpinions, recordOpinion, replyOpinion, signOpinion } from '../../journal/opinions.js';
import { listRecords, sqlStore } from '../../journal/record-store.js';
import { recordEvent } from '../../journal/record.js';
import { addEntry, answerEntry } from '../../journal/worklog.js';
import { addDays } from '../../journal/records-settings.js';
import { dailyReport } from '../../reports/daily.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';
import { DomainError } from '../../../common/errors.js';
import { KEEPERS } from '../readers.js';
import { DateQuery, RangeQuery, idParam, today } from './records-common.js';

export function registerJournalRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;
  const db = hub.ledger.db;
  const me = (request: Parameters<typeof principalOf>[0]) => principalOf(request).id;

  // ---- work log
  app.get('/api/worklog', { preHandler: allow(...KEEPERS) }, async (request) => {
    const date = DateQuery.parse(request.query).date ?? today(ctx);
    const entries = listRecords<WorklogEntry>(db, 'worklog_entries', { date }).reverse();
    // Questions of earlier days still waiting for their answer stay in view.
    const pending = listRecords<WorklogEntry>(db, 'worklog_entries').filter((e) => e.kind === 'question' && e.answeredAt === null && e.date < date);
    return { date, entries, pending, day: sqlStore(db).get<WorklogDay>('worklog_days', date) ?? null };
  });
  app.post('/api/worklog', { preHandler: allow('manager') }, async (request) => {
    const body = WorklogBody.parse(request.body);
    return { entry: addEntry(hub, body, body.date ?? today(ctx), me(request)) };
  });
  app.post('/api/worklog/:id/answer', { preHandler: allow('manager') }, async (request) => {
    const id = idParam(request);
    return { entry: answerEntry(hub, id, WorklogAnswerBody.parse(request.body).answer, me(request)) };
  });
  app.post('/api/worklog/complete-day', { preHandler: allow('manager') }, async (request) => {
    const body = CompleteDayBody.parse(request.body ?? {});
    const date = body.date ?? today(ctx);
    if (sqlStore(db).get<WorklogDay>('worklog_days', date)) throw new DomainError('conflict', 'day_completed', `The work log of ${date} is already completed.`);
    const report = dailyReport(db, date);
    const figures: Record<string, number> = {
      issued: report.totals.issued,
      served: report.totals.served,
      noShow: report.totals.noShow,
      avgWaitMinutes: report.totals.avgWaitMinutes,
      maxWaitMinutes: report.totals.maxWaitMinutes,
      vipVisits: report.totals.vipVisits,
      selfServiceTriage: report.totals.selfServiceTriage,
      complaints: report.complaints.opened,
      opinions: report.opinions.recorded,
      deviceFaults: report.faults.reported,
    };
    recordEvent(hub, { type: 'worklog.day_completed', date, staffOnDuty: body.staffOnDuty ?? report.staffOnDuty, figures }, me(request));
    return { day: sqlStore(db).get<WorklogDay>('worklog_days', date) };
  });

  // ---- opinion book: phones only ever go to the manager and supervisor (these routes' readers)
  app.get('/api/opinions', { preHandler: allow(...KEEPERS) }, async (request) => {
    const q = RangeQuery.parse(request.query);
    const from = q.from ?? addDays(today(ctx), -30);
    return { opinions: listOpinions(db, { dateFrom: from, dateTo: q.to }, true) };
  });
  app.post('/api/opinions', { preHandler: allow('manager') }, async (request) => {
    const body = OpinionBody.parse(request.body);
    const opinion = recordOpinion(hub, { ...body, date: body.date ?? today(ctx) }, me(request));
    return { opinion: listOpinions(db, { dateFrom: opinion.date, dateTo: opinion.date }, true).find((o) => o.id === opinion.id) };
  });
  app.post('/api/opinions/:id/reply', { preHandler: allow('manager') }, async (request) => {
    const id = idParam(request);
    return { opinion: replyOpinion(hub, id, OpinionReplyBody.parse(request.body).reply, me(request)) };
  });
  app.post('/api/opinions/:id/sign', { preHandler: allow('supervisor') }, async (request) => {
    const id = idParam(request);
    return { opinion: await signOpinion(hub, id, me(request), SignBody.parse(request.body).pin, request.ip) };
  });

  // ---- complaints
  app.get('/api/complaints', { preHandler: allow(...KEEPERS) }, async (request) => {
    const q = RangeQuery.parse(request.query);
    const from = q.from ?? addDays(today(ctx), -30);
    const inRange = listRecords<Complaint>(db, 'complaints', { dateFrom: from, dateTo: q.to });
    const older = listRecords<Complaint>(db, 'complaints', { dateTo: addDays(from, -1) }).filter((c) => c.status !== 'closed');
    return { complaints: [...older, ...inRange].sort((a, b) => b.openedAt - a.openedAt) };
  });
  app.post('/api/complaints', { preHandler: allow('manager') }, async (request) => {
    const body = ComplaintBody.parse(request.body);
    return { complaint: openComplaint(hub, body, today(ctx), me(request)) };
  });
  app.post('/api/complaints/:id/resolve', { preHandler: allow('manager') }, async (request) => {
    const id = idParam(request);
    return { complaint: resolveComplaint(hub, id, ComplaintResolveBody.parse(request.body).resolution, me(request)) };
  });
  app.post('/api/complaints/:id/sign', { preHandler: allow('supervisor') }, async (request) => {
    const id = idParam(request);
    return { complaint: await signComplaint(hub, id, me(request), SignBody.parse(request.body).pin, request.ip) };
  });

  // ---- special-customer notebook
  app.get('/api/notebook', { preHandler: allow(...KEEPERS) }, async () => ({ entries: allNotes(db) }));
  app.post('/api/notebook', { preHandler: allow('manager') }, async (request) => ({ entry: saveNote(hub, NotebookBody.parse(request.body), me(request)) }));
  app.post('/api/notebook/lookup', { preHandler: allow('manager', 'teller') }, async (request) => {
    const body = NotebookLookupBody.parse(request.body);
    return { entry: notebookEntry(db, keyOf(db, body.kind, body.number)) };
  });
  app.get('/api/notebook/export', { preHandler: allow('manager', 'admin') }, async (_request, reply) => {
    const file = exportNotebook(db, hub.clock());
    void reply.header('content-disposition', `attachment; filename="atrium-notebook-${file.exportedAt.slice(0, 10)}.json"`);
    return file;
  });
  app.post('/api/notebook/import', { preHandler: allow('manager', 'admin'), bodyLimit: 8 * 1024 * 1024 }, async (request) => importNotebook(hub, request.body, me(request)));

  // ---- referral and care cards
  app.get('/api/cards', { preHandler: allow(...KEEPERS) }, async () => {
    const cards = listRecords<CareCard>(db, 'care_cards');
    const since = addDays(today(ctx), -30);
    return { cards: cards.filter((c) => c.status !== 'closed' || c.date >= since) };
  });
  app.post('/api/cards', { preHandler: allow('manager') }, async (request) => ({ card: createCard(hub, CardBody.parse(request.body), today(ctx), me(request)) }));
  app.post('/api/cards/:id/follow-up', { preHandler: allow('manager') }, async (request) => {
    const id = idParam(request);
    return { card: followUpCard(hub, id, CardFollowUpBody.parse(request.body).note, me(request)) };
  });
  app.post('/api/cards/:id/close', { preHandler: allow('manager') }, async (request) => {
    const id = idParam(request);
    return { card: closeCard(hub, id, CardCloseBody.parse(request.body).outcome, me(request)) };
  });

}

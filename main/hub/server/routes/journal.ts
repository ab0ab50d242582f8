// The lobby's records other than checklists: work log, opinion book, complaints, the
// special-customer notebook, referral and care cards.
import type { FastifyInstance } from 'fastify';
import type { CareCard, Complaint, WorklogDay, WorklogEntry } from '../../../common/records.js';
import { api } from '../../../common/routes/index.js';
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
import { principalOf } from '../guard.js';
import { HttpError } from '../http-error.js';
import { registerRoute } from '../register-route.js';
import { today } from './records-common.js';

export function registerJournalRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;
  const db = hub.ledger.db;
  const me = (request: Parameters<typeof principalOf>[0]) => principalOf(request).id;

  // ---- work log
  registerRoute(app, api.worklog, async (_request, _reply, input) => {
    const date = input.query.date ?? today(ctx);
    const entries = listRecords<WorklogEntry>(db, 'worklog_entries', { date }).reverse();
    // Questions of earlier days still waiting for their answer stay in view.
    const pending = listRecords<WorklogEntry>(db, 'worklog_entries').filter((e) => e.kind === 'question' && e.answeredAt === null && e.date < date);
    return { date, entries, pending, day: sqlStore(db).get<WorklogDay>('worklog_days', date) ?? null };
  });
  registerRoute(app, api.addWorklog, async (request, _reply, input) => {
    const body = input.body;
    return { entry: addEntry(hub, body, body.date ?? today(ctx), me(request)) };
  });
  registerRoute(app, api.answerWorklog, async (request, _reply, input) => {
    const id = input.params.id;
    return { entry: answerEntry(hub, id, input.body.answer, me(request)) };
  });
  registerRoute(app, api.completeWorklogDay, async (request, _reply, input) => {
    const body = input.body;
    const date = body.date ?? today(ctx);
    if (sqlStore(db).get<WorklogDay>('worklog_days', date)) throw new HttpError(409, 'day_completed', `The work log of ${date} is already completed.`);
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
  registerRoute(app, api.opinions, async (_request, _reply, input) => {
    const q = input.query;
    const from = q.from ?? addDays(today(ctx), -30);
    return { opinions: listOpinions(db, { dateFrom: from, dateTo: q.to }, true) };
  });
  registerRoute(app, api.addOpinion, async (request, _reply, input) => {
    const body = input.body;
    const opinion = recordOpinion(hub, { ...body, date: body.date ?? today(ctx) }, me(request));
    return { opinion: listOpinions(db, { dateFrom: opinion.date, dateTo: opinion.date }, true).find((o) => o.id === opinion.id) };
  });
  registerRoute(app, api.replyOpinion, async (request, _reply, input) => {
    const id = input.params.id;
    return { opinion: replyOpinion(hub, id, input.body.reply, me(request)) };
  });
  registerRoute(app, api.signOpinion, async (request, _reply, input) => {
    const id = input.params.id;
    return { opinion: await signOpinion(hub, id, me(request), input.body.pin, request.ip) };
  });

  // ---- complaints
  registerRoute(app, api.complaints, async (_request, _reply, input) => {
    const q = input.query;
    const from = q.from ?? addDays(today(ctx), -30);
    const inRange = listRecords<Complaint>(db, 'complaints', { dateFrom: from, dateTo: q.to });
    const older = listRecords<Complaint>(db, 'complaints', { dateTo: addDays(from, -1) }).filter((c) => c.status !== 'closed');
    return { complaints: [...older, ...inRange].sort((a, b) => b.openedAt - a.openedAt) };
  });
  registerRoute(app, api.openComplaint, async (request, _reply, input) => {
    const body = input.body;
    return { complaint: openComplaint(hub, body, today(ctx), me(request)) };
  });
  registerRoute(app, api.resolveComplaint, async (request, _reply, input) => {
    const id = input.params.id;
    return { complaint: resolveComplaint(hub, id, input.body.resolution, me(request)) };
  });
  registerRoute(app, api.signComplaint, async (request, _reply, input) => {
    const id = input.params.id;
    return { complaint: await signComplaint(hub, id, me(request), input.body.pin, request.ip) };
  });

  // ---- special-customer notebook
  registerRoute(app, api.notebook, async () => ({ entries: allNotes(db) }));
  registerRoute(app, api.saveNote, async (request, _reply, input) => ({ entry: saveNote(hub, input.body, me(request)) }));
  registerRoute(app, api.lookupNote, async (_request, _reply, input) => {
    const body = input.body;
    return { entry: notebookEntry(db, keyOf(db, body.kind, body.number)) };
  });
  registerRoute(app, api.exportNotebook, async (_request, reply) => {
    const file = exportNotebook(db, hub.clock());
    void reply.header('content-disposition', `attachment; filename="atrium-notebook-${file.exportedAt.slice(0, 10)}.json"`);
    return file;
  });
  // The file is read as it came: importNotebook refuses a malformed one with its own code.
  registerRoute(app, api.importNotebook, async (request) => importNotebook(hub, request.body, me(request)));

  // ---- referral and care cards
  registerRoute(app, api.cards, async () => {
    const cards = listRecords<CareCard>(db, 'care_cards');
    const since = addDays(today(ctx), -30);
    return { cards: cards.filter((c) => c.status !== 'closed' || c.date >= since) };
  });
  registerRoute(app, api.addCard, async (request, _reply, input) => ({ card: createCard(hub, input.body, today(ctx), me(request)) }));
  registerRoute(app, api.followUpCard, async (request, _reply, input) => {
    const id = input.params.id;
    return { card: followUpCard(hub, id, input.body.note, me(request)) };
  });
  registerRoute(app, api.closeCard, async (request, _reply, input) => {
    const id = input.params.id;
    return { card: closeCard(hub, id, input.body.outcome, me(request)) };
  });

}

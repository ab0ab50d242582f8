// Checklists (templates, runs, sign-off), device faults, what awaits the supervisor's
// signature, and the reminders' timer.
import type { FastifyInstance } from 'fastify';
import { AnswerChecklistBody, CHECKLIST_KINDS, FaultRepairBody, SignBody, StartChecklistBody, TemplateBody, type Checklist, type Complaint, type Opinion } from '../../../common/records.js';
import { z } from 'zod';
import { amendChecklist, answerChecklist, checklistsOf, completeChecklist, getChecklist, signChecklist, startChecklist } from '../../checklist/checklists.js';
import { faultsFor, markRepaired, requestRepair } from '../../checklist/faults.js';
import { allTemplates, saveTemplate } from '../../checklist/templates.js';
import { listRecords } from '../../journal/record-store.js';
import { startReminders } from '../../journal/reminders.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';
import { RECORD_READERS } from '../readers.js';
import { DateQuery, idParam, today } from './records-common.js';

const KindParam = z.strictObject({ kind: z.enum(CHECKLIST_KINDS) });

export function registerChecklistRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;
  const db = hub.ledger.db;
  const me = (request: Parameters<typeof principalOf>[0]) => principalOf(request).id;

  app.get('/api/checklists/templates', { preHandler: allow(...RECORD_READERS) }, async () => ({ templates: allTemplates(hub) }));
  app.post('/api/checklists/templates/:kind', { preHandler: allow('admin') }, async (request) => {
    const { kind } = KindParam.parse(request.params);
    const { items } = TemplateBody.parse(request.body);
    return { template: saveTemplate(hub, kind, items, me(request)) };
  });

  app.get('/api/checklists', { preHandler: allow(...RECORD_READERS) }, async (request) => {
    const date = DateQuery.parse(request.query).date ?? today(ctx);
    return { date, checklists: checklistsOf(db, date), faults: faultsFor(db, date) };
  });
  app.get('/api/checklists/:id', { preHandler: allow(...RECORD_READERS) }, async (request) => ({ checklist: getChecklist(db, idParam(request)) }));
  app.post('/api/checklists', { preHandler: allow('manager') }, async (request) => {
    const body = StartChecklistBody.parse(request.body);
    return { checklist: startChecklist(hub, body.kind, body.date ?? today(ctx), me(request)) };
  });
  app.post('/api/checklists/:id/answers', { preHandler: allow('manager') }, async (request) => {
    const id = idParam(request);
    const { answers } = AnswerChecklistBody.parse(request.body);
    return { checklist: answerChecklist(hub, id, answers, me(request)) };
  });
  app.post('/api/checklists/:id/complete', { preHandler: allow('manager') }, async (request) => ({ checklist: completeChecklist(hub, idParam(request), me(request)) }));
  app.post('/api/checklists/:id/sign', { preHandler: allow('supervisor') }, async (request) => {
    const id = idParam(request);
    const { pin } = SignBody.parse(request.body);
    return { checklist: await signChecklist(hub, id, me(request), pin, request.ip) };
  });
  app.post('/api/checklists/:id/amend', { preHandler: allow('manager') }, async (request) => ({ checklist: amendChecklist(hub, idParam(request), me(request)) }));

  app.post('/api/faults/:id/repair-requested', { preHandler: allow('manager', 'admin') }, async (request) => ({ fault: requestRepair(hub, idParam(request), me(request)) }));
  app.post('/api/faults/:id/repaired', { preHandler: allow('manager', 'admin') }, async (request) => {
    const id = idParam(request);
    const { note } = FaultRepairBody.parse(request.body ?? {});
    return { fault: markRepaired(hub, id, note, me(request)) };
  });

  // The supervisor's desk: everything completed by the manager and not yet signed.
  app.get('/api/signoffs', { preHandler: allow('supervisor', 'manager') }, async () => ({
    checklists: listRecords<Checklist>(db, 'checklists', { status: 'completed' }),
    opinions: listRecords<Opinion>(db, 'opinions', { status: 'replied' }),
    complaints: listRecords<Complaint>(db, 'complaints', { status: 'resolved' }),
  }));

  const stop = startReminders(hub, ctx.alerts);
  app.addHook('onClose', async () => stop());
}

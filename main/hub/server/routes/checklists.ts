// Checklists (templates, runs, sign-off), device faults, what awaits the supervisor's
// signature, and the reminders' timer.
import type { FastifyInstance } from 'fastify';
import type { Checklist, Complaint, Opinion } from '../../../common/records.js';
import { api } from '../../../common/routes/index.js';
import { amendChecklist, answerChecklist, checklistsOf, completeChecklist, getChecklist, signChecklist, startChecklist } from '../../checklist/checklists.js';
import { faultsFor, markRepaired, requestRepair } from '../../checklist/faults.js';
import { allTemplates, saveTemplate } from '../../checklist/templates.js';
import { listRecords } from '../../journal/record-store.js';
import { startReminders } from '../../journal/reminders.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { registerRoute } from '../register-route.js';
import { today } from './records-common.js';

export function registerChecklistRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;
  const db = hub.ledger.db;
  const me = (request: Parameters<typeof principalOf>[0]) => principalOf(request).id;

  registerRoute(app, api.templates, async () => ({ templates: allTemplates(hub) }));
  registerRoute(app, api.saveTemplate, async (request, _reply, input) => {
    const { kind } = input.params;
    const { items } = input.body;
    return { template: saveTemplate(hub, kind, items, me(request)) };
  });

  registerRoute(app, api.checklists, async (_request, _reply, input) => {
    const date = input.query.date ?? today(ctx);
    return { date, checklists: checklistsOf(db, date), faults: faultsFor(db, date) };
  });
  registerRoute(app, api.checklist, async (_request, _reply, input) => ({ checklist: getChecklist(db, input.params.id) }));
  registerRoute(app, api.startChecklist, async (request, _reply, input) => {
    const body = input.body;
    return { checklist: startChecklist(hub, body.kind, body.date ?? today(ctx), me(request)) };
  });
  registerRoute(app, api.answerChecklist, async (request, _reply, input) => {
    const id = input.params.id;
    const { answers } = input.body;
    return { checklist: answerChecklist(hub, id, answers, me(request)) };
  });
  registerRoute(app, api.completeChecklist, async (request, _reply, input) => ({ checklist: completeChecklist(hub, input.params.id, me(request)) }));
  registerRoute(app, api.signChecklist, async (request, _reply, input) => {
    const id = input.params.id;
    const { pin } = input.body;
    return { checklist: await signChecklist(hub, id, me(request), pin, request.ip) };
  });
  registerRoute(app, api.amendChecklist, async (request, _reply, input) => ({ checklist: amendChecklist(hub, input.params.id, me(request)) }));

  registerRoute(app, api.repairRequested, async (request, _reply, input) => ({ fault: requestRepair(hub, input.params.id, me(request)) }));
  registerRoute(app, api.repaired, async (request, _reply, input) => {
    const id = input.params.id;
    const { note } = input.body;
    return { fault: markRepaired(hub, id, note, me(request)) };
  });

  // The supervisor's desk: everything completed by the manager and not yet signed.
  registerRoute(app, api.signoffs, async () => ({
    checklists: listRecords<Checklist>(db, 'checklists', { status: 'completed' }),
    opinions: listRecords<Opinion>(db, 'opinions', { status: 'replied' }),
    complaints: listRecords<Complaint>(db, 'complaints', { status: 'resolved' }),
  }));

  const stop = startReminders(hub, ctx.alerts);
  app.addHook('onClose', async () => stop());
}

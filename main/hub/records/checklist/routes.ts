// Checklists over HTTP: templates, runs, sign-off and amendments.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AnswerChecklistBody, CHECKLIST_KINDS, StartChecklistBody, TemplateBody } from '../../../common/records.js';
import { api } from '../../../common/routes/index.js';
import type { Hub } from '../../lobby/hub.js';
import { commitRecords } from '../commit.js';
import { faultsFor, findFault } from '../fault/projector.js';
import { DateQuery, idParam, today, type RecordRoute } from '../route.js';
import { signRoute } from '../signer.js';
import { checkSignable, checkStartable, decideAmend, decideAnswers, decideComplete, decideSign, decideStart, existing } from './decide.js';
import { checklistsOf, findChecklist } from './projector.js';
import { allTemplates, currentTemplate, saveTemplate } from './templates.js';

const KindParam = z.strictObject({ kind: z.enum(CHECKLIST_KINDS) });

const checklist = (hub: Hub, id: string) => ({ checklist: existing(findChecklist(hub.ledger.db, id)) });

export const checklistRoutes: RecordRoute[] = [
  { def: api.templates, handler: (_in, _who, { hub }) => ({ templates: allTemplates(hub) }) },
  {
    def: api.saveTemplate,
    handler(input, who, { hub }) {
      const { kind } = KindParam.parse(input.params);
      const { items } = TemplateBody.parse(input.body);
      return { template: saveTemplate(hub, kind, items, who.id) };
    },
  },
  {
    def: api.checklists,
    handler(input, _who, { hub }) {
      const date = DateQuery.parse(input.query).date ?? today(hub);
      return { date, checklists: checklistsOf(hub.ledger.db, date), faults: faultsFor(hub.ledger.db, date) };
    },
  },
  { def: api.checklist, handler: (input, _who, { hub }) => checklist(hub, idParam(input)) },
  {
    def: api.startChecklist,
    handler(input, who, { hub }) {
      const body = StartChecklistBody.parse(input.body);
      const date = body.date ?? today(hub);
      const id = randomUUID();
      const dayChecklists = checklistsOf(hub.ledger.db, date);
      // Refused before the kind's template is first seeded, which is itself an event.
      checkStartable(dayChecklists, body.kind, date);
      commitRecords(hub, decideStart(dayChecklists, { id, kind: body.kind, date, template: currentTemplate(hub, body.kind) }), who.id);
      return checklist(hub, id);
    },
  },
  {
    def: api.answerChecklist,
    handler(input, who, { hub }) {
      const id = idParam(input);
      const { answers } = AnswerChecklistBody.parse(input.body);
      commitRecords(hub, decideAnswers(findChecklist(hub.ledger.db, id), answers, (faultId) => !!findFault(hub.ledger.db, faultId)), who.id);
      return checklist(hub, id);
    },
  },
  {
    def: api.completeChecklist,
    handler(input, who, { hub }) {
      const id = idParam(input);
      commitRecords(hub, decideComplete(findChecklist(hub.ledger.db, id)), who.id);
      return checklist(hub, id);
    },
  },
  signRoute(api.signChecklist, { find: findChecklist, checkSignable, decideSign, answer: checklist }),
  {
    def: api.amendChecklist,
    handler(input, who, { hub }) {
      const newId = randomUUID();
      commitRecords(hub, decideAmend(findChecklist(hub.ledger.db, idParam(input)), newId), who.id);
      return checklist(hub, newId);
    },
  },
];

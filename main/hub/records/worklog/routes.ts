// The work log over HTTP.
import { randomUUID } from 'node:crypto';
import { CompleteDayBody, WorklogAnswerBody, WorklogBody } from '../../../common/records.js';
import { api } from '../../../common/routes/index.js';
import { subject, vaultOf } from '../../personal/vault.js';
import { commitRecords } from '../commit.js';
import { DateQuery, idParam, today, type RecordRoute } from '../route.js';
import { checkDayOpen, decideAdd, decideAnswer, decideCompleteDay, existing } from './decide.js';
import { findEntry, worklogDay, worklogEntries } from './projector.js';

export const worklogRoutes: RecordRoute[] = [
  {
    def: api.worklog,
    handler(input, _who, { hub }) {
      const db = hub.ledger.db;
      const date = DateQuery.parse(input.query).date ?? today(hub);
      const entries = worklogEntries(db, date).reverse();
      // Questions of earlier days still waiting for their answer stay in view.
      const pending = worklogEntries(db).filter((e) => e.kind === 'question' && e.answeredAt === null && e.date < date);
      return { date, entries, pending, day: worklogDay(db, date) ?? null };
    },
  },
  {
    def: api.addWorklog,
    handler(input, who, { hub }) {
      const body = WorklogBody.parse(input.body);
      const id = randomUUID();
      // A customer's need or question may name them: the text is sealed under the entry's key.
      const sealedText = vaultOf(hub.ledger.db).seal(subject.worklog(id), body.text);
      commitRecords(hub, decideAdd({ id, date: body.date ?? today(hub), kind: body.kind, sealedText, followUpDue: body.followUpDue }), who.id);
      return { entry: existing(findEntry(hub.ledger.db, id)) };
    },
  },
  {
    def: api.answerWorklog,
    handler(input, who, { hub }) {
      const id = idParam(input);
      const { answer } = WorklogAnswerBody.parse(input.body);
      const found = findEntry(hub.ledger.db, id);
      commitRecords(hub, decideAnswer(found, found ? vaultOf(hub.ledger.db).seal(subject.worklog(id), answer) : ''), who.id);
      return { entry: existing(findEntry(hub.ledger.db, id)) };
    },
  },
  {
    def: api.completeWorklogDay,
    handler(input, who, { hub, dailyReport }) {
      const body = CompleteDayBody.parse(input.body ?? {});
      const date = body.date ?? today(hub);
      const day = worklogDay(hub.ledger.db, date);
      // Refused before the report is worked out.
      checkDayOpen(day, date);
      commitRecords(hub, decideCompleteDay(day, date, dailyReport(date), body.staffOnDuty), who.id);
      return { day: worklogDay(hub.ledger.db, date) };
    },
  },
];

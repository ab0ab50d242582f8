// The opinion book over HTTP: phones only ever go to the manager and supervisor (these routes' readers).
import { randomUUID } from 'node:crypto';
import { OpinionBody, OpinionReplyBody } from '../../../common/records.js';
import { api } from '../../../common/routes/index.js';
import { branchSecret, customerKey } from '../../customers/customer-key.js';
import type { Hub } from '../../lobby/hub.js';
import { subject, vaultOf } from '../../personal/vault.js';
import { commitRecords } from '../commit.js';
import { RangeQuery, idParam, today, type RecordRoute } from '../route.js';
import { addDays, recordsSettings } from '../settings.js';
import { signRoute } from '../signer.js';
import { checkSignable, decideRecord, decideReply, decideSign, existing } from './decide.js';
import { findOpinion, listOpinions } from './projector.js';

const opinion = (hub: Hub, id: string) => ({ opinion: existing(findOpinion(hub.ledger.db, id)) });

export const opinionRoutes: RecordRoute[] = [
  {
    def: api.opinions,
    handler(input, _who, { hub }) {
      const q = RangeQuery.parse(input.query);
      const from = q.from ?? addDays(today(hub), -30);
      return { opinions: listOpinions(hub.ledger.db, { dateFrom: from, dateTo: q.to }) };
    },
  },
  {
    def: api.addOpinion,
    handler(input, who, { hub }) {
      const db = hub.ledger.db;
      const body = OpinionBody.parse(input.body);
      const date = body.date ?? today(hub);
      const id = randomUUID();
      // The text may name the customer; the phone has its own key, shredded by the purge.
      const vault = vaultOf(db);
      const phone = body.phone ? { key: customerKey(branchSecret(db), 'phone', body.phone), sealed: vault.seal(subject.opinionPhone(id), body.phone.trim()) } : null;
      const sealedText = vault.seal(subject.opinion(id), body.text);
      commitRecords(hub, decideRecord({ id, date, source: body.source, theme: body.theme, sealedText, phone }, recordsSettings(db).opinionReplyDays), who.id);
      return { opinion: listOpinions(db, { dateFrom: date, dateTo: date }).find((o) => o.id === id) };
    },
  },
  {
    def: api.replyOpinion,
    handler(input, who, { hub }) {
      const id = idParam(input);
      const { reply } = OpinionReplyBody.parse(input.body);
      const found = findOpinion(hub.ledger.db, id);
      commitRecords(hub, decideReply(found, found ? vaultOf(hub.ledger.db).seal(subject.opinion(id), reply) : ''), who.id);
      return opinion(hub, id);
    },
  },
  signRoute(api.signOpinion, { find: findOpinion, checkSignable, decideSign, answer: opinion }),
];

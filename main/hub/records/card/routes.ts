// Referral and care cards over HTTP.
import { randomUUID } from 'node:crypto';
import { CardBody, CardCloseBody, CardFollowUpBody } from '../../../common/records.js';
import { api } from '../../../common/routes/index.js';
import type { Hub } from '../../lobby/hub.js';
import { subject, vaultOf } from '../../personal/vault.js';
import { commitRecords } from '../commit.js';
import { idParam, today, type RecordRoute } from '../route.js';
import { addDays, recordsSettings } from '../settings.js';
import { decideClose, decideCreate, decideFollowUp, dueDateOf, existing } from './decide.js';
import { cards, findCard } from './projector.js';

const card = (hub: Hub, id: string) => ({ card: existing(findCard(hub.ledger.db, id)) });
const seal = (hub: Hub, id: string, text: string) => vaultOf(hub.ledger.db).seal(subject.card(id), text);

export const cardRoutes: RecordRoute[] = [
  {
    def: api.cards,
    handler(_input, _who, { hub }) {
      const since = addDays(today(hub), -30);
      return { cards: cards(hub.ledger.db).filter((c) => c.status !== 'closed' || c.date >= since) };
    },
  },
  {
    def: api.addCard,
    handler(input, who, { hub }) {
      const body = CardBody.parse(input.body);
      const date = today(hub);
      const dueDate = dueDateOf(date, body.dueDate, recordsSettings(hub.ledger.db).followUpDays);
      const id = randomUUID();
      // The form of address and the customer's need are personal: sealed under the card's key.
      const sealed = { title: seal(hub, id, body.title), need: seal(hub, id, body.need) };
      commitRecords(hub, decideCreate({ id, kind: body.kind, date, dueDate, assignedTo: body.assignedTo, sealed }), who.id);
      return card(hub, id);
    },
  },
  {
    def: api.followUpCard,
    handler(input, who, { hub }) {
      const id = idParam(input);
      const { note } = CardFollowUpBody.parse(input.body);
      const found = findCard(hub.ledger.db, id);
      commitRecords(hub, decideFollowUp(found, found ? seal(hub, id, note) : ''), who.id);
      return card(hub, id);
    },
  },
  {
    def: api.closeCard,
    handler(input, who, { hub }) {
      const id = idParam(input);
      const { outcome } = CardCloseBody.parse(input.body);
      const found = findCard(hub.ledger.db, id);
      commitRecords(hub, decideClose(found, found ? seal(hub, id, outcome) : ''), who.id);
      return card(hub, id);
    },
  },
];

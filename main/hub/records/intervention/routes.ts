// Fraud interventions over HTTP.
import { randomUUID } from 'node:crypto';
import { InterventionBody, InterventionEditBody, type InterventionFields } from '../../../common/fraud.js';
import { api } from '../../../common/routes/index.js';
import { DomainError } from '../../../common/errors.js';
import type { Hub } from '../../lobby/hub.js';
import { subject, vaultOf } from '../../personal/vault.js';
import { commitRecords } from '../commit.js';
import { DateQuery, idParam, today, type RecordRoute } from '../route.js';
import { signRoute } from '../signer.js';
import { checkSignable, decideEdit, decideRecord, decideSign, existing } from './decide.js';
import { findIntervention, interventionsOf } from './projector.js';

const answer = (hub: Hub, id: string) => ({ intervention: existing(findIntervention(hub.ledger.db, id)) });

/** A ticket number of the lobby's day (the tickets the hub holds), or a 404 that names it. */
function ticketOfToday(hub: Hub, number: string | null | undefined): string | null {
  if (number === undefined || number === null) return null;
  if (!Object.values(hub.state.tickets).some((t) => t.number === number)) throw new DomainError('not_found', 'unknown_ticket', `There is no ticket ${number} today.`);
  return number;
}

/** What happened may tell the customer's story: sealed under the intervention's own key. */
const sealNote = (hub: Hub, id: string, note: string) => vaultOf(hub.ledger.db).seal(subject.intervention(id), note);

export const interventionRoutes: RecordRoute[] = [
  {
    def: api.interventions,
    handler(input, _who, { hub }) {
      const date = DateQuery.parse(input.query).date ?? today(hub);
      return { date, interventions: interventionsOf(hub.ledger.db, date) };
    },
  },
  {
    def: api.recordIntervention,
    handler(input, who, { hub }) {
      const body = InterventionBody.parse(input.body);
      const id = randomUUID();
      const fields: InterventionFields = { ticket: ticketOfToday(hub, body.ticket), outcome: body.outcome, amountBand: body.amountBand, note: sealNote(hub, id, body.note) };
      commitRecords(hub, decideRecord(fields, { id, date: today(hub) }), who.id);
      return answer(hub, id);
    },
  },
  {
    def: api.editIntervention,
    handler(input, who, { hub }) {
      const id = idParam(input);
      const body = InterventionEditBody.parse(input.body);
      const found = findIntervention(hub.ledger.db, id);
      // Refused before anything is sealed or looked up: a signed record is not touched at all.
      checkSignable(found);
      // A note sealed anew never equals the stored one: the texts are compared, and only a changed one is sealed.
      const newNote = body.note !== undefined && vaultOf(hub.ledger.db).open(found!.note) !== body.note ? body.note : undefined;
      const fields: Partial<InterventionFields> = {
        ...(body.ticket !== undefined && { ticket: ticketOfToday(hub, body.ticket) }),
        ...(body.outcome !== undefined && { outcome: body.outcome }),
        ...(body.amountBand !== undefined && { amountBand: body.amountBand }),
        ...(newNote !== undefined && { note: sealNote(hub, id, newNote) }),
      };
      commitRecords(hub, decideEdit(found, fields), who.id);
      return answer(hub, id);
    },
  },
  signRoute(api.signIntervention, { find: findIntervention, checkSignable, decideSign, answer: answer }),
];

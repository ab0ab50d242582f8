// Complaints over HTTP.
import { randomUUID } from 'node:crypto';
import { ComplaintBody, ComplaintResolveBody } from '../../../common/records.js';
import { api } from '../../../common/routes/index.js';
import type { Hub } from '../../lobby/hub.js';
import { subject, vaultOf } from '../../personal/vault.js';
import { commitRecords } from '../commit.js';
import { RangeQuery, idParam, today, type RecordRoute } from '../route.js';
import { addDays, recordsSettings } from '../settings.js';
import { signRoute } from '../signer.js';
import { checkSignable, decideOpen, decideResolve, decideSign, existing } from './decide.js';
import { complaintsFrom, findComplaint } from './projector.js';

const complaint = (hub: Hub, id: string) => ({ complaint: existing(findComplaint(hub.ledger.db, id)) });

export const complaintRoutes: RecordRoute[] = [
  {
    def: api.complaints,
    handler(input, _who, { hub }) {
      const q = RangeQuery.parse(input.query);
      return { complaints: complaintsFrom(hub.ledger.db, q.from ?? addDays(today(hub), -30), q.to) };
    },
  },
  {
    def: api.openComplaint,
    handler(input, who, { hub }) {
      const form = ComplaintBody.parse(input.body);
      const id = randomUUID();
      // What the customer said and what went wrong are personal: sealed under the complaint's key.
      const vault = vaultOf(hub.ledger.db);
      const sealed = { summary: vault.seal(subject.complaint(id), form.summary), faultDetail: vault.seal(subject.complaint(id), form.faultDetail) };
      const limitHours = recordsSettings(hub.ledger.db).complaintLimitHours;
      commitRecords(hub, decideOpen(form, { id, date: today(hub), now: hub.clock(), limitHours, sealed }), who.id);
      return complaint(hub, id);
    },
  },
  {
    def: api.resolveComplaint,
    handler(input, who, { hub }) {
      const id = idParam(input);
      const { resolution } = ComplaintResolveBody.parse(input.body);
      const found = findComplaint(hub.ledger.db, id);
      commitRecords(hub, decideResolve(found, found ? vaultOf(hub.ledger.db).seal(subject.complaint(id), resolution) : ''), who.id);
      return complaint(hub, id);
    },
  },
  signRoute(api.signComplaint, { find: findComplaint, checkSignable, decideSign, answer: complaint }),
];

// A customer's right to deletion (PIPL): everything the hub holds under their card or phone
// number is erased. The rows that find them by that number go (the VIP register's keys and
// entry, the tickets' links to them, an appointment's phone key, opinion phones), so the card
// no longer checks in as a VIP; and the data keys of what was sealed about them are shredded
// (VIP title and notes and the arrival alerts that repeat them, the sealed keyed hashes in the
// register, check-in and booking events, the notebook entry, the text and phone of their
// opinions), after the event is committed (see shred-after.ts). The events keep their
// ciphertext, so the hash chain and verify are untouched. The erasure event carries an
// erasure id, a count and the ids of the rows that go, never the keyed hash: with the secret
// file, an 11-digit phone's hash is brute-forced in seconds.
//
// An enrolled hub keys its shared notebook notes with the organisation's secret (erased here
// through lookupKeys); that organisation key also waits in office-erasures.json until head
// office has taken it (office-link/pending-erasures.ts), which drops the note there and passes
// the erasure to the other branches.
import { addPendingErasure } from '../office-link/pending-erasures.js';
import { readOrgSecret } from '../office-link/org-key.js';
import { allOpinions } from '../records/opinion/projector.js';
import type { Hub } from '../lobby/hub.js';
import { commitThenShred } from '../personal/shred-after.js';
import { dataDirOf, subject, vaultOf } from '../personal/vault.js';
import { customerKey, lookupKeys, type IdentifierKind } from './customer-key.js';
import { appointmentCodesOf, ticketsOfCustomer, vipByKey, vipKeysOf } from './customers-projector.js';

export function eraseCustomer(hub: Hub, kind: IdentifierKind, number: string, actor: string): { erased: number } {
  const db = hub.ledger.db;
  // The number under every key it may be held by: the branch's, and the organisation's on an
  // enrolled hub (head office's VIP register, shared notebook notes).
  const asked = lookupKeys(db, kind, number);
  const vip = asked.map((k) => vipByKey(db, k)?.id).find((id) => id !== undefined) ?? null;
  // The person, not only the number asked about: a VIP's card and phone both go.
  const keys = vip ? vipKeysOf(db, vip) : [];
  for (const k of asked) if (!keys.includes(k)) keys.push(k);
  const opinions = allOpinions(db)
    .filter((o) => o.phoneKey !== null && keys.includes(o.phoneKey))
    .map((o) => o.id);
  const appointments = appointmentCodesOf(db, keys);
  const tickets = ticketsOfCustomer(db, keys, vip);
  // The organisation's key of the number, for head office and the other branches.
  const org = readOrgSecret(dataDirOf(db));
  const shared = org ? customerKey(org, kind, number) : null;
  const subjects = [
    ...keys.map(subject.notebook),
    ...(vip ? [subject.vip(vip)] : []),
    ...appointments.map(subject.appointment),
    ...opinions.flatMap((id) => [subject.opinion(id), subject.opinionPhone(id)]),
  ];
  const erased = vaultOf(db).keys.countKeys(subjects);
  commitThenShred(db, subjects, (erasure) => {
    if (shared) addPendingErasure(dataDirOf(db), { token: erasure, customerKey: shared, at: hub.clock() });
    return hub.audit({ type: 'customer.erased', erasure, subjects: erased, vip, tickets, appointments, opinions }, actor);
  });
  return { erased };
}

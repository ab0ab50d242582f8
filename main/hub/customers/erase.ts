// A customer's right to deletion (PIPL): everything the hub holds under their card or phone
// number is erased. The rows that find them by that number go (the VIP register's keys and
// entry, the tickets' links to them, an appointment's phone key, opinion phones), so the card
// no longer checks in as a VIP; and the data keys of what was sealed about them are shredded
// (VIP title and notes and the arrival alerts that repeat them, the notebook entry, the text
// and phone of their opinions), after the event is committed (see shred-after.ts). The events
// keep their ciphertext, so the hash chain and verify are untouched. The erasure event carries
// an erasure id, counts and the ids of the opinions whose phones go, never the keyed hash:
// with the secret file, an 11-digit phone's hash is brute-forced in seconds.
import { allOpinions } from '../records/opinion/projector.js';
import type { Hub } from '../lobby/hub.js';
import { commitThenShred } from '../personal/shred-after.js';
import { subject, vaultOf } from '../personal/vault.js';
import { branchSecret, customerKey, type IdentifierKind } from './customer-key.js';

export function eraseCustomer(hub: Hub, kind: IdentifierKind, number: string, actor: string): { erased: number } {
  const db = hub.ledger.db;
  const asked = customerKey(branchSecret(db), kind, number);
  const vip = db.prepare('SELECT customer_id FROM vip_keys WHERE customer_key = ?').get(asked) as { customer_id: string } | undefined;
  // The person, not only the number asked about: a VIP's card and phone both go.
  const keys = vip ? (db.prepare('SELECT customer_key FROM vip_keys WHERE customer_id = ?').all(vip.customer_id) as { customer_key: string }[]).map((r) => r.customer_key) : [asked];
  if (!keys.includes(asked)) keys.push(asked);
  const opinions = allOpinions(db).filter((o) => o.phoneKey !== null && keys.includes(o.phoneKey));
  const subjects = [
    ...keys.map(subject.notebook),
    ...(vip ? [subject.vip(vip.customer_id)] : []),
    ...opinions.flatMap((o) => [subject.opinion(o.id), subject.opinionPhone(o.id)]),
  ];
  const erased = vaultOf(db).keys.countKeys(subjects);
  commitThenShred(db, subjects, (erasure) =>
    // The opinions whose phones go: the opinion projector deletes their rows.
    hub.audit({ type: 'customer.erased', erasure, subjects: erased, ...(opinions.length > 0 && { opinions: opinions.map((o) => o.id) }) }, actor, (tx) => {
      const run = (sql: string, arg: string) => tx.prepare(sql).run(arg);
      if (vip) {
        run('DELETE FROM ticket_customers WHERE customer_id = ?', vip.customer_id);
        run('DELETE FROM vip_keys WHERE customer_id = ?', vip.customer_id);
        run('DELETE FROM vip_customers WHERE id = ?', vip.customer_id);
      }
      for (const key of keys) {
        run('DELETE FROM ticket_customers WHERE customer_key = ?', key);
        run('UPDATE appointments SET phone_key = NULL WHERE phone_key = ?', key);
      }
    }),
  );
  return { erased };
}

// A customer's right to deletion (PIPL): everything the hub holds under their card or phone
// number is erased by shredding its data keys: their VIP register entry (title and notes,
// and the arrival alerts that repeat them), their notebook entry, and the text and phone of
// opinions they left with that phone. The events keep their ciphertext, so the hash chain
// and verify are untouched; the erasure itself is an event carrying only the keyed hash.
import type { Opinion } from '../../common/records.js';
import { listRecords } from '../journal/record-store.js';
import type { Hub } from '../lobby/hub.js';
import { subject, vaultOf } from '../personal/vault.js';
import { branchSecret, customerKey, type IdentifierKind } from './customer-key.js';

export function eraseCustomer(hub: Hub, kind: IdentifierKind, number: string, actor: string): { erased: number } {
  const db = hub.ledger.db;
  const key = customerKey(branchSecret(db), kind, number);
  const vip = db.prepare('SELECT customer_id FROM vip_keys WHERE customer_key = ?').get(key) as { customer_id: string } | undefined;
  const opinions = kind === 'phone' ? listRecords<Opinion>(db, 'opinions').filter((o) => o.phoneKey === key) : [];
  const subjects = [
    subject.notebook(key),
    ...(vip ? [subject.vip(vip.customer_id)] : []),
    ...opinions.flatMap((o) => [subject.opinion(o.id), subject.opinionPhone(o.id)]),
  ];
  const erased = vaultOf(db).shred(subjects);
  hub.audit({ type: 'customer.erased', customerKey: key, subjects: erased }, actor, (tx) => {
    const del = tx.prepare('DELETE FROM opinion_phones WHERE opinion_id = ?');
    for (const o of opinions) del.run(o.id);
  });
  return { erased };
}

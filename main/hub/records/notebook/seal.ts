// A notebook entry's title and notes, sealed under the customer's own key: erasing that
// customer deletes one key. And the customer's keys: an enrolled hub keys a new note with
// the organisation's secret (shared with every branch), and still finds the notes it made
// before enrolment under its own branch secret (those stay local).
import type Database from 'better-sqlite3';
import { branchSecret, customerKey, type IdentifierKind } from '../../customers/customer-key.js';
import { readOrgSecret } from '../../office-link/org-key.js';
import { dataDirOf, subject, vaultOf } from '../../personal/vault.js';

export function keyOf(db: Database.Database, kind: IdentifierKind, number: string): string {
  return customerKey(branchSecret(db), kind, number);
}

/** The key a note is saved under: the organisation's when enrolled (then it is shared), else the branch's. */
export function saveKeyOf(db: Database.Database, kind: IdentifierKind, number: string): { customerKey: string; shared: boolean } {
  const org = readOrgSecret(dataDirOf(db));
  return org ? { customerKey: customerKey(org, kind, number), shared: true } : { customerKey: keyOf(db, kind, number), shared: false };
}

/** Where a lookup searches, in order: the shared key (newest practice) first, then the branch's own. */
export function lookupKeysOf(db: Database.Database, kind: IdentifierKind, number: string): string[] {
  const org = readOrgSecret(dataDirOf(db));
  return [...(org ? [customerKey(org, kind, number)] : []), keyOf(db, kind, number)];
}

export function sealNote(db: Database.Database, key: string, entry: { title: string; notes: string }): { title: string; notes: string } {
  const vault = vaultOf(db);
  return { title: vault.seal(subject.notebook(key), entry.title), notes: vault.seal(subject.notebook(key), entry.notes) };
}

// A notebook entry's title and notes, sealed under the customer's own key: erasing that
// customer deletes one key.
import type Database from 'better-sqlite3';
import { branchSecret, customerKey, type IdentifierKind } from '../../customers/customer-key.js';
import { subject, vaultOf } from '../../personal/vault.js';

export function keyOf(db: Database.Database, kind: IdentifierKind, number: string): string {
  return customerKey(branchSecret(db), kind, number);
}

export function sealNote(db: Database.Database, key: string, entry: { title: string; notes: string }): { title: string; notes: string } {
  const vault = vaultOf(db);
  return { title: vault.seal(subject.notebook(key), entry.title), notes: vault.seal(subject.notebook(key), entry.notes) };
}

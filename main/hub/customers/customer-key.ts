// Card and phone numbers are never stored: an HMAC keyed with the branch's own secret is the
// lookup key (VIP register, special-customer notebook, opinion book). Without the secret a
// stolen database cannot be matched against a list of numbers.
import type Database from 'better-sqlite3';
import { customerKey, type IdentifierKind } from '../../node/customer-key.js';
import { readOrgSecret } from '../office-link/org-key.js';
import { customerKeySecret } from '../personal/secret-file.js';
import { dataDirOf } from '../personal/vault.js';

// The hash itself is shared with head office (main/node/customer-key.ts).
export { customerKey, normaliseIdentifier, type IdentifierKind } from '../../node/customer-key.js';

/**
 * The branch secret, made once and kept in the key file beside the ledger (never in it).
 * Branches that share a notebook share this secret, so the same card gives the same key.
 */
export function branchSecret(db: Database.Database): string {
  return customerKeySecret(db, dataDirOf(db));
}

/**
 * The keys a number is found under: the branch's own, then, on a hub enrolled with head
 * office, the organisation's (the register the office publishes, shared notebook notes).
 */
export function lookupKeys(db: Database.Database, kind: IdentifierKind, value: string): string[] {
  const org = readOrgSecret(dataDirOf(db));
  return [customerKey(branchSecret(db), kind, value), ...(org ? [customerKey(org, kind, value)] : [])];
}

// Card and phone numbers are never stored: an HMAC keyed with the branch's own secret is the
// lookup key (VIP register, special-customer notebook, opinion book). Without the secret a
// stolen database cannot be matched against a list of numbers.
import { createHmac } from 'node:crypto';
import type Database from 'better-sqlite3';
import { customerKeySecret } from '../personal/secret-file.js';
import { dataDirOf } from '../personal/vault.js';

export type IdentifierKind = 'card' | 'phone';

/** Digits only: "138 0013-8000" and "13800138000" are the same phone; a +86 prefix is dropped. */
export function normaliseIdentifier(kind: IdentifierKind, value: string): string {
  let digits = value.replace(/\D/g, '');
  if (kind === 'phone' && digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return digits;
}

export function customerKey(secret: string, kind: IdentifierKind, value: string): string {
  return createHmac('sha256', secret).update(`${kind}:${normaliseIdentifier(kind, value)}`).digest('hex');
}

/**
 * The branch secret, made once and kept in the key file beside the ledger (never in it).
 * Branches that share a notebook share this secret, so the same card gives the same key.
 */
export function branchSecret(db: Database.Database): string {
  return customerKeySecret(db, dataDirOf(db));
}

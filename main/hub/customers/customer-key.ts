// Card and phone numbers are never stored: an HMAC keyed with the branch's own secret is the
// lookup key (VIP register, special-customer notebook, opinion book). Without the secret a
// stolen database cannot be matched against a list of numbers.
import { createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

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
 * The branch secret, made once and kept in the settings table. Branches that share a
 * notebook share this secret (exported with it), so the same card gives the same key.
 */
export function branchSecret(db: Database.Database): string {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'branch.secret'").get() as { value: string } | undefined;
  if (row) return row.value;
  const secret = randomBytes(32).toString('hex');
  db.prepare("INSERT INTO settings (key, value) VALUES ('branch.secret', ?)").run(secret);
  return secret;
}

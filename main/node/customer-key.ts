// The keyed hash that stands for a card or phone number wherever one is looked up: the hub's
// (VIP register, notebook, opinions, keyed with its branch secret or the organisation's) and
// head office's (the VIP register it publishes, keyed with the organisation's secret). One
// function, so the office and every hub key a number alike.
import { createHmac } from 'node:crypto';

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

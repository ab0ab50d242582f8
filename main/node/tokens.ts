// Bearer tokens and pairing codes: random, shown once, stored only as SHA-256 hashes.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// No 0/O, 1/I/L: the code is read off one screen and typed into another.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newPairingCode(length = 8): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Codes are typed by people: ignore case, spaces and dashes. */
export function normalisePairingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

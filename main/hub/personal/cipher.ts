// One personal field sealed with AES-256-GCM under its subject's data key. The sealed form
// is a plain string, so it rides in events, projection rows and JSON columns where the
// plaintext used to, and the hash chain hashes it like any other text: deleting the key
// later leaves the chain (and verify) as sound as before.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const SEALED_PREFIX = 'enc1.';
const PREFIX = SEALED_PREFIX;
const SEALED = /^enc1\.([0-9a-f]{32})\.([A-Za-z0-9_-]{38,})$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const isSealed = (value: string): boolean => value.startsWith(PREFIX) && SEALED.test(value);

export function seal(keyId: string, key: Buffer, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The key id is authenticated too: a sealed value moved under another id does not open.
  cipher.setAAD(Buffer.from(keyId));
  const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${keyId}.${body.toString('base64url')}`;
}

/** The key id a sealed value names, or null when the value is not sealed. */
export function keyIdOf(value: string): string | null {
  return SEALED.exec(value)?.[1] ?? null;
}

/** The plaintext, or null when the value does not open with this key (edited or foreign). */
export function unseal(value: string, key: Buffer): string | null {
  const m = SEALED.exec(value);
  if (!m) return null;
  const body = Buffer.from(m[2]!, 'base64url');
  if (body.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(m[1]!));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

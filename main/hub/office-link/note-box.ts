// A shared note's text on its way through head office: AES-256-GCM under a key derived from
// the organisation's secret, so the office's database holds no clear text (as it holds no
// clear identifier) and only a hub with the organisation's key file opens it.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const keyOf = (orgSecret: string) => Buffer.from(hkdfSync('sha256', Buffer.from(orgSecret, 'hex'), Buffer.alloc(0), 'atrium-notebook-text-v1', 32));

export function sealBox(orgSecret: string, text: { title: string; notes: string }): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(orgSecret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(text), 'utf8'), cipher.final()]);
  return `box1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** Null when the box was not made with this secret or was altered. */
export function openBox(orgSecret: string, box: string): { title: string; notes: string } | null {
  if (!box.startsWith('box1.')) return null;
  const raw = Buffer.from(box.slice(5), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(orgSecret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as { title?: unknown; notes?: unknown };
    return typeof text.title === 'string' && typeof text.notes === 'string' ? { title: text.title, notes: text.notes } : null;
  } catch {
    return null;
  }
}

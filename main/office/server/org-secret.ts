// The organisation's customer-key secret: made at the office's first start and kept in a key
// file in its data folder (mode 0600), never in the database, so a stolen database or backup
// of it cannot be matched against a list of card or phone numbers. Enrolment hands it to each
// hub over the pinned connection, so every branch keys a shared note's customer alike.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ORG_SECRET_FILE = 'org-key.secret';

export function orgSecret(dataDir: string): string {
  const file = path.join(dataDir, ORG_SECRET_FILE);
  if (!existsSync(file)) {
    // 'wx': two offices starting on one folder never make two secrets.
    try {
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(secret)) throw new Error(`${file} does not hold the organisation's secret (64 hexadecimal characters); restore it from the backup.`);
  return secret;
}

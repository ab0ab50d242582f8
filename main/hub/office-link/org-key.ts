// The organisation's customer-key secret, given by head office at enrolment: kept in its own
// key file beside the branch's (DATA/org-key.secret, 0600), never in atrium.db, for the same
// reason (a database with the secret beside its keyed hashes is brute-forced in seconds).
// Shared notebook notes are keyed with it, so the same card gives the same key at every branch.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { requirePrivateFile } from '../storage/private-files.js';
import { writeFileAtomically } from './link-file.js';

export const ORG_KEY_FILE = 'org-key.secret';

export function readOrgSecret(dataDir: string): string | null {
  const file = path.join(dataDir, ORG_KEY_FILE);
  if (!existsSync(file)) return null;
  requirePrivateFile(file);
  const secret = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(secret)) throw new Error(`${file} does not hold the organisation's secret; enrol this branch again.`);
  return secret;
}

export function writeOrgSecret(dataDir: string, secret: string): void {
  writeFileAtomically(path.join(dataDir, ORG_KEY_FILE), `${secret}\n`, 0o600);
}

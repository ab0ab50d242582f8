// The data folder's secrets must be this user's alone: the TLS private key (and its folder),
// the customer-key secret and the personal-data key store. A hub finding one open to the
// group or to others refuses to start, as ssh refuses a private key with loose modes: the
// key may already have been read, and only a person can judge whether to replace it, so
// tightening it quietly would hide the very thing to look at.
import { closeSync, fchmodSync, lstatSync, openSync, type Stats } from 'node:fs';
import path from 'node:path';
import { StorageFault } from './faults.js';

/** Relative to the data folder: the secrets, and the folder that holds the TLS key. */
export const PRIVATE_FILES = ['tls/key.pem', 'customer-key.secret', 'personal-keys.db', 'office-link.json', 'org-key.secret'];
export const PRIVATE_FOLDERS = ['tls'];

const OPEN_TO_OTHERS = 0o077;

function statOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

/** Throws one sentence naming every secret of `dataDir` that others may read; missing ones are fine. */
export function requirePrivateSecrets(dataDir: string): void {
  const loose: { name: string; mode: number; folder: boolean }[] = [];
  for (const name of PRIVATE_FOLDERS) {
    const st = statOrNull(path.join(dataDir, name));
    if (st && st.mode & OPEN_TO_OTHERS) loose.push({ name, mode: st.mode, folder: true });
  }
  for (const name of PRIVATE_FILES) {
    const st = statOrNull(path.join(dataDir, name));
    if (st && st.mode & OPEN_TO_OTHERS) loose.push({ name, mode: st.mode, folder: false });
  }
  if (loose.length === 0) return;
  const listed = loose.map((l) => `${l.name} ${octal(l.mode)}`).join(', ');
  const commands = loose.map((l) => `chmod ${l.folder ? '700' : '600'} ${path.join(dataDir, l.name)}`).join(' && ');
  throw new StorageFault(
    `Secrets in ${dataDir} are open to other users of this machine (${listed}): treat them as possibly read, replace them if that matters, then run \`${commands}\` and start again.`,
  );
}

/** Throws when the one secret file `file` is open to other users (for commands that read a secret without starting a hub). */
export function requirePrivateFile(file: string): void {
  const st = statOrNull(file);
  if (st && st.mode & OPEN_TO_OTHERS) {
    throw new StorageFault(`${file} is open to other users of this machine (${octal(st.mode)}): treat it as possibly read, then run \`chmod 600 ${file}\` and try again.`);
  }
}

/** A new file for secrets, 0600 from its first byte whatever the umask; fails if it exists. */
export function createPrivateFile(file: string): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    // The umask can only take bits away from 0600, but say it exactly.
    fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}

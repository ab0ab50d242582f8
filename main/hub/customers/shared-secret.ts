// Branches of one organisation share the special-customer notebook only if their customer
// keys match, that is, if their hubs use the same branch secret. IT copies the first hub's
// secret to the others before those have keyed anything: changing it later would orphan
// every VIP register entry and notebook note keyed with the old one, so that is refused.
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Ledger } from '../ledger/index.js';
import { sha256hex } from '../ledger/index.js';
import { secretPath, writeSecretFile } from '../personal/secret-file.js';
import { dataDirOf } from '../personal/vault.js';
import { branchSecret } from './customer-key.js';
import { tablesHoldingCustomerKeys } from './customers-projector.js';
import { DomainError } from '../../common/errors.js';
import { settingChanged } from '../settings/settings-projector.js';

/**
 * A database whose customers are keyed, without the key file beside it (atrium.db copied or
 * restored alone), must not start: a new secret would silently orphan every key.
 */
export function requireSecretFile(db: Database.Database, dataDir: string): void {
  const keyed = existsSync(secretPath(dataDir)) ? [] : tablesHoldingCustomerKeys(db);
  if (keyed.length > 0) {
    throw new Error(`${secretPath(dataDir)} is missing, though this database holds customer keys (${keyed.join(', ')}); restore it, with personal-keys.db, from the backup of this data folder.`);
  }
}

/** A hash of the secret that cannot be turned back into it: notebook files carry this. */
export function fingerprintOf(secret: string): string {
  return sha256hex(`atrium-notebook-fingerprint:${secret}`).slice(0, 16);
}

export function showSecret(ledger: Ledger): { secret: string; fingerprint: string } {
  const secret = branchSecret(ledger.db);
  return { secret, fingerprint: fingerprintOf(secret) };
}

/**
 * Writes another branch's secret into the key file and gives the event that records it (its
 * fingerprint, never the secret: the ledger is shipped to head office); the caller commits
 * it, the CLI to the ledger, the hub through its audit. Refused once customer keys exist and
 * the secret differs. The check and the write are one synchronous step, so on the hub's one
 * thread no key can be made between them; keys are made from the file at each use, so every
 * key after it uses the new secret.
 */
export function writeSharedSecret(db: Database.Database, secret: string): { fingerprint: string; event: ReturnType<typeof settingChanged> } {
  if (!/^[0-9a-f]{64}$/.test(secret)) throw new DomainError('invalid', 'invalid_secret', 'The secret is 64 hexadecimal characters, as `customer-secret --show` prints it on the first hub.');
  const keyed = tablesHoldingCustomerKeys(db);
  if (keyed.length > 0 && branchSecret(db) !== secret) {
    throw new DomainError('conflict', 'customers_keyed', `This hub already holds customer keys (${keyed.join(', ')}); changing the secret would orphan them. Set the shared secret before importing VIPs or notes.`);
  }
  const fingerprint = fingerprintOf(secret);
  // The key file first: an event naming a secret the hub does not hold would be a lie.
  writeSecretFile(dataDirOf(db), secret);
  // Its own key: a settings row 'branch.secret' is an older hub's secret, moved out on start.
  return { fingerprint, event: settingChanged(SECRET_FINGERPRINT_SETTING, fingerprint) };
}

export const SECRET_FINGERPRINT_SETTING = 'branch.secret_fingerprint';

/** The CLI's `customer-secret --set`, with the hub stopped. */
export function setSharedSecret(ledger: Ledger, secret: string, actor: string, now = Date.now()): { fingerprint: string } {
  const { fingerprint, event } = writeSharedSecret(ledger.db, secret);
  ledger.append([{ event, actor }], now);
  return { fingerprint };
}

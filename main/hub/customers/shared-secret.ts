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

export function setSharedSecret(ledger: Ledger, secret: string, actor: string, now = Date.now()): { fingerprint: string } {
  if (!/^[0-9a-f]{64}$/.test(secret)) throw new Error('The secret is 64 hexadecimal characters, as `customer-secret --show` prints it on the first hub.');
  const keyed = tablesHoldingCustomerKeys(ledger.db);
  if (keyed.length > 0 && branchSecret(ledger.db) !== secret) {
    throw new Error(`This hub already holds customer keys (${keyed.join(', ')}); changing the secret would orphan them. Set the shared secret before importing VIPs or notes.`);
  }
  const fingerprint = fingerprintOf(secret);
  // The key file first: an event naming a secret the hub does not hold would be a lie.
  writeSecretFile(dataDirOf(ledger.db), secret);
  // The event carries the fingerprint, never the secret: the ledger is shipped to head office.
  // Its own key: a settings row 'branch.secret' is an older hub's secret, moved out on start.
  ledger.append([{ event: { type: 'settings.changed', key: 'branch.secret_fingerprint', value: fingerprint }, actor }], now);
  return { fingerprint };
}

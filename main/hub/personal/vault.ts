// Sealing and opening personal fields for the hub. Features seal a field before it goes
// into an event (so the event, its projection row and the live state all hold the same
// ciphertext, and verify compares them as before); answers are opened at the edge, once
// REST or the feed has decided the reader may see them (openAll on the whole answer).
import path from 'node:path';
import type Database from 'better-sqlite3';
import { isSealed, keyIdOf, seal, unseal } from './cipher.js';
import { KeyStore } from './key-store.js';

/** What a field reads as once its key was deleted. */
export const ERASED = '已删除 / erased';

/**
 * Subjects: one data key each. Deleting one erases what it sealed and nothing else, so a
 * subject is the unit of a deletion request (a customer) or of a retention rule (a phone).
 */
export const subject = {
  vip: (customerId: string) => `vip:${customerId}`,
  notebook: (customerKey: string) => `notebook:${customerKey}`,
  opinion: (id: string) => `opinion:${id}`,
  opinionPhone: (id: string) => `opinion-phone:${id}`,
  complaint: (id: string) => `complaint:${id}`,
  /** A fraud intervention's note. */
  intervention: (id: string) => `intervention:${id}`,
  card: (id: string) => `card:${id}`,
  worklog: (id: string) => `worklog:${id}`,
  ticket: (id: string) => `ticket:${id}`,
  /** A booking by phone: the sealed phone key, shredded when that phone's customer is erased. */
  appointment: (code: string) => `appointment:${code}`,
};

export class Vault {
  constructor(readonly keys: KeyStore) {}

  /** Empty text stays empty: "no note" is not personal and reads the same everywhere. */
  seal(subjectName: string, plaintext: string): string {
    if (plaintext === '') return '';
    const { id, key } = this.keys.keyFor(subjectName);
    return seal(id, key, plaintext);
  }

  /** The plaintext of a sealed value, ERASED when its key is gone; other text as it is. */
  open(value: string, keys: (id: string) => Buffer | null = (id) => this.keys.keyById(id)): string {
    return openWith(value, keys);
  }

  /** A copy of an answer with every sealed string in it opened; the answer itself when it holds none. */
  openAll<T>(value: T): T {
    if (!holdsSealed(value)) return value;
    // One look-up per key within an answer: a list of a customer's records shares a few keys.
    const found = new Map<string, Buffer | null>();
    const keys = (id: string): Buffer | null => {
      if (!found.has(id)) found.set(id, this.keys.keyById(id));
      return found.get(id)!;
    };
    return openDeep(value, (s) => this.open(s, keys)) as T;
  }

  shred(subjects: string[]): number {
    return this.keys.shred(subjects);
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;

/** Walks without copying: most answers (the lobby, tickets, reports) hold nothing sealed. */
function holdsSealed(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('enc1.');
  if (Array.isArray(value)) {
    for (const v of value) if (holdsSealed(v)) return true;
    return false;
  }
  if (isPlainObject(value)) {
    for (const k in value) if (holdsSealed(value[k])) return true;
  }
  return false;
}

function openDeep(value: unknown, open: (s: string) => string): unknown {
  if (typeof value === 'string') return value.startsWith('enc1.') ? open(value) : value;
  if (Array.isArray(value)) return value.map((v) => openDeep(v, open));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = openDeep(v, open);
    return out;
  }
  return value;
}

// One vault per ledger connection, beside its database file: every feature that holds the
// ledger's handle reaches the same key store without new parameters through the write paths.
const vaults = new WeakMap<Database.Database, Vault>();
// A database rebuilt in memory (verify) opens sealed values with the key store of the folder
// it was rebuilt from (or of the backup it came from); resolved only when a projector asks,
// so verifying a ledger that never sealed anything opens no key store.
const borrowed = new WeakMap<Database.Database, () => Opener>();

/** What a projector needs of the vault: opening a sealed value it derives a row from. */
export interface Opener {
  open(value: string): string;
}

function openWith(value: string, keys: (id: string) => Buffer | null): string {
  if (!isSealed(value)) return value;
  const key = keys(keyIdOf(value)!);
  return (key && unseal(value, key)) ?? ERASED;
}

/** Opens with keys looked up by id (a key store read without writing, or none at all). */
export function openerWithKeys(keyById: (id: string) => Buffer | null): Opener {
  return { open: (value) => openWith(value, keyById) };
}

/** Makes `db` (a rebuild in memory) open sealed values with what `from` gives. */
export function bindVault(db: Database.Database, from: () => Opener): void {
  borrowed.set(db, from);
}

/** The opener projectors use: the one bound to a rebuild, or the ledger's own vault. */
export function openerOf(db: Database.Database): Opener {
  return borrowed.get(db)?.() ?? vaultOf(db);
}

export function dataDirOf(db: Database.Database): string {
  return path.dirname(db.name);
}

export function vaultOf(db: Database.Database): Vault {
  let v = vaults.get(db);
  if (!v) {
    v = new Vault(new KeyStore(dataDirOf(db)));
    vaults.set(db, v);
  }
  return v;
}

/** Closes the key store opened for this ledger connection, if any. */
export function closeVault(db: Database.Database): void {
  vaults.get(db)?.keys.close();
  vaults.delete(db);
}

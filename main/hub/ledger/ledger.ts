// The ledger: one SQLite file holding the hash-chained events and the projections that
// are written in the same transaction as the events that change them.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { LedgerEvent, StoredEvent } from '../../common/events.js';
import { canonicalJson } from '../../common/canonical.js';
import { eventHash, GENESIS_HASH } from '../../node/chain-hash.js';
import { migrate } from './migrate.js';
import type { Projector } from './projector.js';
import { eventData, iterateEvents, iterateEventsOfType } from './rows.js';

export const DB_FILE = 'atrium.db';

export interface LedgerEntry {
  event: LedgerEvent;
  /** staff id or device id that caused it; null for the hub itself */
  actor: string | null;
}

export interface Ledger {
  /** The handle, for reads: every write goes through append. */
  readonly db: Database.Database;
  readonly file: string;
  /** The migrations this opening applied (none for a folder already up to date). */
  readonly migrated: readonly number[];
  /** The projectors every append runs, in this order. */
  readonly projectors: readonly Projector[];
  /** Appends the events and the rows the projectors derive from them in ONE transaction: all of it is written, or none. */
  append(entries: LedgerEntry[], at: number): StoredEvent[];
  /** seq of the last event, 0 when there is none. */
  lastSeq(): number;
  readEvents(fromSeq?: number): StoredEvent[];
  /** The events whose type starts with `prefix`, in seq order: a year's ledger is not parsed to find a few. */
  readEventsOfType(prefix: string): StoredEvent[];
  close(): void;
}

/** Opens a connection with the settings every Atrium connection needs. */
export function openDatabase(file: string, options: { fileMustExist?: boolean } = {}): Database.Database {
  const db = new Database(file, { fileMustExist: options.fileMustExist ?? false });
  try {
    // WAL lets the live feed and `atrium verify` read while the hub writes; FULL makes a
    // commit survive power loss, not just a crash of the process.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (err) {
    // A file that is not a database (or a folder that is read-only) fails here: do not leak the handle.
    db.close();
    throw err;
  }
  return db;
}

/** Opens (and migrates) the ledger of a data folder; `projectors` derive the tables from each append. */
export function openLedger(dataDir: string, projectors: readonly Projector[] = []): Ledger {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE);
  const db = openDatabase(file);
  let migrated: number[];
  try {
    migrated = migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }

  const head = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO events (seq, type, at, actor, data, prev_hash, hash) VALUES (@seq, @type, @at, @actor, @data, @prev_hash, @hash)',
  );
  const setHead = db.prepare(
    'INSERT INTO ledger_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
  );

  // IMMEDIATE takes the write lock at BEGIN, so the seq and prev_hash read below cannot be
  // overtaken by another writer before the insert.
  const appendTx = db.transaction((entries: LedgerEntry[], at: number): StoredEvent[] => {
    const last = head.get() as { seq: number; hash: string } | undefined;
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const stored: StoredEvent[] = [];
    for (const { event, actor } of entries) {
      seq += 1;
      const data = eventData(event);
      const dataJson = canonicalJson(data);
      const hash = eventHash(prevHash, { seq, type: event.type, at, actor, data });
      insert.run({ seq, type: event.type, at, actor, data: dataJson, prev_hash: prevHash, hash });
      // Returned as it will read back from the table (undefined members dropped).
      const one = { ...(JSON.parse(dataJson) as object), type: event.type, seq, at, actor } as StoredEvent;
      for (const projector of projectors) projector.apply(db, one);
      stored.push(one);
      prevHash = hash;
    }
    if (entries.length > 0) setHead.run(seq, prevHash);
    return stored;
  });

  return {
    db,
    file,
    migrated,
    projectors,
    append(entries, at) {
      // A fractional or huge time would be stored as REAL and hash differently on replay.
      if (!Number.isSafeInteger(at)) throw new TypeError(`ledger.append: at must be an integer (epoch ms), got ${at}`);
      const saved = projectors.map((p) => p.save?.());
      try {
        return appendTx.immediate(entries, at);
      } catch (err) {
        // The rows rolled back with the events; what a projector holds in memory goes back too.
        projectors.forEach((p, i) => p.restore?.(saved[i]));
        throw err;
      }
    },
    lastSeq() {
      return (head.get() as { seq: number } | undefined)?.seq ?? 0;
    },
    readEvents(fromSeq = 1) {
      return [...iterateEvents(db, fromSeq)];
    },
    readEventsOfType(prefix) {
      return [...iterateEventsOfType(db, prefix)];
    },
    close() {
      db.close();
    },
  };
}

// A projector turns committed events into the rows of the tables it owns. Every table of the
// database is owned by exactly one projector (or is the ledger itself), so `rebuild` can make
// every table from the events alone and `verify` can compare every table with a rebuild.
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../common/events.js';

export interface Projector {
  /** Names the projector in verify's answers and in the registry test. */
  readonly name: string;
  /** The tables this projector alone writes. */
  readonly tables: readonly string[];
  /**
   * Applies one event, inside the append's transaction, in seq order. Events it does not
   * follow are ignored. It must derive everything from the event (and the rows it wrote
   * before): a rebuild runs it over the same events and must get the same rows.
   */
  apply(db: Database.Database, event: StoredEvent): void;
  /**
   * A projector that keeps state in memory (the lobby) hands it out before a transaction and
   * takes it back if the transaction fails, so memory never runs ahead of the file.
   */
  save?(): unknown;
  restore?(saved: unknown): void;
}

/** The ledger's own tables: the chain and the schema version, checked by verify's first pass. */
export const LEDGER_TABLES = ['events', 'ledger_head', 'schema_migrations'] as const;

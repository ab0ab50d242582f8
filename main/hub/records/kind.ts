// What a record kind is: its projector (the tables it alone writes, from its events) and its
// routes. A kind's rows are JSON documents (document-projector.ts) written by `reduce`, which runs
// over SQLite inside the append's transaction and over memory when reports and verify replay
// the events; a kind with a table of another shape writes it in `applyOwn`.
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../common/events.js';
import type { RecordsEvent } from '../../common/records.js';
import type { Projector } from '../ledger/projector.js';
import { sqlStore, type RecordStore } from './document-projector.js';
import type { RecordRoute } from './route.js';

export interface RecordsProjector extends Projector {
  /** The document tables among `tables`. */
  readonly documents: readonly string[];
  /** The kind's document rows for one event (events of other kinds are ignored). */
  reduce(store: RecordStore, event: StoredEvent): void;
}

export interface RecordKind {
  readonly name: string;
  readonly projector: RecordsProjector;
  readonly routes: readonly RecordRoute[];
}

export function recordsProjector(spec: {
  name: string;
  documents: readonly string[];
  /** Tables of the kind that are not document tables, written by applyOwn. */
  own?: readonly string[];
  reduce(store: RecordStore, event: StoredEvent<RecordsEvent>): void;
  applyOwn?(db: Database.Database, event: StoredEvent): void;
}): RecordsProjector {
  return {
    name: spec.name,
    tables: [...spec.documents, ...(spec.own ?? [])],
    documents: spec.documents,
    reduce: (store, event) => spec.reduce(store, event as StoredEvent<RecordsEvent>),
    apply(db, event) {
      spec.reduce(sqlStore(db), event as StoredEvent<RecordsEvent>);
      spec.applyOwn?.(db, event);
    },
  };
}

/** Applies `change` to a stored document, if there is one. */
export function update<T extends object>(store: RecordStore, table: string, key: string, change: (doc: T) => T): void {
  const doc = store.get<T>(table, key);
  // An event about a record that does not exist cannot come from the routes; on replay the
  // projection comparison names the resulting difference, so it is skipped here.
  if (doc) store.put(table, key, change(doc));
}

// The records' projector: checklists, faults, work log, opinions, complaints, notebook, cards
// and day-close overrides, each a JSON document row per record (record-store.ts).
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../common/events.js';
import type { RecordsEvent } from '../../common/records.js';
import type { Projector } from '../ledger/projector.js';
import { RECORD_TABLES, sqlStore } from './record-store.js';
import { applyRecordsEvent, isRecordsEventType } from './records-reducer.js';

export const recordsProjector: Projector = {
  name: 'records',
  tables: RECORD_TABLES,
  apply(db: Database.Database, event: StoredEvent): void {
    if (isRecordsEventType(event.type)) applyRecordsEvent(sqlStore(db), event as StoredEvent<RecordsEvent>);
  },
};

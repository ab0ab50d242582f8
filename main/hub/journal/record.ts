// Appending a records event: the event, its projection rows (and any plain-table write, such
// as an opinion's phone) in the ledger's one transaction, so none is written without the other.
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../common/events.js';
import type { RecordsEvent } from '../../common/records.js';
import type { Hub } from '../lobby/hub.js';
import { rowToStored, type EventRow } from '../ledger/rows.js';
import { applyRecordsEvent } from './records-reducer.js';
import { sqlStore } from './record-store.js';

export function recordEvent(hub: Hub, event: RecordsEvent, actor: string | null, alsoWrite?: (db: Database.Database) => void): StoredEvent<RecordsEvent> {
  const [stored] = hub.audit(event, actor, (db) => {
    // The projection reads the event back as appended, so it sees the same time and actor
    // that a replay of the ledger will.
    const row = db.prepare('SELECT seq, type, at, actor, data, prev_hash, hash FROM events ORDER BY seq DESC LIMIT 1').get() as EventRow;
    applyRecordsEvent(sqlStore(db), rowToStored(row) as StoredEvent<RecordsEvent>);
    alsoWrite?.(db);
  });
  return stored as StoredEvent<RecordsEvent>;
}

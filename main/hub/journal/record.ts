// Appending a records event: the records projector writes its rows in the same transaction.
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../common/events.js';
import type { RecordsEvent } from '../../common/records.js';
import type { Hub } from '../lobby/hub.js';

export function recordEvent(hub: Hub, event: RecordsEvent, actor: string | null, alsoWrite?: (db: Database.Database) => void): StoredEvent<RecordsEvent> {
  const [stored] = hub.audit(event, actor, alsoWrite);
  return stored as StoredEvent<RecordsEvent>;
}

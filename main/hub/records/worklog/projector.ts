// The work log: its entries and completed days, the rows each event makes, the reads.
import type Database from 'better-sqlite3';
import type { WorklogDay, WorklogEntry } from '../../../common/records.js';
import { listRecords, sqlStore } from '../document-projector.js';
import { recordsProjector, update } from '../kind.js';

export const worklogProjector = recordsProjector({
  name: 'worklog',
  documents: ['worklog_entries', 'worklog_days'],
  reduce(store, e) {
    const { at, actor: by } = e;
    switch (e.type) {
      case 'worklog.added':
        store.put('worklog_entries', e.id, { id: e.id, date: e.date, kind: e.kind, text: e.text, followUpDue: e.followUpDue, answer: null, answeredAt: null, at, by } satisfies WorklogEntry);
        return;
      case 'worklog.answered':
        update<WorklogEntry>(store, 'worklog_entries', e.id, (w) => ({ ...w, answer: e.answer, answeredAt: at }));
        return;
      case 'worklog.day_completed':
        store.put('worklog_days', e.date, { date: e.date, completedAt: at, completedBy: by, staffOnDuty: e.staffOnDuty, figures: e.figures } satisfies WorklogDay);
        return;
    }
  },
});

export function findEntry(db: Database.Database, id: string): WorklogEntry | undefined {
  return sqlStore(db).get<WorklogEntry>('worklog_entries', id);
}

/** Every entry, newest first, or one day's. */
export function worklogEntries(db: Database.Database, date?: string): WorklogEntry[] {
  return listRecords<WorklogEntry>(db, 'worklog_entries', date === undefined ? {} : { date });
}

export function worklogDay(db: Database.Database, date: string): WorklogDay | undefined {
  return sqlStore(db).get<WorklogDay>('worklog_days', date);
}

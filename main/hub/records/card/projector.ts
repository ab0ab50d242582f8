// Referral and care cards: the table, the rows each event makes, the reads.
import type Database from 'better-sqlite3';
import type { CareCard } from '../../../common/records.js';
import { listRecords, sqlStore } from '../document-projector.js';
import { recordsProjector, update } from '../kind.js';

export const cardProjector = recordsProjector({
  name: 'cards',
  documents: ['care_cards'],
  reduce(store, e) {
    const { at, actor: by } = e;
    switch (e.type) {
      case 'card.created':
        store.put('care_cards', e.id, {
          id: e.id,
          kind: e.kind,
          date: e.date,
          title: e.title,
          need: e.need,
          assignedTo: e.assignedTo,
          dueDate: e.dueDate,
          status: 'open',
          followUps: [],
          createdAt: at,
          createdBy: by,
          closedAt: null,
          outcome: null,
        } satisfies CareCard);
        return;
      case 'card.followed_up':
        update<CareCard>(store, 'care_cards', e.id, (c) => ({ ...c, status: 'contacted', followUps: [...c.followUps, { at, by, note: e.note }] }));
        return;
      case 'card.closed':
        update<CareCard>(store, 'care_cards', e.id, (c) => ({ ...c, status: 'closed', closedAt: at, outcome: e.outcome }));
        return;
    }
  },
});

export function findCard(db: Database.Database, id: string): CareCard | undefined {
  return sqlStore(db).get<CareCard>('care_cards', id);
}

/** Every card, newest first, or those of one status. */
export function cards(db: Database.Database, status?: CareCard['status']): CareCard[] {
  return listRecords<CareCard>(db, 'care_cards', status === undefined ? {} : { status });
}

// Complaints: the table, the rows each event makes, the reads.
import type Database from 'better-sqlite3';
import type { Complaint } from '../../../common/records.js';
import { listRecords, sqlStore } from '../document-projector.js';
import { recordsProjector, update } from '../kind.js';
import { addDays } from '../settings.js';

export const complaintProjector = recordsProjector({
  name: 'complaints',
  documents: ['complaints'],
  reduce(store, e) {
    const { at, actor: by } = e;
    switch (e.type) {
      case 'complaint.opened':
        store.put('complaints', e.complaint.id, {
          ...e.complaint,
          openedAt: at,
          owner: by,
          status: 'open',
          escalatedAt: null,
          resolution: null,
          resolvedAt: null,
          resolvedBy: null,
          signedAt: null,
          signedBy: null,
          contentHash: null,
        } satisfies Complaint);
        return;
      case 'complaint.escalated':
        update<Complaint>(store, 'complaints', e.id, (c) => ({ ...c, status: 'escalated', escalatedAt: at }));
        return;
      case 'complaint.resolved':
        update<Complaint>(store, 'complaints', e.id, (c) => ({ ...c, status: 'resolved', resolution: e.resolution, resolvedAt: at, resolvedBy: by }));
        return;
      case 'complaint.signed':
        update<Complaint>(store, 'complaints', e.id, (c) => ({ ...c, status: 'closed', signedAt: at, signedBy: by, contentHash: e.contentHash }));
        return;
    }
  },
});

export function findComplaint(db: Database.Database, id: string): Complaint | undefined {
  return sqlStore(db).get<Complaint>('complaints', id);
}

export function complaintsWith(db: Database.Database, status: Complaint['status']): Complaint[] {
  return listRecords<Complaint>(db, 'complaints', { status });
}

/** Complaints of a date range, with the older ones not yet closed, newest first. */
export function complaintsFrom(db: Database.Database, from: string, to?: string): Complaint[] {
  const inRange = listRecords<Complaint>(db, 'complaints', { dateFrom: from, dateTo: to });
  const older = listRecords<Complaint>(db, 'complaints', { dateTo: addDays(from, -1) }).filter((c) => c.status !== 'closed');
  return [...older, ...inRange].sort((a, b) => b.openedAt - a.openedAt);
}

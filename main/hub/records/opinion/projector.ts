// The opinion book: the opinions (documents) and the phones left with them (opinion_phones,
// one sealed phone per opinion). The phone row comes from the sealed phone the recording
// event carries and goes with the purge or the customer's erasure, so it is a projection like
// the rest; the purge and the erasure also shred the phone's key, so the sealed copy in the
// event reads as erased forever after.
import type Database from 'better-sqlite3';
import type { Opinion } from '../../../common/records.js';
import { listRecords, sqlStore } from '../document-projector.js';
import { recordsProjector, update } from '../kind.js';

export type OpinionView = Opinion & { phone?: string | null };

export const opinionProjector = recordsProjector({
  name: 'opinions',
  documents: ['opinions'],
  own: ['opinion_phones'],
  reduce(store, e) {
    const { at, actor: by } = e;
    switch (e.type) {
      case 'opinion.recorded':
        store.put('opinions', e.id, {
          id: e.id,
          date: e.date,
          source: e.source,
          theme: e.theme,
          text: e.text,
          hasPhone: e.phoneKey !== null,
          phoneKey: e.phoneKey,
          dueDate: e.dueDate,
          recordedAt: at,
          recordedBy: by,
          reply: null,
          repliedAt: null,
          repliedBy: null,
          signedAt: null,
          signedBy: null,
          contentHash: null,
          phonePurgedAt: null,
          status: 'open',
        } satisfies Opinion);
        return;
      case 'opinion.replied':
        update<Opinion>(store, 'opinions', e.id, (o) => ({ ...o, reply: e.reply, repliedAt: at, repliedBy: by, status: 'replied' }));
        return;
      case 'opinion.signed':
        update<Opinion>(store, 'opinions', e.id, (o) => ({ ...o, signedAt: at, signedBy: by, contentHash: e.contentHash, status: 'signed' }));
        return;
      case 'opinion.phone_purged':
        for (const id of e.ids) update<Opinion>(store, 'opinions', id, (o) => ({ ...o, phonePurgedAt: at }));
        return;
    }
  },
  applyOwn(db, e) {
    const drop = (ids: readonly string[]) => {
      const del = db.prepare('DELETE FROM opinion_phones WHERE opinion_id = ?');
      for (const id of ids) del.run(id);
    };
    if (e.type === 'opinion.recorded' && e.phone) db.prepare('INSERT INTO opinion_phones (opinion_id, phone) VALUES (?, ?)').run(e.id, e.phone);
    else if (e.type === 'opinion.phone_purged') drop(e.ids);
    else if (e.type === 'customer.erased' && e.opinions) drop(e.opinions);
  },
});

export function findOpinion(db: Database.Database, id: string): Opinion | undefined {
  return sqlStore(db).get<Opinion>('opinions', id);
}

export function opinionsWith(db: Database.Database, status: Opinion['status']): Opinion[] {
  return listRecords<Opinion>(db, 'opinions', { status });
}

/** Every opinion, newest first. */
export function allOpinions(db: Database.Database): Opinion[] {
  return listRecords<Opinion>(db, 'opinions');
}

/** Opinions of a date range with their phones, for those who may see them (the routes' readers: manager, supervisor). */
export function listOpinions(db: Database.Database, range: { dateFrom?: string; dateTo?: string }): OpinionView[] {
  const list = listRecords<Opinion>(db, 'opinions', { dateFrom: range.dateFrom, dateTo: range.dateTo });
  const phone = db.prepare('SELECT phone FROM opinion_phones WHERE opinion_id = ?');
  return list.map((o) => ({ ...o, phone: o.hasPhone ? ((phone.get(o.id) as { phone: string } | undefined)?.phone ?? null) : null }));
}

/** The opinions whose phone is still kept. */
export function opinionsWithPhone(db: Database.Database): Opinion[] {
  const rows = db.prepare('SELECT opinion_id FROM opinion_phones').all() as { opinion_id: string }[];
  return rows.map((r) => findOpinion(db, r.opinion_id)).filter((o): o is Opinion => !!o);
}

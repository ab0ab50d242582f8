// The opinion book and box (客户意见簿/意见箱). A phone left with an opinion makes the reply
// due the same day; otherwise within the configured days. The phone is kept apart from the
// events (which are forever): shown only to the manager and supervisor, deleted a configured
// number of days after the reply by a purge that is itself an event.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Opinion, OpinionTheme } from '../../common/records.js';
import { checkSignerPin } from '../checklist/checklists.js';
import { branchSecret, customerKey } from '../customers/customer-key.js';
import type { Hub } from '../lobby/hub.js';
import { commitThenShred } from '../personal/shred-after.js';
import { subject, vaultOf } from '../personal/vault.js';
import { DomainError } from '../../common/errors.js';
import { recordEvent } from './record.js';
import { listRecords, sqlStore } from './record-store.js';
import { addDays, recordsSettings } from './records-settings.js';
import { contentHash, opinionContent } from './signing.js';

const DAY_MS = 86_400_000;

export type OpinionView = Opinion & { phone?: string | null };

export function getOpinion(db: Database.Database, id: string): Opinion {
  const o = sqlStore(db).get<Opinion>('opinions', id);
  if (!o) throw new DomainError('not_found', 'unknown_opinion', 'There is no such opinion.');
  return o;
}

export function recordOpinion(
  hub: Hub,
  input: { source: 'book' | 'box'; theme: OpinionTheme; text: string; phone?: string; date: string },
  actor: string,
): Opinion {
  const db = hub.ledger.db;
  const id = randomUUID();
  const phoneKey = input.phone ? customerKey(branchSecret(db), 'phone', input.phone) : null;
  const dueDate = input.phone ? input.date : addDays(input.date, recordsSettings(db).opinionReplyDays);
  // The text may name the customer; the phone has its own key, shredded by the purge.
  const vault = vaultOf(db);
  const text = vault.seal(subject.opinion(id), input.text);
  const phone = input.phone ? vault.seal(subject.opinionPhone(id), input.phone.trim()) : null;
  recordEvent(hub, { type: 'opinion.recorded', id, date: input.date, source: input.source, theme: input.theme, text, phoneKey, dueDate }, actor, (tx) => {
    if (phone) tx.prepare('INSERT INTO opinion_phones (opinion_id, phone) VALUES (?, ?)').run(id, phone);
  });
  return getOpinion(db, id);
}

/** Opinions of a date range; the phone only when the caller may see it (manager, supervisor). */
export function listOpinions(db: Database.Database, range: { dateFrom?: string; dateTo?: string; open?: boolean }, withPhone: boolean): OpinionView[] {
  let list = listRecords<Opinion>(db, 'opinions', { dateFrom: range.dateFrom, dateTo: range.dateTo });
  if (range.open) list = listRecords<Opinion>(db, 'opinions').filter((o) => o.status !== 'signed' || (range.dateFrom !== undefined && o.date >= range.dateFrom));
  if (!withPhone) return list;
  const phone = db.prepare('SELECT phone FROM opinion_phones WHERE opinion_id = ?');
  return list.map((o) => ({ ...o, phone: o.hasPhone ? ((phone.get(o.id) as { phone: string } | undefined)?.phone ?? null) : null }));
}

export function replyOpinion(hub: Hub, id: string, reply: string, actor: string): Opinion {
  const o = getOpinion(hub.ledger.db, id);
  if (o.status === 'signed') throw new DomainError('conflict', 'opinion_signed', 'This reply is signed and can no longer change.');
  recordEvent(hub, { type: 'opinion.replied', id, reply: vaultOf(hub.ledger.db).seal(subject.opinion(id), reply) }, actor);
  return getOpinion(hub.ledger.db, id);
}

export async function signOpinion(hub: Hub, id: string, signer: string, pin: string, source: string | null = null): Promise<Opinion> {
  const o = getOpinion(hub.ledger.db, id);
  if (o.status === 'signed') throw new DomainError('conflict', 'opinion_signed', `This reply was already signed by ${o.signedBy}.`);
  if (o.status !== 'replied') throw new DomainError('conflict', 'opinion_not_replied', 'This opinion has no reply yet: there is nothing to sign.');
  await checkSignerPin(hub, signer, pin, source);
  const now = getOpinion(hub.ledger.db, id);
  if (now.status !== 'replied') throw new DomainError('conflict', 'opinion_signed', 'This reply was signed meanwhile.');
  recordEvent(hub, { type: 'opinion.signed', id, contentHash: contentHash(opinionContent(now)) }, signer);
  return getOpinion(hub.ledger.db, id);
}

/**
 * Deletes the phones whose retention after the reply has passed; one event for the batch.
 * The phone's key is shredded too, once the event is committed, so no copy of its ciphertext (a backup, a free page)
 * can be opened afterwards.
 */
export function purgePhones(hub: Hub, now: number): string[] {
  const db = hub.ledger.db;
  const keep = recordsSettings(db).phoneRetentionDays * DAY_MS;
  const rows = db.prepare('SELECT opinion_id FROM opinion_phones').all() as { opinion_id: string }[];
  const ids = rows
    .map((r) => sqlStore(db).get<Opinion>('opinions', r.opinion_id))
    .filter((o): o is Opinion => !!o && o.repliedAt !== null && o.repliedAt + keep <= now)
    .map((o) => o.id);
  if (ids.length === 0) return [];
  commitThenShred(db, ids.map(subject.opinionPhone), (batch) =>
    recordEvent(hub, { type: 'opinion.phone_purged', ids, batch }, null, (tx) => {
      const del = tx.prepare('DELETE FROM opinion_phones WHERE opinion_id = ?');
      for (const id of ids) del.run(id);
    }),
  );
  return ids;
}

/** Not replied by its due date; a same-day reply is overdue once the day's closing time passed. */
export function isOpinionOverdue(o: Opinion, today: string, pastClosing: boolean): boolean {
  if (o.status !== 'open') return false;
  return o.dueDate < today || (o.dueDate === today && pastClosing);
}

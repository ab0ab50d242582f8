// The opinion book and box (客户意见簿/意见箱). A phone left with an opinion makes the reply
// due the same day; otherwise within the configured days. The phone is shown only to the
// manager and supervisor and deleted a configured number of days after the reply. Texts and
// the phone arrive sealed; the phone's keyed hash finds the customer's opinions on erasure.
import type { Opinion, OpinionTheme, RecordsEvent } from '../../../common/records.js';
import { DomainError } from '../../../common/errors.js';
import { addDays } from '../settings.js';
import { contentHash, opinionContent } from '../signing.js';

const DAY_MS = 86_400_000;

export function existing(o: Opinion | undefined): Opinion {
  if (!o) throw new DomainError('not_found', 'unknown_opinion', 'There is no such opinion.');
  return o;
}

export function decideRecord(
  cmd: { id: string; date: string; source: 'book' | 'box'; theme: OpinionTheme; sealedText: string; phone: { key: string; sealed: string } | null },
  replyDays: number,
): RecordsEvent[] {
  const dueDate = cmd.phone ? cmd.date : addDays(cmd.date, replyDays);
  return [{ type: 'opinion.recorded', id: cmd.id, date: cmd.date, source: cmd.source, theme: cmd.theme, text: cmd.sealedText, phoneKey: cmd.phone?.key ?? null, dueDate, phone: cmd.phone?.sealed ?? null }];
}

export function decideReply(found: Opinion | undefined, sealedReply: string): RecordsEvent[] {
  const o = existing(found);
  if (o.status === 'signed') throw new DomainError('conflict', 'opinion_signed', 'This reply is signed and can no longer change.');
  return [{ type: 'opinion.replied', id: o.id, reply: sealedReply }];
}

/** Whether the reply may be signed, checked before the signer's PIN is. */
export function checkSignable(found: Opinion | undefined): Opinion {
  const o = existing(found);
  if (o.status === 'signed') throw new DomainError('conflict', 'opinion_signed', `This reply was already signed by ${o.signedBy}.`);
  if (o.status !== 'replied') throw new DomainError('conflict', 'opinion_not_replied', 'This opinion has no reply yet: there is nothing to sign.');
  return o;
}

/** The signature, on the opinion as it stands after the PIN check. */
export function decideSign(found: Opinion | undefined): RecordsEvent[] {
  const o = existing(found);
  if (o.status !== 'replied') throw new DomainError('conflict', 'opinion_signed', 'This reply was signed meanwhile.');
  return [{ type: 'opinion.signed', id: o.id, contentHash: contentHash(opinionContent(o)) }];
}

/** The opinions whose phone's retention after the reply has passed. */
export function phonesDue(withPhone: readonly Opinion[], now: number, retentionDays: number): string[] {
  const keep = retentionDays * DAY_MS;
  return withPhone.filter((o) => o.repliedAt !== null && o.repliedAt + keep <= now).map((o) => o.id);
}

/** Not replied by its due date; a same-day reply is overdue once the day's closing time passed. */
export function isOpinionOverdue(o: Opinion, today: string, pastClosing: boolean): boolean {
  if (o.status !== 'open') return false;
  return o.dueDate < today || (o.dueDate === today && pastClosing);
}

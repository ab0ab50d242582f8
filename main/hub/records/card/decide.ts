// Referral cards (转介卡: a potential high-value customer passed to a wealth manager) and care
// cards (客户关怀卡: one who declined for now), followed up until closed. The form of address,
// the need, the notes and the outcome arrive sealed under the card's key.
import type { CardKind, CareCard, RecordsEvent } from '../../../common/records.js';
import { DomainError } from '../../../common/errors.js';
import { addDays } from '../settings.js';

export function existing(c: CareCard | undefined): CareCard {
  if (!c) throw new DomainError('not_found', 'unknown_card', 'There is no such card.');
  return c;
}

/** The follow-up date: the one given, or the configured days after today; never before today. */
export function dueDateOf(date: string, dueDate: string | undefined, followUpDays: number): string {
  const due = dueDate ?? addDays(date, followUpDays);
  if (due < date) throw new DomainError('invalid', 'invalid_request', 'The follow-up date cannot be before today.');
  return due;
}

export function decideCreate(cmd: { id: string; kind: CardKind; date: string; dueDate: string; assignedTo: string; sealed: { title: string; need: string } }): RecordsEvent[] {
  return [{ type: 'card.created', id: cmd.id, kind: cmd.kind, date: cmd.date, title: cmd.sealed.title, need: cmd.sealed.need, assignedTo: cmd.assignedTo, dueDate: cmd.dueDate }];
}

export function checkOpen(found: CareCard | undefined, closedMessage: string): CareCard {
  const c = existing(found);
  if (c.status === 'closed') throw new DomainError('conflict', 'card_closed', closedMessage);
  return c;
}

export function decideFollowUp(found: CareCard | undefined, sealedNote: string): RecordsEvent[] {
  const c = checkOpen(found, 'This card is closed.');
  return [{ type: 'card.followed_up', id: c.id, note: sealedNote }];
}

export function decideClose(found: CareCard | undefined, sealedOutcome: string): RecordsEvent[] {
  const c = checkOpen(found, 'This card is already closed.');
  return [{ type: 'card.closed', id: c.id, outcome: sealedOutcome }];
}

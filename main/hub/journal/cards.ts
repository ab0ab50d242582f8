// Referral cards (转介卡: a potential high-value customer passed to a wealth manager) and care
// cards (客户关怀卡: one who declined for now), followed up until closed.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CareCard, CardKind } from '../../common/records.js';
import type { Hub } from '../lobby/hub.js';
import { subject, vaultOf } from '../personal/vault.js';
import { DomainError } from '../../common/errors.js';
import { recordEvent } from './record.js';
import { sqlStore } from './record-store.js';
import { addDays, recordsSettings } from './records-settings.js';

export function getCard(db: Database.Database, id: string): CareCard {
  const c = sqlStore(db).get<CareCard>('care_cards', id);
  if (!c) throw new DomainError('not_found', 'unknown_card', 'There is no such card.');
  return c;
}

export function createCard(hub: Hub, input: { kind: CardKind; title: string; need: string; assignedTo: string; dueDate?: string }, date: string, actor: string): CareCard {
  const dueDate = input.dueDate ?? addDays(date, recordsSettings(hub.ledger.db).followUpDays);
  if (dueDate < date) throw new DomainError('invalid', 'invalid_request', 'The follow-up date cannot be before today.');
  const id = randomUUID();
  // The form of address and the customer's need are personal: sealed under the card's key.
  const vault = vaultOf(hub.ledger.db);
  const title = vault.seal(subject.card(id), input.title);
  const need = vault.seal(subject.card(id), input.need);
  recordEvent(hub, { type: 'card.created', id, kind: input.kind, date, title, need, assignedTo: input.assignedTo, dueDate }, actor);
  return getCard(hub.ledger.db, id);
}

export function followUpCard(hub: Hub, id: string, note: string, actor: string): CareCard {
  if (getCard(hub.ledger.db, id).status === 'closed') throw new DomainError('conflict', 'card_closed', 'This card is closed.');
  recordEvent(hub, { type: 'card.followed_up', id, note: vaultOf(hub.ledger.db).seal(subject.card(id), note) }, actor);
  return getCard(hub.ledger.db, id);
}

export function closeCard(hub: Hub, id: string, outcome: string, actor: string): CareCard {
  if (getCard(hub.ledger.db, id).status === 'closed') throw new DomainError('conflict', 'card_closed', 'This card is already closed.');
  recordEvent(hub, { type: 'card.closed', id, outcome: vaultOf(hub.ledger.db).seal(subject.card(id), outcome) }, actor);
  return getCard(hub.ledger.db, id);
}

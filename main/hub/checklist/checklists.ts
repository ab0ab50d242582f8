// Running a checklist: the lobby manager starts it from the current template, answers each
// item (pass, fault, not applicable, with a note) and completes it; the supervisor signs it
// with their own PIN. A signed checklist is never changed: a correction is an amendment, a
// new checklist that starts from the signed answers and is signed again.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Checklist, ChecklistKind, DeviceFault, ItemResult } from '../../common/records.js';
import type { Hub } from '../lobby/hub.js';
import { DomainError } from '../../common/errors.js';
import { recordEvent } from '../journal/record.js';
import { listRecords, sqlStore } from '../journal/record-store.js';
import { checklistContent, contentHash } from '../journal/signing.js';
import { currentTemplate } from './templates.js';
import { checkStaffPin } from '../auth/staff-pin.js';

export function getChecklist(db: Database.Database, id: string): Checklist {
  const c = sqlStore(db).get<Checklist>('checklists', id);
  if (!c) throw new DomainError('not_found', 'unknown_checklist', 'There is no such checklist.');
  return c;
}

export function checklistsOf(db: Database.Database, date: string): Checklist[] {
  return listRecords<Checklist>(db, 'checklists', { date }).reverse();
}

export function startChecklist(hub: Hub, kind: ChecklistKind, date: string, actor: string): Checklist {
  // Opening and closing are done once a day (a correction is an amendment); patrols repeat.
  if (kind !== 'patrol') {
    const existing = checklistsOf(hub.ledger.db, date).find((c) => c.kind === kind && c.amends === null);
    if (existing) throw new DomainError('conflict', 'checklist_exists', `The ${kind} checklist of ${date} is already started; continue it or amend it.`);
  }
  const id = randomUUID();
  recordEvent(hub, { type: 'checklist.started', id, kind, date, template: currentTemplate(hub, kind), amends: null }, actor);
  return getChecklist(hub.ledger.db, id);
}

export function answerChecklist(hub: Hub, id: string, answers: { itemId: string; result: ItemResult | null; note: string }[], actor: string): Checklist {
  const c = getChecklist(hub.ledger.db, id);
  if (c.status === 'signed') throw new DomainError('conflict', 'checklist_signed', 'This checklist is signed and can no longer change; amend it instead.');
  const unknown = answers.filter((a) => !c.items.some((i) => i.id === a.itemId)).map((a) => a.itemId);
  if (unknown.length) throw new DomainError('invalid', 'invalid_request', `This checklist has no item ${unknown.join(', ')}.`);
  recordEvent(hub, { type: 'checklist.answered', id, answers }, actor);
  // A fault opens a device-fault record, once per checklist item, tracked until repaired.
  for (const a of answers) {
    const faultId = `${id}/${a.itemId}`;
    if (a.result === 'fault' && !sqlStore(hub.ledger.db).get<DeviceFault>('device_faults', faultId)) {
      recordEvent(hub, { type: 'fault.reported', id: faultId, checklistId: id, itemId: a.itemId, date: c.date, note: a.note }, actor);
    }
  }
  return getChecklist(hub.ledger.db, id);
}

export function unansweredItems(c: Checklist): Checklist['items'] {
  return c.items.filter((i) => i.result === null);
}

export function completeChecklist(hub: Hub, id: string, actor: string): Checklist {
  const c = getChecklist(hub.ledger.db, id);
  if (c.status === 'signed') throw new DomainError('conflict', 'checklist_signed', 'This checklist is already signed.');
  const open = unansweredItems(c);
  if (open.length) {
    throw new DomainError('conflict', 'items_unanswered', `${open.length} item(s) are not answered yet: ${open.map((i) => `${i.zh} (${i.en})`).join('; ')}.`);
  }
  recordEvent(hub, { type: 'checklist.completed', id }, actor);
  return getChecklist(hub.ledger.db, id);
}

/**
 * The signer's own PIN, checked (and throttled) as at login: a borrowed session is not enough.
 * `source` is the signing terminal's address, which the locks count by.
 */
export async function checkSignerPin(hub: Hub, staffId: string, pin: string, source: string | null): Promise<void> {
  await checkStaffPin(hub, staffId, pin, 'sign', source);
}

export async function signChecklist(hub: Hub, id: string, signer: string, pin: string, source: string | null = null): Promise<Checklist> {
  const c = getChecklist(hub.ledger.db, id);
  if (c.status === 'signed') throw new DomainError('conflict', 'checklist_signed', `This checklist was already signed by ${c.signedBy}.`);
  if (c.status !== 'completed') {
    const open = unansweredItems(c);
    throw new DomainError('conflict', open.length ? 'items_unanswered' : 'checklist_not_completed', open.length ? `${open.length} item(s) are not answered yet: ${open.map((i) => `${i.zh} (${i.en})`).join('; ')}.` : 'The lobby manager has not completed this checklist yet.');
  }
  if (c.completedBy === signer) throw new DomainError('conflict', 'same_person', 'The person who completed a checklist cannot also sign it: two people are needed.');
  await checkSignerPin(hub, signer, pin, source);
  // Re-read after the await: the PIN check yields, and another request may have signed it.
  const now = getChecklist(hub.ledger.db, id);
  if (now.status === 'signed') throw new DomainError('conflict', 'checklist_signed', `This checklist was already signed by ${now.signedBy}.`);
  recordEvent(hub, { type: 'checklist.signed', id, contentHash: contentHash(checklistContent(now)) }, signer);
  return getChecklist(hub.ledger.db, id);
}

export function amendChecklist(hub: Hub, id: string, actor: string): Checklist {
  const original = getChecklist(hub.ledger.db, id);
  if (original.status !== 'signed') throw new DomainError('conflict', 'checklist_not_signed', 'Only a signed checklist is amended; this one can still be changed.');
  if (original.amendedBy) throw new DomainError('conflict', 'already_amended', 'This checklist already has an amendment; amend that one.');
  const newId = randomUUID();
  const items = original.items.map(({ id: itemId, zh, en, device }) => (device ? { id: itemId, zh, en, device } : { id: itemId, zh, en }));
  recordEvent(hub, { type: 'checklist.started', id: newId, kind: original.kind, date: original.date, template: { kind: original.kind, version: original.templateVersion, items }, amends: id }, actor);
  recordEvent(hub, { type: 'checklist.answered', id: newId, answers: original.items.map((i) => ({ itemId: i.id, result: i.result, note: i.note })) }, actor);
  return getChecklist(hub.ledger.db, newId);
}

/** The latest version of a kind's checklist that day (an amendment supersedes its original). */
export function effectiveChecklist(db: Database.Database, kind: ChecklistKind, date: string): Checklist | null {
  const ofKind = checklistsOf(db, date).filter((c) => c.kind === kind && c.amendedBy === null);
  return ofKind.at(-1) ?? null;
}

export function isSigned(db: Database.Database, kind: ChecklistKind, date: string): boolean {
  return checklistsOf(db, date).some((c) => c.kind === kind && c.status === 'signed');
}

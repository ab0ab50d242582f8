// Running a checklist: the lobby manager starts it from the current template, answers each
// item (pass, fault, not applicable, with a note) and completes it; the supervisor signs it
// with their own PIN. A signed checklist is never changed: a correction is an amendment, a
// new checklist that starts from the signed answers and is signed again. Pure: the state
// read from the tables and the command in, the events out, or a DomainError.
import type { Checklist, ChecklistKind, ChecklistTemplate, ItemResult, RecordsEvent, TemplateItem } from '../../../common/records.js';
import { DomainError } from '../../../common/errors.js';
import { checklistContent, contentHash } from '../signing.js';

type Answer = { itemId: string; result: ItemResult | null; note: string };

export function existing(c: Checklist | undefined): Checklist {
  if (!c) throw new DomainError('not_found', 'unknown_checklist', 'There is no such checklist.');
  return c;
}

/** A template's items as saved: `device` only where it is set. */
const bareItems = (items: readonly TemplateItem[]): TemplateItem[] => items.map(({ id, zh, en, device }) => (device ? { id, zh, en, device } : { id, zh, en }));

export function decideTemplate(current: ChecklistTemplate, items: readonly TemplateItem[]): ChecklistTemplate {
  return { kind: current.kind, version: current.version + 1, items: bareItems(items) };
}

/** Opening and closing are done once a day (a correction is an amendment); patrols repeat. */
export function checkStartable(dayChecklists: readonly Checklist[], kind: ChecklistKind, date: string): void {
  if (kind !== 'patrol' && dayChecklists.some((c) => c.kind === kind && c.amends === null)) {
    throw new DomainError('conflict', 'checklist_exists', `The ${kind} checklist of ${date} is already started; continue it or amend it.`);
  }
}

export function decideStart(dayChecklists: readonly Checklist[], cmd: { id: string; kind: ChecklistKind; date: string; template: ChecklistTemplate }): RecordsEvent[] {
  checkStartable(dayChecklists, cmd.kind, cmd.date);
  return [{ type: 'checklist.started', id: cmd.id, kind: cmd.kind, date: cmd.date, template: cmd.template, amends: null }];
}

/** The answers, and a device-fault record for each item first found faulty (`hasFault` says which already have one). */
export function decideAnswers(found: Checklist | undefined, answers: Answer[], hasFault: (faultId: string) => boolean): RecordsEvent[] {
  const c = existing(found);
  if (c.status === 'signed') throw new DomainError('conflict', 'checklist_signed', 'This checklist is signed and can no longer change; amend it instead.');
  const unknown = answers.filter((a) => !c.items.some((i) => i.id === a.itemId)).map((a) => a.itemId);
  if (unknown.length) throw new DomainError('invalid', 'invalid_request', `This checklist has no item ${unknown.join(', ')}.`);
  const events: RecordsEvent[] = [{ type: 'checklist.answered', id: c.id, answers }];
  const reported = new Set<string>();
  for (const a of answers) {
    const faultId = `${c.id}/${a.itemId}`;
    if (a.result !== 'fault' || hasFault(faultId) || reported.has(faultId)) continue;
    reported.add(faultId);
    events.push({ type: 'fault.reported', id: faultId, checklistId: c.id, itemId: a.itemId, date: c.date, note: a.note });
  }
  return events;
}

export function unansweredItems(c: Checklist): Checklist['items'] {
  return c.items.filter((i) => i.result === null);
}

const unansweredMessage = (open: Checklist['items']) => `${open.length} item(s) are not answered yet: ${open.map((i) => `${i.zh} (${i.en})`).join('; ')}.`;

export function decideComplete(found: Checklist | undefined): RecordsEvent[] {
  const c = existing(found);
  if (c.status === 'signed') throw new DomainError('conflict', 'checklist_signed', 'This checklist is already signed.');
  const open = unansweredItems(c);
  if (open.length) throw new DomainError('conflict', 'items_unanswered', unansweredMessage(open));
  return [{ type: 'checklist.completed', id: c.id }];
}

/** Whether the signer may sign it, checked before their PIN is. */
export function checkSignable(found: Checklist | undefined, signer: string): Checklist {
  const c = existing(found);
  if (c.status === 'signed') throw new DomainError('conflict', 'checklist_signed', `This checklist was already signed by ${c.signedBy}.`);
  if (c.status !== 'completed') {
    const open = unansweredItems(c);
    if (open.length) throw new DomainError('conflict', 'items_unanswered', unansweredMessage(open));
    throw new DomainError('conflict', 'checklist_not_completed', 'The lobby manager has not completed this checklist yet.');
  }
  if (c.completedBy === signer) throw new DomainError('conflict', 'same_person', 'The person who completed a checklist cannot also sign it: two people are needed.');
  return c;
}

/** The signature, on the checklist as it stands after the PIN check (another request may have signed it meanwhile). */
export function decideSign(found: Checklist | undefined): RecordsEvent[] {
  const c = existing(found);
  if (c.status === 'signed') throw new DomainError('conflict', 'checklist_signed', `This checklist was already signed by ${c.signedBy}.`);
  return [{ type: 'checklist.signed', id: c.id, contentHash: contentHash(checklistContent(c)) }];
}

export function decideAmend(found: Checklist | undefined, newId: string): RecordsEvent[] {
  const original = existing(found);
  if (original.status !== 'signed') throw new DomainError('conflict', 'checklist_not_signed', 'Only a signed checklist is amended; this one can still be changed.');
  if (original.amendedBy) throw new DomainError('conflict', 'already_amended', 'This checklist already has an amendment; amend that one.');
  const template = { kind: original.kind, version: original.templateVersion, items: bareItems(original.items) };
  return [
    { type: 'checklist.started', id: newId, kind: original.kind, date: original.date, template, amends: original.id },
    { type: 'checklist.answered', id: newId, answers: original.items.map((i) => ({ itemId: i.id, result: i.result, note: i.note })) },
  ];
}

// The lobby manager's work log (大堂经理工作日志): timed entries through the day, completed at
// close with the day's staff on duty and figures.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { WorklogEntry, WorklogKind } from '../../common/records.js';
import type { Hub } from '../lobby/hub.js';
import { subject, vaultOf } from '../personal/vault.js';
import { DomainError } from '../../common/errors.js';
import { recordEvent } from './record.js';
import { sqlStore } from './record-store.js';

export function getEntry(db: Database.Database, id: string): WorklogEntry {
  const e = sqlStore(db).get<WorklogEntry>('worklog_entries', id);
  if (!e) throw new DomainError('not_found', 'unknown_entry', 'There is no such work-log entry.');
  return e;
}

export function addEntry(hub: Hub, input: { kind: WorklogKind; text: string; followUpDue?: string | null }, date: string, actor: string): WorklogEntry {
  const followUpDue = input.followUpDue ?? null;
  if (input.kind === 'question' && followUpDue === null) throw new DomainError('invalid', 'invalid_request', 'A question not answered on the spot needs the date its answer is due.');
  const id = randomUUID();
  // A customer's need or question may name them: the text is sealed under the entry's key.
  const text = vaultOf(hub.ledger.db).seal(subject.worklog(id), input.text);
  recordEvent(hub, { type: 'worklog.added', id, date, kind: input.kind, text, followUpDue }, actor);
  return getEntry(hub.ledger.db, id);
}

export function answerEntry(hub: Hub, id: string, answer: string, actor: string): WorklogEntry {
  const e = getEntry(hub.ledger.db, id);
  if (e.answeredAt !== null) throw new DomainError('conflict', 'already_answered', 'This question is already answered.');
  recordEvent(hub, { type: 'worklog.answered', id, answer: vaultOf(hub.ledger.db).seal(subject.worklog(id), answer) }, actor);
  return getEntry(hub.ledger.db, id);
}

/** Staff who worked that day, from the ledger: anyone who opened a counter, signed in or acted. */
export function staffOnDuty(db: Database.Database, dayStart: number, dayEnd: number): string[] {
  const rows = db
    .prepare("SELECT DISTINCT s.staff_id AS id FROM events e JOIN staff s ON s.staff_id = e.actor WHERE e.at >= ? AND e.at < ? AND e.type <> 'auth.login' ORDER BY s.staff_id")
    .all(dayStart, dayEnd) as { id: string }[];
  return rows.map((r) => r.id);
}

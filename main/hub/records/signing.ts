// What a signature covers. The signing event carries sha256(canonicalJson(content)); verify
// recomputes it from the table row, so an edit of any signed field is found and named.
// Fields that may still change after signing (an amendment's back-link, a purged phone)
// are deliberately not part of the signed content.
import type { FraudIntervention } from '../../common/fraud.js';
import type { Checklist, Complaint, Opinion } from '../../common/records.js';
import { canonicalJson } from '../../common/canonical.js';
import { sha256hex } from '../../node/chain-hash.js';

export function checklistContent(c: Checklist): object {
  const { id, kind, date, templateVersion, items, startedAt, startedBy, completedAt, completedBy, amends } = c;
  return { id, kind, date, templateVersion, items, startedAt, startedBy, completedAt, completedBy, amends };
}

export function opinionContent(o: Opinion): object {
  const { id, date, source, theme, text, phoneKey, dueDate, recordedAt, recordedBy, reply, repliedAt, repliedBy } = o;
  return { id, date, source, theme, text, phoneKey, dueDate, recordedAt, recordedBy, reply, repliedAt, repliedBy };
}

export function complaintContent(c: Complaint): object {
  const { signedAt: _a, signedBy: _b, contentHash: _c, status: _s, ...content } = c;
  return content;
}

/** Everything a person filled in or the hub recorded about it, but the signature itself. */
export function interventionContent(i: FraudIntervention): object {
  const { signedAt: _a, signedBy: _b, contentHash: _c, status: _s, ...content } = i;
  return content;
}

export const contentHash = (content: object): string => sha256hex(canonicalJson(content));

/** The signed record kinds: the table, its signing event, and what the signature covers. */
export const SIGNED_KINDS = [
  { table: 'checklists', event: 'checklist.signed', content: (doc: unknown) => checklistContent(doc as Checklist) },
  { table: 'opinions', event: 'opinion.signed', content: (doc: unknown) => opinionContent(doc as Opinion) },
  { table: 'complaints', event: 'complaint.signed', content: (doc: unknown) => complaintContent(doc as Complaint) },
  { table: 'fraud_interventions', event: 'intervention.signed', content: (doc: unknown) => interventionContent(doc as FraudIntervention) },
] as const;

// Complaints (投诉): first-contact ownership (whoever records it owns it) and a time limit.
// The guided form follows the sources' flow; escalation when the limit passes; closure
// signed by the supervisor with their own PIN.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Complaint } from '../../common/records.js';
import type { ComplaintBody } from '../../common/records.js';
import type { z } from 'zod';
import { checkSignerPin } from '../checklist/checklists.js';
import type { Hub } from '../lobby/hub.js';
import { subject, vaultOf } from '../personal/vault.js';
import { DomainError } from '../../common/errors.js';
import { recordEvent } from './record.js';
import { sqlStore } from './record-store.js';
import { recordsSettings } from './records-settings.js';
import { complaintContent, contentHash } from './signing.js';

export function getComplaint(db: Database.Database, id: string): Complaint {
  const c = sqlStore(db).get<Complaint>('complaints', id);
  if (!c) throw new DomainError('not_found', 'unknown_complaint', 'There is no such complaint.');
  return c;
}

export function openComplaint(hub: Hub, body: z.infer<typeof ComplaintBody>, date: string, actor: string): Complaint {
  const now = hub.clock();
  const limit = now + recordsSettings(hub.ledger.db).complaintLimitHours * 3_600_000;
  const promisedAt = body.promisedAt ? Date.parse(body.promisedAt) : null;
  if (promisedAt !== null && promisedAt <= now) throw new DomainError('invalid', 'invalid_request', 'A promised time must be in the future.');
  // Decision: a promise sooner than the limit becomes the deadline; a later one does not
  // stretch it (the limit is the bank's, not the manager's).
  const dueAt = promisedAt !== null ? Math.min(promisedAt, limit) : limit;
  const id = randomUUID();
  const { promisedAt: _p, ...rest } = body;
  // What the customer said and what went wrong are personal: sealed under the complaint's key.
  const vault = vaultOf(hub.ledger.db);
  const summary = vault.seal(subject.complaint(id), body.summary);
  const faultDetail = vault.seal(subject.complaint(id), body.faultDetail);
  recordEvent(hub, { type: 'complaint.opened', complaint: { id, date, ...rest, summary, faultDetail, promisedAt, dueAt } }, actor);
  return getComplaint(hub.ledger.db, id);
}

export function escalateComplaint(hub: Hub, id: string): Complaint {
  recordEvent(hub, { type: 'complaint.escalated', id }, null);
  return getComplaint(hub.ledger.db, id);
}

export function resolveComplaint(hub: Hub, id: string, resolution: string, actor: string): Complaint {
  const c = getComplaint(hub.ledger.db, id);
  if (c.status === 'resolved' || c.status === 'closed') throw new DomainError('conflict', 'complaint_resolved', 'This complaint is already resolved.');
  recordEvent(hub, { type: 'complaint.resolved', id, resolution: vaultOf(hub.ledger.db).seal(subject.complaint(id), resolution) }, actor);
  return getComplaint(hub.ledger.db, id);
}

export async function signComplaint(hub: Hub, id: string, signer: string, pin: string, source: string | null = null): Promise<Complaint> {
  const c = getComplaint(hub.ledger.db, id);
  if (c.status === 'closed') throw new DomainError('conflict', 'complaint_closed', `This complaint was already closed by ${c.signedBy}.`);
  if (c.status !== 'resolved') throw new DomainError('conflict', 'complaint_not_resolved', 'This complaint is not resolved yet: record the resolution first.');
  await checkSignerPin(hub, signer, pin, source);
  const now = getComplaint(hub.ledger.db, id);
  if (now.status !== 'resolved') throw new DomainError('conflict', 'complaint_closed', 'This complaint was closed meanwhile.');
  recordEvent(hub, { type: 'complaint.signed', id, contentHash: contentHash(complaintContent(now)) }, signer);
  return getComplaint(hub.ledger.db, id);
}

/** Resolved within its time limit. */
export const closedInTime = (c: Complaint): boolean => c.resolvedAt !== null && c.resolvedAt <= c.dueAt;

// Complaints (投诉): first-contact ownership (whoever records it owns it) and a time limit.
// The guided form follows the sources' flow; escalation when the limit passes; closure
// signed by the supervisor with their own PIN. Texts arrive sealed.
import type { z } from 'zod';
import type { Complaint, ComplaintBody, RecordsEvent } from '../../../common/records.js';
import { DomainError } from '../../../common/errors.js';
import { complaintContent, contentHash } from '../signing.js';

const HOUR_MS = 3_600_000;

export function existing(c: Complaint | undefined): Complaint {
  if (!c) throw new DomainError('not_found', 'unknown_complaint', 'There is no such complaint.');
  return c;
}

export function decideOpen(
  form: z.infer<typeof ComplaintBody>,
  cmd: { id: string; date: string; now: number; limitHours: number; sealed: { summary: string; faultDetail: string } },
): RecordsEvent[] {
  const limit = cmd.now + cmd.limitHours * HOUR_MS;
  const promisedAt = form.promisedAt ? Date.parse(form.promisedAt) : null;
  if (promisedAt !== null && promisedAt <= cmd.now) throw new DomainError('invalid', 'invalid_request', 'A promised time must be in the future.');
  // Decision: a promise sooner than the limit becomes the deadline; a later one does not
  // stretch it (the limit is the bank's, not the manager's).
  const dueAt = promisedAt !== null ? Math.min(promisedAt, limit) : limit;
  const { promisedAt: _p, ...rest } = form;
  return [{ type: 'complaint.opened', complaint: { id: cmd.id, date: cmd.date, ...rest, ...cmd.sealed, promisedAt, dueAt } }];
}

/** Past its time limit and not resolved: escalated (once) by the reminders. */
export function isLate(c: Complaint, now: number): boolean {
  return c.resolvedAt === null && now > c.dueAt;
}

export function decideEscalate(c: Complaint, now: number): RecordsEvent[] {
  return c.status === 'open' && isLate(c, now) ? [{ type: 'complaint.escalated', id: c.id }] : [];
}

export function decideResolve(found: Complaint | undefined, sealedResolution: string): RecordsEvent[] {
  const c = existing(found);
  if (c.status === 'resolved' || c.status === 'closed') throw new DomainError('conflict', 'complaint_resolved', 'This complaint is already resolved.');
  return [{ type: 'complaint.resolved', id: c.id, resolution: sealedResolution }];
}

/** Whether it may be signed, checked before the signer's PIN is. */
export function checkSignable(found: Complaint | undefined): Complaint {
  const c = existing(found);
  if (c.status === 'closed') throw new DomainError('conflict', 'complaint_closed', `This complaint was already closed by ${c.signedBy}.`);
  if (c.status !== 'resolved') throw new DomainError('conflict', 'complaint_not_resolved', 'This complaint is not resolved yet: record the resolution first.');
  return c;
}

/** The signature, on the complaint as it stands after the PIN check. */
export function decideSign(found: Complaint | undefined): RecordsEvent[] {
  const c = existing(found);
  if (c.status !== 'resolved') throw new DomainError('conflict', 'complaint_closed', 'This complaint was closed meanwhile.');
  return [{ type: 'complaint.signed', id: c.id, contentHash: contentHash(complaintContent(c)) }];
}

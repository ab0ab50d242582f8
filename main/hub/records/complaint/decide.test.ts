// The complaint's rules without a database.
import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../../common/records.js';
import { refusal } from '../test-refusal.js';
import { checkSignable, decideEscalate, decideOpen, decideResolve, decideSign } from './decide.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 3, 6, 2);
const form = { emotion: 'angry' as const, calmed: true, listened: true, summary: '转账到账慢', ourFault: false, faultDetail: '', wants: ['fix' as const], solvableOnSpot: false, reasonable: true };
const sealed = { summary: 'sealed summary', faultDetail: '' };
const open = (promisedAt?: string) => decideOpen({ ...form, ...(promisedAt && { promisedAt }) }, { id: 'k1', date: '2026-04-06', now: NOW, limitHours: 48, sealed });

const complaint = (over: Partial<Complaint> = {}): Complaint => ({
  ...form,
  ...sealed,
  id: 'k1',
  date: '2026-04-06',
  openedAt: NOW,
  owner: 'manager',
  promisedAt: null,
  dueAt: NOW + 48 * HOUR,
  status: 'open',
  escalatedAt: null,
  resolution: null,
  resolvedAt: null,
  resolvedBy: null,
  signedAt: null,
  signedBy: null,
  contentHash: null,
  ...over,
});

describe('complaint decisions', () => {
  it('is due within the limit, or sooner when a sooner time was promised, with the sealed texts only', () => {
    const [event] = open();
    expect(event).toMatchObject({ type: 'complaint.opened', complaint: { id: 'k1', dueAt: NOW + 48 * HOUR, promisedAt: null, summary: 'sealed summary' } });
    expect(JSON.stringify(event)).not.toContain('转账');
    expect(open(new Date(NOW + 2 * HOUR).toISOString())[0]).toMatchObject({ complaint: { dueAt: NOW + 2 * HOUR, promisedAt: NOW + 2 * HOUR } });
    // A later promise does not stretch the bank's limit.
    expect(open(new Date(NOW + 72 * HOUR).toISOString())[0]).toMatchObject({ complaint: { dueAt: NOW + 48 * HOUR } });
    expect(refusal(() => open(new Date(NOW).toISOString()))).toMatchObject({ kind: 'invalid', code: 'invalid_request' });
  });

  it('is escalated once, when its limit passed unresolved', () => {
    expect(decideEscalate(complaint(), NOW + 48 * HOUR)).toEqual([]);
    expect(decideEscalate(complaint(), NOW + 49 * HOUR)).toEqual([{ type: 'complaint.escalated', id: 'k1' }]);
    expect(decideEscalate(complaint({ status: 'escalated' }), NOW + 49 * HOUR)).toEqual([]);
    expect(decideEscalate(complaint({ resolvedAt: NOW + HOUR, status: 'resolved' }), NOW + 49 * HOUR)).toEqual([]);
  });

  it('is resolved once, then closed by a signature over what was resolved', () => {
    expect(decideResolve(complaint({ status: 'escalated' }), 'r')).toEqual([{ type: 'complaint.resolved', id: 'k1', resolution: 'r' }]);
    expect(refusal(() => decideResolve(complaint({ status: 'resolved' }), 'r')).code).toBe('complaint_resolved');
    expect(refusal(() => decideResolve(undefined, 'r'))).toMatchObject({ kind: 'not_found', code: 'unknown_complaint' });
    expect(refusal(() => checkSignable(complaint())).code).toBe('complaint_not_resolved');
    expect(refusal(() => checkSignable(complaint({ status: 'closed', signedBy: 'supervisor' }))).message).toContain('already closed by supervisor');
    const resolved = complaint({ status: 'resolved', resolution: 'r', resolvedAt: NOW + HOUR, resolvedBy: 'manager' });
    expect(decideSign(resolved)[0]).toMatchObject({ type: 'complaint.signed', id: 'k1', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(refusal(() => decideSign(complaint({ status: 'closed' }))).message).toBe('This complaint was closed meanwhile.');
  });
});

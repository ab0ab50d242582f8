// The opinion book's rules without a database.
import { describe, expect, it } from 'vitest';
import type { Opinion } from '../../../common/records.js';
import { refusal } from '../test-refusal.js';
import { checkSignable, decideRecord, decideReply, decideSign, isOpinionOverdue, phonesDue } from './decide.js';

const DAY = 86_400_000;
const opinion = (over: Partial<Opinion> = {}): Opinion => ({
  id: 'o1',
  date: '2026-03-02',
  source: 'book',
  theme: 'waiting',
  text: 'sealed',
  hasPhone: true,
  phoneKey: 'k'.repeat(64),
  dueDate: '2026-03-02',
  recordedAt: 1,
  recordedBy: 'manager',
  reply: null,
  repliedAt: null,
  repliedBy: null,
  signedAt: null,
  signedBy: null,
  contentHash: null,
  phonePurgedAt: null,
  status: 'open',
  ...over,
});

describe('opinion decisions', () => {
  it('makes a reply due the same day with a phone, which the event carries sealed; within the configured days without', () => {
    const cmd = { id: 'o1', date: '2026-03-02', source: 'book' as const, theme: 'waiting' as const, sealedText: 'sealed text' };
    expect(decideRecord({ ...cmd, phone: { key: 'k'.repeat(64), sealed: 'sealed phone' } }, 3)).toEqual([
      { type: 'opinion.recorded', id: 'o1', date: '2026-03-02', source: 'book', theme: 'waiting', text: 'sealed text', phoneKey: 'k'.repeat(64), dueDate: '2026-03-02', phone: 'sealed phone' },
    ]);
    expect(decideRecord({ ...cmd, phone: null }, 3)[0]).toMatchObject({ dueDate: '2026-03-05', phoneKey: null, phone: null });
  });

  it('replies until signed, and signs a reply once', () => {
    expect(decideReply(opinion(), 'r')).toEqual([{ type: 'opinion.replied', id: 'o1', reply: 'r' }]);
    expect(decideReply(opinion({ status: 'replied' }), 'r2')).toHaveLength(1);
    expect(refusal(() => decideReply(opinion({ status: 'signed' }), 'r'))).toMatchObject({ kind: 'conflict', code: 'opinion_signed' });
    expect(refusal(() => decideReply(undefined, 'r'))).toMatchObject({ kind: 'not_found', code: 'unknown_opinion' });
    expect(refusal(() => checkSignable(opinion())).code).toBe('opinion_not_replied');
    expect(refusal(() => checkSignable(opinion({ status: 'signed', signedBy: 'supervisor' }))).message).toContain('already signed by supervisor');
    expect(decideSign(opinion({ status: 'replied', reply: 'r', repliedAt: 2, repliedBy: 'manager' }))[0]).toMatchObject({ type: 'opinion.signed', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(refusal(() => decideSign(opinion({ status: 'signed' }))).message).toBe('This reply was signed meanwhile.');
  });

  it('purges a phone the configured days after the reply, never before a reply', () => {
    const replied = opinion({ status: 'replied', repliedAt: 10 * DAY });
    expect(phonesDue([replied, opinion({ id: 'o2' })], 10 * DAY + 30 * DAY - 1, 30)).toEqual([]);
    expect(phonesDue([replied, opinion({ id: 'o2' })], 10 * DAY + 30 * DAY, 30)).toEqual(['o1']);
  });

  it('is overdue after its due date, or on it once closing time has passed, until replied', () => {
    expect(isOpinionOverdue(opinion(), '2026-03-02', false)).toBe(false);
    expect(isOpinionOverdue(opinion(), '2026-03-02', true)).toBe(true);
    expect(isOpinionOverdue(opinion(), '2026-03-03', false)).toBe(true);
    expect(isOpinionOverdue(opinion({ status: 'replied' }), '2026-03-09', true)).toBe(false);
  });
});

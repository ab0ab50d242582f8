// The referral and care cards' rules without a database.
import { describe, expect, it } from 'vitest';
import type { CareCard } from '../../../common/records.js';
import { refusal } from '../test-refusal.js';
import { decideClose, decideCreate, decideFollowUp, dueDateOf } from './decide.js';

const card = (status: CareCard['status']): CareCard => ({
  id: 'r1',
  kind: 'referral',
  date: '2026-05-04',
  title: 'sealed',
  need: 'sealed',
  assignedTo: 'wm',
  dueDate: '2026-05-19',
  status,
  followUps: [],
  createdAt: 1,
  createdBy: 'manager',
  closedAt: null,
  outcome: null,
});

describe('card decisions', () => {
  it('is followed up the configured days out, or on a date given, never before today', () => {
    expect(dueDateOf('2026-05-04', undefined, 15)).toBe('2026-05-19');
    expect(dueDateOf('2026-05-04', '2026-05-04', 15)).toBe('2026-05-04');
    expect(refusal(() => dueDateOf('2026-05-04', '2026-05-03', 15))).toMatchObject({ kind: 'invalid', code: 'invalid_request' });
    expect(decideCreate({ id: 'r1', kind: 'care', date: '2026-05-04', dueDate: '2026-05-19', assignedTo: 'wm', sealed: { title: 't', need: 'n' } })).toEqual([
      { type: 'card.created', id: 'r1', kind: 'care', date: '2026-05-04', title: 't', need: 'n', assignedTo: 'wm', dueDate: '2026-05-19' },
    ]);
  });

  it('takes follow-ups and a close until it is closed', () => {
    expect(decideFollowUp(card('open'), 'n')).toEqual([{ type: 'card.followed_up', id: 'r1', note: 'n' }]);
    expect(decideFollowUp(card('contacted'), 'n')).toHaveLength(1);
    expect(decideClose(card('contacted'), 'o')).toEqual([{ type: 'card.closed', id: 'r1', outcome: 'o' }]);
    expect(refusal(() => decideFollowUp(card('closed'), 'n'))).toMatchObject({ kind: 'conflict', code: 'card_closed', message: 'This card is closed.' });
    expect(refusal(() => decideClose(card('closed'), 'o')).message).toBe('This card is already closed.');
    expect(refusal(() => decideClose(undefined, 'o'))).toMatchObject({ kind: 'not_found', code: 'unknown_card' });
  });
});

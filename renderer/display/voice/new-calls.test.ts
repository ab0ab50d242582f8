import { describe, expect, it } from 'vitest';
import type { DisplayTicket } from '../../../main/common/api';
import { callMarks, newCalls } from './new-calls';

const t = (number: string, status: DisplayTicket['status'], counter: string | null, calledAt: string | null, recalls = 0): DisplayTicket => ({
  number,
  service: 'cash',
  status,
  counter,
  calledAt,
  recalls,
});

describe('new calls to announce', () => {
  it('announces a new call and a recall once each, and nothing for serving or waiting tickets', () => {
    const first = [t('A001', 'called', '1', '09:00'), t('A002', 'waiting', null, null)];
    const before = callMarks(first);
    expect(newCalls(new Map(), first)).toEqual([{ number: 'A001', counter: '1', recall: false }]);
    expect(newCalls(before, first)).toEqual([]);

    const next = [t('A001', 'recalled', '1', '09:00', 1), t('A002', 'called', '2', '09:01'), t('A003', 'serving', '3', '08:59')];
    expect(newCalls(before, next)).toEqual([
      { number: 'A001', counter: '1', recall: true },
      { number: 'A002', counter: '2', recall: false },
    ]);
    expect(newCalls(callMarks(next), next)).toEqual([]);
  });
});

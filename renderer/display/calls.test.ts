import { describe, expect, it } from 'vitest';
import type { DisplayTicket } from '../../main/common/api';
import { displayCalls, RECENT_CALLS } from './calls';

const t = (number: string, status: DisplayTicket['status'], calledAt: string | null, counter: string | null = '1'): DisplayTicket => ({
  number,
  service: 'cash',
  status,
  counter,
  calledAt,
  recalls: 0,
});

describe('display calls', () => {
  it('puts the newest current call first and lists the latest calls, at most RECENT_CALLS', () => {
    const tickets = [
      t('A001', 'done', '2025-01-01T09:00:00Z'),
      t('A002', 'serving', '2025-01-01T09:01:00Z'),
      t('A003', 'called', '2025-01-01T09:02:00Z', '3'),
      t('A004', 'waiting', null, null),
      t('B001', 'recalled', '2025-01-01T09:03:00Z', '4'),
      ...Array.from({ length: 12 }, (_, i) => t(`C0${10 + i}`, 'done', `2025-01-01T08:${10 + i}:00Z`)),
    ];
    const { headline, current, recent } = displayCalls(tickets);
    expect(headline).toMatchObject({ number: 'B001', counter: '4' });
    expect(current.map((c) => c.number)).toEqual(['B001', 'A003']);
    expect(recent).toHaveLength(RECENT_CALLS);
    expect(recent.map((c) => c.number).slice(0, 4)).toEqual(['B001', 'A003', 'A002', 'A001']);
  });

  it('has no headline when nobody is being called', () => {
    expect(displayCalls([t('A001', 'done', '2025-01-01T09:00:00Z')]).headline).toBeNull();
  });
});

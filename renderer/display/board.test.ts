import { describe, expect, it } from 'vitest';
import type { ApiCounter } from '../../main/common/api';
import { idleCounters, serviceAvailability } from './board';

const c = (id: string, status: ApiCounter['status'], services: string[]): ApiCounter => ({
  id,
  label: null,
  services,
  status,
  pauseReason: status === 'paused' ? 'lunch' : null,
  staffId: status === 'closed' ? null : 'teller1',
  since: '2025-01-01T09:00:00Z',
  currentTicket: null,
});

describe('the display board', () => {
  const counters = [c('10', 'closed', ['wealth']), c('2', 'paused', ['vip']), c('1', 'open', ['cash', 'noncash']), c('3', 'closed', ['cash']), c('9', 'paused', ['cash'])];

  it('says a service is served while one of its counters is open, paused when only paused ones serve it, none otherwise', () => {
    expect(serviceAvailability('cash', counters)).toBe('open');
    expect(serviceAvailability('vip', counters)).toBe('paused');
    expect(serviceAvailability('wealth', counters)).toBe('none');
    expect(serviceAvailability('fx', counters)).toBe('none');
    expect(serviceAvailability('cash', [])).toBe('none');
  });

  it('lists paused and closed counters in counter order, 2 before 10', () => {
    expect(idleCounters(counters)).toEqual({ paused: ['2', '9'], closed: ['3', '10'] });
    expect(idleCounters([c('1', 'open', ['cash'])])).toEqual({ paused: [], closed: [] });
  });
});

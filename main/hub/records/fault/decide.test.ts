// A device fault's repair steps without a database.
import { describe, expect, it } from 'vitest';
import type { DeviceFault } from '../../../common/records.js';
import { refusal } from '../test-refusal.js';
import { decideRepaired, decideRepairRequest } from './decide.js';

const fault = (status: DeviceFault['status']): DeviceFault => ({
  id: 'c1/atm',
  date: '2026-03-02',
  checklistId: 'c1',
  itemId: 'atm',
  deviceZh: '自助机',
  deviceEn: 'ATM',
  note: 'dark',
  status,
  reportedAt: 1,
  reportedBy: 'manager',
  repairRequestedAt: null,
  repairedAt: null,
  repairNote: '',
});

describe('fault decisions', () => {
  it('requests a repair once, for a reported fault', () => {
    expect(decideRepairRequest(fault('reported'))).toEqual([{ type: 'fault.repair_requested', id: 'c1/atm' }]);
    expect(refusal(() => decideRepairRequest(fault('repair_requested')))).toMatchObject({ kind: 'conflict', code: 'fault_state', message: 'A repair was already requested.' });
    expect(refusal(() => decideRepairRequest(fault('repaired'))).message).toBe('This device is already repaired.');
    expect(refusal(() => decideRepairRequest(undefined))).toMatchObject({ kind: 'not_found', code: 'unknown_fault' });
  });

  it('marks a fault repaired, with or without a repair request first, and only once', () => {
    expect(decideRepaired(fault('reported'), 'new cable')).toEqual([{ type: 'fault.repaired', id: 'c1/atm', note: 'new cable' }]);
    expect(decideRepaired(fault('repair_requested'), '')).toHaveLength(1);
    expect(refusal(() => decideRepaired(fault('repaired'), '')).code).toBe('fault_state');
  });
});

// A device fault's repair: requested once, then repaired, each step timed by its event.
import type { DeviceFault, RecordsEvent } from '../../../common/records.js';
import { DomainError } from '../../../common/errors.js';

export function existing(f: DeviceFault | undefined): DeviceFault {
  if (!f) throw new DomainError('not_found', 'unknown_fault', 'There is no such device fault.');
  return f;
}

export function decideRepairRequest(found: DeviceFault | undefined): RecordsEvent[] {
  const f = existing(found);
  if (f.status !== 'reported') throw new DomainError('conflict', 'fault_state', f.status === 'repaired' ? 'This device is already repaired.' : 'A repair was already requested.');
  return [{ type: 'fault.repair_requested', id: f.id }];
}

export function decideRepaired(found: DeviceFault | undefined, note: string): RecordsEvent[] {
  const f = existing(found);
  if (f.status === 'repaired') throw new DomainError('conflict', 'fault_state', 'This device is already repaired.');
  return [{ type: 'fault.repaired', id: f.id, note }];
}

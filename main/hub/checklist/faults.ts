// Device faults found on a checklist: reported, repair requested, repaired, each timed.
import type Database from 'better-sqlite3';
import type { DeviceFault } from '../../common/records.js';
import type { Hub } from '../lobby/hub.js';
import { DomainError } from '../../common/errors.js';
import { recordEvent } from '../journal/record.js';
import { listRecords, sqlStore } from '../journal/record-store.js';

export function getFault(db: Database.Database, id: string): DeviceFault {
  const f = sqlStore(db).get<DeviceFault>('device_faults', id);
  if (!f) throw new DomainError('not_found', 'unknown_fault', 'There is no such device fault.');
  return f;
}

/** Open faults (any day) and the given day's repaired ones. */
export function faultsFor(db: Database.Database, date: string): DeviceFault[] {
  const all = listRecords<DeviceFault>(db, 'device_faults');
  return all.filter((f) => f.status !== 'repaired' || f.date === date);
}

export function requestRepair(hub: Hub, id: string, actor: string): DeviceFault {
  const f = getFault(hub.ledger.db, id);
  if (f.status !== 'reported') throw new DomainError('conflict', 'fault_state', f.status === 'repaired' ? 'This device is already repaired.' : 'A repair was already requested.');
  recordEvent(hub, { type: 'fault.repair_requested', id }, actor);
  return getFault(hub.ledger.db, id);
}

export function markRepaired(hub: Hub, id: string, note: string, actor: string): DeviceFault {
  const f = getFault(hub.ledger.db, id);
  if (f.status === 'repaired') throw new DomainError('conflict', 'fault_state', 'This device is already repaired.');
  recordEvent(hub, { type: 'fault.repaired', id, note }, actor);
  return getFault(hub.ledger.db, id);
}

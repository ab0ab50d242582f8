// Device faults found on a checklist: the table, its rows, the reads.
import type Database from 'better-sqlite3';
import type { Checklist, DeviceFault } from '../../../common/records.js';
import { listRecords, sqlStore } from '../document-projector.js';
import { recordsProjector, update } from '../kind.js';

export const faultProjector = recordsProjector({
  name: 'faults',
  documents: ['device_faults'],
  reduce(store, e) {
    const { at, actor: by } = e;
    switch (e.type) {
      case 'fault.reported': {
        // The device's name as the checklist's item gives it (the checklists' projector runs first).
        const item = store.get<Checklist>('checklists', e.checklistId)?.items.find((i) => i.id === e.itemId);
        store.put('device_faults', e.id, {
          id: e.id,
          date: e.date,
          checklistId: e.checklistId,
          itemId: e.itemId,
          deviceZh: item?.zh ?? e.itemId,
          deviceEn: item?.en ?? e.itemId,
          note: e.note,
          status: 'reported',
          reportedAt: at,
          reportedBy: by,
          repairRequestedAt: null,
          repairedAt: null,
          repairNote: '',
        } satisfies DeviceFault);
        return;
      }
      case 'fault.repair_requested':
        update<DeviceFault>(store, 'device_faults', e.id, (f) => ({ ...f, status: 'repair_requested', repairRequestedAt: at }));
        return;
      case 'fault.repaired':
        update<DeviceFault>(store, 'device_faults', e.id, (f) => ({ ...f, status: 'repaired', repairedAt: at, repairNote: e.note }));
        return;
    }
  },
});

export function findFault(db: Database.Database, id: string): DeviceFault | undefined {
  return sqlStore(db).get<DeviceFault>('device_faults', id);
}

/** Open faults (any day) and the given day's repaired ones. */
export function faultsFor(db: Database.Database, date: string): DeviceFault[] {
  return listRecords<DeviceFault>(db, 'device_faults').filter((f) => f.status !== 'repaired' || f.date === date);
}

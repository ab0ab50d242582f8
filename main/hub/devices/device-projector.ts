// Devices (kiosks, displays, counter terminals, manager tablets): a projection of
// `device.registered` (the row), `device.paired` and `device.revoked` (their times), so rebuild
// recreates the table and verify checks it. The pairing code is not here (pairing-codes.ts),
// nor when a device was last heard from (auth/life-marks.ts).
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../common/events.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Projector } from '../ledger/projector.js';

type Reader = Pick<Ledger, 'db'>;

export interface DeviceRow {
  device_id: string;
  role: string;
  name: string;
  pairing_expires_at: number | null;
  paired_at: number | null;
  revoked_at: number | null;
  /** The counter a satisfaction pad stands at; null for other devices. */
  counter: string | null;
}

export const deviceProjector: Projector = {
  name: 'devices',
  tables: ['devices'],
  apply(db: Database.Database, event: StoredEvent): void {
    if (event.type === 'device.registered') {
      db.prepare('INSERT INTO devices (device_id, role, name, pairing_expires_at, paired_at, revoked_at, counter) VALUES (?, ?, ?, ?, NULL, NULL, ?)').run(
        event.deviceId,
        event.role,
        event.name,
        event.pairingExpiresAt ?? null,
        event.counter ?? null,
      );
    } else if (event.type === 'device.paired') {
      db.prepare('UPDATE devices SET paired_at = ? WHERE device_id = ?').run(event.at, event.deviceId);
    } else if (event.type === 'device.revoked') {
      db.prepare('UPDATE devices SET revoked_at = ? WHERE device_id = ?').run(event.at, event.deviceId);
    }
  },
};

export function readDevice(ledger: Reader, deviceId: string): DeviceRow | undefined {
  return ledger.db.prepare('SELECT * FROM devices WHERE device_id = ?').get(deviceId) as DeviceRow | undefined;
}

/** Every device in the order it was registered. */
export function readDevices(ledger: Reader): DeviceRow[] {
  return ledger.db.prepare('SELECT * FROM devices ORDER BY rowid').all() as DeviceRow[];
}

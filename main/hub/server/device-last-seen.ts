// When each device was last heard from (an authenticated request, or life on its live feed),
// for the admin's device list. Kept in memory at every sign of life and written to the
// devices row at most once a minute per device, so a restart keeps a value no older than a
// minute without a kiosk's every request costing a disk write. It is a plain mark, not an
// event: the ledger records what happened in the branch, not that a display is still on.
import type Database from 'better-sqlite3';

export const PERSIST_EVERY_MS = 60_000;

export class DeviceLastSeen {
  private readonly seen = new Map<string, number>();
  private readonly written = new Map<string, number>();
  private readonly update: Database.Statement;

  constructor(db: Database.Database, private readonly clock: () => number) {
    this.update = db.prepare('UPDATE devices SET last_seen_at = ? WHERE device_id = ? AND revoked_at IS NULL');
  }

  touch(deviceId: string): void {
    const now = this.clock();
    this.seen.set(deviceId, now);
    const last = this.written.get(deviceId);
    if (last !== undefined && now - last < PERSIST_EVERY_MS) return;
    this.written.set(deviceId, now);
    try {
      this.update.run(now, deviceId);
    } catch {
      // A full or read-only disk must not fail the device's request over a convenience mark;
      // the value in memory still answers, and the next minute tries again.
    }
  }

  /** The latest of what memory holds and what was stored (before a restart). */
  lastSeen(deviceId: string, stored: number | null): number | null {
    const inMemory = this.seen.get(deviceId);
    if (inMemory === undefined) return stored;
    return stored === null ? inMemory : Math.max(inMemory, stored);
  }
}

// One tracker per database: the device routes and the live feed share it without a new
// member in the server's context.
const trackers = new WeakMap<Database.Database, DeviceLastSeen>();

export function deviceLastSeen(db: Database.Database, clock: () => number): DeviceLastSeen {
  let tracker = trackers.get(db);
  if (!tracker) {
    tracker = new DeviceLastSeen(db, clock);
    trackers.set(db, tracker);
  }
  return tracker;
}

// Marks of life: when each session was last used and each device last heard from. They are
// not facts worth an event per request (a kiosk polls all day), and a table written beside the
// events could be neither rebuilt nor checked, so they live in the hub's memory only.
// After a restart a mark is read back from the ledger the first time it is asked for: a staff
// session's last use is the latest event its staff member caused, or the session's start, so
// an idle session does not come back to life because the hub restarted; a device's last sign
// of life is the latest event it caused, or its pairing.
import type { Ledger } from '../ledger/ledger.js';
import type { Hub } from '../lobby/hub.js';
import { latestEventBy } from './session-projector.js';

export class LifeMarks {
  private readonly sessions = new Map<string, number>();
  private readonly devices = new Map<string, number>();

  constructor(private readonly ledger: Pick<Ledger, 'db'>) {}

  sessionUsed(tokenHash: string, at: number): void {
    this.sessions.set(tokenHash, Math.max(at, this.sessions.get(tokenHash) ?? at));
  }

  /** When a staff session was last used; `staffId` and `startedAt` read it back after a restart. */
  sessionLastUsed(tokenHash: string, staffId: string, startedAt: number): number {
    let last = this.sessions.get(tokenHash);
    if (last === undefined) {
      last = Math.max(startedAt, latestEventBy(this.ledger, staffId) ?? startedAt);
      this.sessions.set(tokenHash, last);
    }
    return last;
  }

  sessionEnded(tokenHash: string): void {
    this.sessions.delete(tokenHash);
  }

  deviceSeen(deviceId: string, at: number): void {
    this.devices.set(deviceId, Math.max(at, this.devices.get(deviceId) ?? at));
  }

  /** When a device was last heard from; null for one never paired and never heard from. */
  deviceLastSeen(deviceId: string, pairedAt: number | null): number | null {
    const seen = this.devices.get(deviceId);
    if (seen !== undefined) return seen;
    const restored = latestEventBy(this.ledger, deviceId) ?? pairedAt;
    if (restored !== null) this.devices.set(deviceId, restored);
    return restored;
  }
}

const marks = new WeakMap<Hub, LifeMarks>();

/** The hub's marks: the routes, the live feed and the sign-in check share them. */
export function lifeMarksOf(hub: Hub): LifeMarks {
  let held = marks.get(hub);
  if (!held) {
    held = new LifeMarks(hub.ledger);
    marks.set(hub, held);
  }
  return held;
}

// Sessions: which bearer tokens (by their hash) sign in whom, until when. A projection of
// `session.started`, `session.ended` and `device.revoked` (which ends that device's sessions),
// so a row added to the table by hand is named by verify instead of signing someone in.
// How recently a session was used is not here: see life-marks.ts.
import type Database from 'better-sqlite3';
import type { AuditEvent, StoredEvent } from '../../common/events.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Projector } from '../ledger/projector.js';

type Reader = Pick<Ledger, 'db'>;

export interface SessionRow {
  token_hash: string;
  staff_id: string | null;
  device_id: string | null;
  role: string;
  created_at: number;
  expires_at: number;
}

export const sessionProjector: Projector = {
  name: 'sessions',
  tables: ['sessions'],
  apply(db: Database.Database, event: StoredEvent): void {
    if (event.type === 'session.started') {
      db.prepare('INSERT INTO sessions (token_hash, staff_id, device_id, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        event.tokenHash,
        event.staffId,
        event.deviceId,
        event.role,
        event.at,
        event.expiresAt,
      );
    } else if (event.type === 'session.ended') {
      db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(event.tokenHash);
    } else if (event.type === 'device.revoked') {
      db.prepare('DELETE FROM sessions WHERE device_id = ?').run(event.deviceId);
    }
  },
};

type SessionStarted = Extract<AuditEvent, { type: 'session.started' }>;

export function staffSessionStarted(tokenHash: string, staffId: string, role: string, expiresAt: number): SessionStarted {
  return { type: 'session.started', tokenHash, staffId, deviceId: null, role, expiresAt };
}

export function deviceSessionStarted(tokenHash: string, deviceId: string, role: string, expiresAt: number): SessionStarted {
  return { type: 'session.started', tokenHash, staffId: null, deviceId, role, expiresAt };
}

export function readSession(ledger: Reader, tokenHash: string): SessionRow | undefined {
  return ledger.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as SessionRow | undefined;
}

/** The token hashes of a staff member's sessions, to end them all at once. */
export function staffSessionHashes(ledger: Reader, staffId: string): string[] {
  return (ledger.db.prepare('SELECT token_hash FROM sessions WHERE staff_id = ? ORDER BY token_hash').all(staffId) as { token_hash: string }[]).map((r) => r.token_hash);
}

/**
 * When `actor` (a staff or device id) last caused an event, null if never: after a restart,
 * the last use of a session and a device's last sign of life are read back from here.
 */
export function latestEventBy(ledger: Reader, actor: string): number | null {
  const row = ledger.db.prepare('SELECT max(at) AS at FROM events WHERE actor = ?').get(actor) as { at: number | null };
  return row.at;
}

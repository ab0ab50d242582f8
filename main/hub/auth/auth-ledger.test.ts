// Staff, sessions and devices are projections of events, checked by verify, on a real hub:
// after sign-ins, a pairing, a sign-out, a revocation and a lock the ledger verifies; a row
// edited in any of these tables, or a PIN hash swapped in staff_pins, is named by verify.
import { cpSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, tempDir, type TestHub } from '../../../tests/support/hub.js';
import { DB_FILE } from '../ledger/ledger.js';
import { LOCK_FILE } from '../storage/data-lock.js';
import { verifyLedger } from '../ledger/verify.js';
import { hashPin } from '../../node/pin-hash.js';
import { checkCredentials, CREDENTIAL_TABLES, pinDigest } from './staff-projector.js';
import { hashSecret } from '../../node/tokens.js';

const THROTTLE = { baseDelayMs: 1, maxDelayMs: 4, lockAfter: 3, lockEverywhereAfter: 3, lockMs: 60_000 };

let dataDir = '';
let revokedDevice = '';
let pairedDevice = '';

beforeAll(async () => {
  const hub = await startTestHub({ options: { throttle: THROTTLE } });
  try {
    const admin = await hub.login('admin');
    await hub.device('display');
    const teller = await hub.login('teller1');
    expect((await hub.api('POST', '/api/auth/logout', { token: teller, body: {} })).status).toBe(200);
    const reg = await hub.api('POST', '/api/devices', { token: admin, body: { role: 'kiosk', name: 'kiosk to revoke' } });
    revokedDevice = reg.body.deviceId;
    expect((await hub.api('POST', '/api/devices/pair', { body: { pairingCode: reg.body.pairingCode } })).status).toBe(200);
    expect((await hub.api('DELETE', `/api/devices/${revokedDevice}`, { token: admin })).status).toBe(200);
    pairedDevice = (await hub.api('GET', '/api/devices', { token: admin })).body.devices.find((d: { revokedAt: string | null; paired: boolean }) => d.paired && !d.revokedAt).deviceId;
    for (let i = 0; i < 3; i++) await hub.api('POST', '/api/auth/login', { body: { staffId: 'teller5', pin: '999999' } });
    expect((await hub.api('POST', '/api/auth/login', { body: { staffId: 'teller5', pin: '000000' } })).status).toBe(429);
    dataDir = hub.dataDir;
  } finally {
    await hub.close();
  }
}, 60_000);

/** A copy of the closed hub's data folder with `edit` run on its database. */
function edited(edit: (db: Database.Database) => void): string {
  const dir = path.join(tempDir(), 'data');
  // The whole folder: verify needs the customer secret to recompute the VIP register's keys.
  cpSync(dataDir, dir, { recursive: true, filter: (src) => !src.endsWith(LOCK_FILE) });
  const db = new Database(path.join(dir, DB_FILE));
  try {
    edit(db);
  } finally {
    db.close();
  }
  return dir;
}

describe('the ledger after sign-ins, pairings, a sign-out, a revocation and a lock', () => {
  it('verifies', () => {
    expect(verifyLedger(dataDir)).toMatchObject({ ok: true });
  });

  it('holds the lock, the revocation and the sessions as the events made them', () => {
    const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
    try {
      expect(db.prepare("SELECT locked_until > 0 AS locked, failed_attempts FROM staff WHERE staff_id = 'teller5'").get()).toEqual({ locked: 1, failed_attempts: 3 });
      expect(db.prepare('SELECT revoked_at IS NOT NULL AS revoked FROM devices WHERE device_id = ?').get(revokedDevice)).toEqual({ revoked: 1 });
      expect(db.prepare('SELECT count(*) AS n FROM sessions WHERE device_id = ?').get(revokedDevice)).toEqual({ n: 0 });
      expect(db.prepare("SELECT count(*) AS n FROM sessions WHERE staff_id = 'teller1'").get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM sessions WHERE device_id = ?').get(pairedDevice)).toEqual({ n: 1 });
      // No PIN hash, token or pairing code in any event.
      const data = (db.prepare('SELECT data FROM events').all() as { data: string }[]).map((r) => r.data).join('\n');
      expect(data).not.toMatch(/scrypt\$/);
      expect(checkCredentials(db)).toBeNull();
    } finally {
      db.close();
    }
  });
});

describe('an edited row is named', () => {
  it('a session added with a known token', () => {
    const tokenHash = hashSecret('a token someone knows');
    const dir = edited((db) =>
      db.prepare("INSERT INTO sessions (token_hash, staff_id, device_id, role, created_at, expires_at) VALUES (?, 'admin', NULL, 'admin', 0, 9999999999999)").run(tokenHash),
    );
    expect(verifyLedger(dir)).toMatchObject({ ok: false, table: 'sessions', key: expect.stringContaining(tokenHash) });
  });

  it('a staff member given another role', () => {
    const dir = edited((db) => db.prepare("UPDATE staff SET role = 'admin' WHERE staff_id = 'teller2'").run());
    expect(verifyLedger(dir)).toMatchObject({ ok: false, table: 'staff', key: expect.stringContaining('teller2') });
  });

  it('a lock lifted by hand', () => {
    const dir = edited((db) => db.prepare("UPDATE staff SET locked_until = NULL, failed_attempts = 0 WHERE staff_id = 'teller5'").run());
    expect(verifyLedger(dir)).toMatchObject({ ok: false, table: 'staff', key: expect.stringContaining('teller5') });
  });

  it('a revoked device brought back', () => {
    const dir = edited((db) => db.prepare('UPDATE devices SET revoked_at = NULL WHERE device_id = ?').run(revokedDevice));
    expect(verifyLedger(dir)).toMatchObject({ ok: false, table: 'devices', key: expect.stringContaining(revokedDevice) });
  });

  it('a PIN hash swapped for one whose PIN is known, and a PIN for a staff ID no event defines', async () => {
    const known = await hashPin('123456');
    const swapped = edited((db) => db.prepare("UPDATE staff_pins SET pin_hash = ? WHERE staff_id = 'supervisor'").run(known));
    const db = new Database(path.join(swapped, DB_FILE), { readonly: true });
    try {
      expect(checkCredentials(db)).toEqual({ table: 'staff_pins', key: 'supervisor', problem: expect.any(String) });
    } finally {
      db.close();
    }
    expect(verifyLedger(swapped)).toMatchObject({ ok: false, table: 'staff_pins', key: 'supervisor' });

    const added = edited((db) => db.prepare("INSERT INTO staff_pins (staff_id, pin_hash) VALUES ('intruder', ?)").run(known));
    expect(verifyLedger(added)).toMatchObject({ ok: false, table: 'staff_pins', key: 'intruder' });
  });

  it('a PIN hash deleted', () => {
    const dir = edited((db) => db.prepare("DELETE FROM staff_pins WHERE staff_id = 'manager'").run());
    expect(verifyLedger(dir)).toMatchObject({ ok: false, table: 'staff_pins', key: 'manager', problem: expect.stringMatching(/missing from the table/) });
  });
});

describe('the credentials table', () => {
  it('is the only table rebuild copies, and its digest is not the PIN hash', async () => {
    expect(CREDENTIAL_TABLES).toEqual(['staff_pins']);
    const stored = await hashPin('000000');
    expect(pinDigest(stored)).toMatch(/^[0-9a-f]{64}$/);
    // Two hashes of the same PIN differ (their salts do), and so do their digests: a digest says nothing of the PIN.
    expect(pinDigest(await hashPin('000000'))).not.toBe(pinDigest(stored));
  });
});

describe('an expired session', () => {
  let t = Date.parse('2026-03-02T09:00:00+08:00');
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ clock: () => t, options: { staffSessionHours: 1, staffIdleMinutes: 600 } });
  });
  afterAll(() => hub.close());

  it('is refused without a write', async () => {
    const token = await hub.login('manager');
    t += 61 * 60_000;
    const before = hub.hub.lastSeq();
    expect((await hub.api('GET', '/api/me', { token })).body.error.code).toBe('invalid_token');
    expect(hub.hub.lastSeq()).toBe(before);
  });
});

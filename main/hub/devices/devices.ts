// Devices join with a one-time code that an admin creates and that expires, and leave when an
// admin revokes them. Each step is one commit of its events; the answers say what to tell.
import { randomUUID } from 'node:crypto';
import type { DeviceView } from '../../common/api.js';
import { lifeMarksOf } from '../auth/life-marks.js';
import { deviceSessionStarted } from '../auth/session-projector.js';
import { hashSecret, newPairingCode, newToken } from '../../node/tokens.js';
import type { Hub } from '../lobby/hub.js';
import { readDevice, readDevices } from './device-projector.js';
import { pairingCodesOf } from './pairing-codes.js';

// A paired kiosk or display stays paired until the admin revokes it: a kiosk must never
// un-pair itself at night, so its token does not run out; ten years is "for good".
const DEVICE_TOKEN_MS = 10 * 365 * 24 * 3_600_000;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function registerDevice(hub: Hub, device: { role: string; name: string; counter?: string }, codeMinutes: number, actor: string): { deviceId: string; pairingCode: string; expiresAt: number } {
  const deviceId = randomUUID();
  const pairingCode = newPairingCode();
  const now = hub.clock();
  const expiresAt = now + codeMinutes * 60_000;
  const counter = device.counter === undefined ? {} : { counter: device.counter };
  hub.commit([{ type: 'device.registered', deviceId, role: device.role, name: device.name, pairingExpiresAt: expiresAt, ...counter }], actor, now);
  pairingCodesOf(hub).hold(deviceId, pairingCode, expiresAt);
  return { deviceId, pairingCode, expiresAt };
}

export type PairResult = { token: string; deviceId: string; role: string } | { refused: 'pairing_code_invalid' | 'pairing_code_expired' };

/** The device's first and only use of its code: it gets a token for good, the code dies. */
export function pairDevice(hub: Hub, pairingCode: string): PairResult {
  const now = hub.clock();
  const codes = pairingCodesOf(hub);
  const check = codes.check(pairingCode, now);
  if ('refused' in check) return check;
  const device = readDevice(hub.ledger, check.deviceId);
  if (!device || device.paired_at !== null || device.revoked_at !== null) return { refused: 'pairing_code_invalid' };
  const token = newToken();
  hub.commit([{ type: 'device.paired', deviceId: device.device_id }, deviceSessionStarted(hashSecret(token), device.device_id, device.role, now + DEVICE_TOKEN_MS)], device.device_id, now);
  codes.drop(device.device_id);
  lifeMarksOf(hub).deviceSeen(device.device_id, now);
  return { token, deviceId: device.device_id, role: device.role };
}

export type RevokeResult = { revokedAt: number } | { refused: 'unknown_device' | 'already_revoked' };

/** Revoked at once: its sessions end with the event, and its code not yet used dies. */
export function revokeDevice(hub: Hub, deviceId: string, actor: string): RevokeResult {
  const device = readDevice(hub.ledger, deviceId);
  if (!device) return { refused: 'unknown_device' };
  if (device.revoked_at !== null) return { refused: 'already_revoked' };
  const now = hub.clock();
  // Its last sign of life is kept in memory for the list before it can no longer move.
  lifeMarksOf(hub).deviceLastSeen(deviceId, device.paired_at);
  hub.commit([{ type: 'device.revoked', deviceId }], actor, now);
  pairingCodesOf(hub).drop(deviceId);
  return { revokedAt: now };
}

/** The admin's list; a code's expiry only while the hub still holds the code (a restart voids it). */
export function listDevices(hub: Hub): DeviceView[] {
  const codes = pairingCodesOf(hub);
  const marks = lifeMarksOf(hub);
  return readDevices(hub.ledger).map((d) => ({
    deviceId: d.device_id,
    role: d.role,
    name: d.name,
    paired: d.paired_at !== null,
    pairedAt: iso(d.paired_at),
    pairingExpiresAt: d.paired_at === null && d.revoked_at === null && codes.holds(d.device_id) ? iso(d.pairing_expires_at) : null,
    lastSeenAt: iso(marks.deviceLastSeen(d.device_id, d.paired_at)),
    revokedAt: iso(d.revoked_at),
    counter: d.counter,
  }));
}

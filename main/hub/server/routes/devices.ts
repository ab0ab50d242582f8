// Devices (kiosks, displays, counter terminals, manager tablets) join with a one-time code
// that an admin creates and that expires, and leave when an admin revokes them.
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { DeviceView } from '../../../common/api.js';
import { api } from '../../../common/routes/index.js';
import type { Role } from '../../../common/domain.js';
import { hashSecret, newPairingCode, newToken, normalisePairingCode } from '../../auth/tokens.js';
import type { ServerContext } from '../context.js';
import { deviceLastSeen } from '../device-last-seen.js';
import { principalOf } from '../guard.js';
import { HttpError } from '../http-error.js';
import { registerRoute } from '../register-route.js';

// A paired kiosk or display stays paired until the admin revokes it (DELETE below): a kiosk
// must never un-pair itself at night, so its token does not run out; ten years is "for good".
const DEVICE_TOKEN_MS = 10 * 365 * 24 * 3_600_000;

interface DeviceRow {
  device_id: string;
  role: string;
  name: string;
  pairing_expires_at: number | null;
  paired_at: number | null;
  revoked_at: number | null;
  last_seen_at: number | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function registerDeviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { db, hub, options } = ctx;
  const lastSeen = deviceLastSeen(db, hub.clock);

  // Every request a device's token authenticates is a sign of life, refused or not.
  app.addHook('onResponse', async (request) => {
    if (request.principal?.kind === 'device') lastSeen.touch(request.principal.id);
  });

  registerRoute(app, api.registerDevice, async (request, _reply, input) => {
    const { role, name } = input.body;
    const deviceId = randomUUID();
    const pairingCode = newPairingCode();
    const now = hub.clock();
    const expires = now + options.pairingCodeMinutes * 60_000;
    hub.audit({ type: 'device.registered', deviceId, role, name }, principalOf(request).id, (tx) =>
      tx
        .prepare('INSERT INTO devices (device_id, role, name, pairing_code_hash, pairing_expires_at, paired_at) VALUES (?, ?, ?, ?, ?, NULL)')
        .run(deviceId, role, name, hashSecret(pairingCode), expires),
    );
    // The pairing QR and code carry the certificate's fingerprint, which the terminal pins.
    return { deviceId, pairingCode, expiresAt: new Date(expires).toISOString(), certFingerprint: options.certFingerprint };
  });

  registerRoute(app, api.devices, async () => {
    const rows = db.prepare('SELECT * FROM devices ORDER BY rowid').all() as DeviceRow[];
    const devices: DeviceView[] = rows.map((d) => ({
      deviceId: d.device_id,
      role: d.role,
      name: d.name,
      paired: d.paired_at !== null,
      pairedAt: iso(d.paired_at),
      pairingExpiresAt: d.paired_at === null && d.revoked_at === null ? iso(d.pairing_expires_at) : null,
      lastSeenAt: iso(lastSeen.lastSeen(d.device_id, d.last_seen_at)),
      revokedAt: iso(d.revoked_at),
    }));
    return { devices };
  });

  // Revoked at once: the device's sessions go in the transaction of the event, so its next
  // request is a 401, and the live feed hears the event and closes its socket.
  registerRoute(app, api.revokeDevice, async (request, _reply, input) => {
    const { id } = input.params;
    const device = db.prepare('SELECT * FROM devices WHERE device_id = ?').get(id) as DeviceRow | undefined;
    if (!device) throw new HttpError(404, 'unknown_device', 'There is no such device.');
    if (device.revoked_at !== null) throw new HttpError(409, 'already_revoked', 'This device has already been revoked.');
    const now = hub.clock();
    const seen = lastSeen.lastSeen(id, device.last_seen_at);
    hub.audit({ type: 'device.revoked', deviceId: id }, principalOf(request).id, (tx) => {
      tx.prepare('DELETE FROM sessions WHERE device_id = ?').run(id);
      // A code not yet used dies with the device; its last sign of life is kept for good.
      tx.prepare('UPDATE devices SET revoked_at = ?, last_seen_at = ?, pairing_code_hash = NULL WHERE device_id = ?').run(now, seen, id);
    });
    return { deviceId: id, revokedAt: iso(now) };
  });

  registerRoute(app, api.pairDevice, async (_request, _reply, input) => {
    const { pairingCode } = input.body;
    const now = hub.clock();
    const device = db
      .prepare('SELECT * FROM devices WHERE pairing_code_hash = ?')
      .get(hashSecret(normalisePairingCode(pairingCode))) as DeviceRow | undefined;
    if (!device || device.paired_at !== null) {
      throw new HttpError(401, 'pairing_code_invalid', 'This pairing code is not valid or has been used; ask the admin for a new one.');
    }
    if (device.pairing_expires_at !== null && device.pairing_expires_at <= now) {
      throw new HttpError(401, 'pairing_code_expired', 'This pairing code has expired; ask the admin for a new one.');
    }
    const token = newToken();
    hub.audit({ type: 'device.paired', deviceId: device.device_id }, device.device_id, (tx) => {
      tx.prepare('UPDATE devices SET paired_at = ?, pairing_code_hash = NULL WHERE device_id = ?').run(now, device.device_id);
      tx.prepare('INSERT INTO sessions (token_hash, staff_id, device_id, role, created_at, expires_at) VALUES (?, NULL, ?, ?, ?, ?)').run(
        hashSecret(token),
        device.device_id,
        device.role,
        now,
        now + DEVICE_TOKEN_MS,
      );
    });
    return { token, role: device.role as Role, deviceId: device.device_id };
  });
}

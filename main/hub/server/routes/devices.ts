// Devices (kiosks, displays, counter terminals, manager tablets) join with a one-time code
// that an admin creates and that expires, and leave when an admin revokes them.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import type { Role } from '../../../common/domain.js';
import { lifeMarksOf } from '../../auth/life-marks.js';
import { listDevices, pairDevice, registerDevice, revokeDevice } from '../../devices/devices.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { DomainError } from '../../../common/errors.js';
import { registerRoute } from '../register-route.js';

const REFUSED = {
  unknown_device: ['not_found', 'There is no such device.'],
  already_revoked: ['conflict', 'This device has already been revoked.'],
  pairing_code_invalid: ['unauthorized', 'This pairing code is not valid or has been used; ask the admin for a new one.'],
  pairing_code_expired: ['unauthorized', 'This pairing code has expired; ask the admin for a new one.'],
} as const;

const refused = (code: keyof typeof REFUSED) => new DomainError(REFUSED[code][0], code, REFUSED[code][1]);

export function registerDeviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub, options } = ctx;
  const marks = lifeMarksOf(hub);

  // Every request a device's token authenticates is a sign of life, refused or not.
  app.addHook('onResponse', async (request) => {
    if (request.principal?.kind === 'device') marks.deviceSeen(request.principal.id, hub.clock());
  });

  registerRoute(app, api.registerDevice, async (request, _reply, input) => {
    const { role, name, counter } = input.body;
    // A pad at a counter the branch does not have would never ask anything.
    if (counter !== undefined && !hub.state.counters[counter]) throw new DomainError('invalid', 'unknown_counter', `There is no counter ${counter}.`);
    const { deviceId, pairingCode, expiresAt } = registerDevice(hub, { role, name, ...(counter === undefined ? {} : { counter }) }, options.pairingCodeMinutes, principalOf(request).id);
    // The pairing QR and code carry the certificate's fingerprint, which the terminal pins.
    return { deviceId, pairingCode, expiresAt: new Date(expiresAt).toISOString(), certFingerprint: options.certFingerprint };
  });

  registerRoute(app, api.devices, async () => ({ devices: listDevices(hub) }));

  // Revoked at once: the device's sessions end in the transaction of the event, so its next
  // request is a 401, and the live feed hears the event and closes its socket.
  registerRoute(app, api.revokeDevice, async (request, _reply, input) => {
    const { id } = input.params;
    const result = revokeDevice(hub, id, principalOf(request).id);
    if ('refused' in result) throw refused(result.refused);
    return { deviceId: id, revokedAt: new Date(result.revokedAt).toISOString() };
  });

  registerRoute(app, api.pairDevice, async (_request, _reply, input) => {
    const { pairingCode } = input.body;
    const result = pairDevice(hub, pairingCode);
    if ('refused' in result) throw refused(result.refused);
    return { token: result.token, role: result.role as Role, deviceId: result.deviceId };
  });
}

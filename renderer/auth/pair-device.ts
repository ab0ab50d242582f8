// Pairing: trade a one-time code from the admin screen for this device's token.
import type { PairAnswer } from '../../main/common/api';
import { apiRequest } from '../hub-client';
import { setSession, type Screen } from './session';

/** Thrown when a code registered for another kind of device is used here (e.g. a display's on the kiosk). */
export class WrongDeviceRole extends Error {
  constructor(readonly role: string) {
    super(role);
  }
}

export async function pairDevice(screen: Screen, pairingCode: string): Promise<PairAnswer> {
  const a = await apiRequest<PairAnswer>('/api/devices/pair', { body: { pairingCode: pairingCode.trim() } });
  if (!a) throw new Error('empty answer');
  if (a.role !== screen) throw new WrongDeviceRole(a.role);
  setSession(screen, { token: a.token, role: a.role, deviceId: a.deviceId });
  return a;
}

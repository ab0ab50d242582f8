// Pairing: trade a one-time code from the admin screen for this device's token.
import type { PairAnswer } from '../../main/common/api';
import type { AtriumBridge } from '../../main/common/ipc';
import { apiRequest } from '../hub-client';
import { setSession, type Screen } from './session';

/** Thrown when a code registered for another kind of device is used here (e.g. a display's on the kiosk). */
export class WrongDeviceRole extends Error {
  constructor(readonly role: string) {
    super(role);
  }
}

declare global {
  interface Window {
    /** Present only inside the Atrium Electron shell (preload/index.ts). */
    atrium?: AtriumBridge;
  }
}

const DEVICE_SCREENS: readonly string[] = ['kiosk', 'counter', 'manager', 'display'];

/**
 * Pairs this device. `screen` is the screen asking; null is the shell's first-run page
 * (/pair), which accepts a code of any device role and becomes that role's screen.
 */
export async function pairDevice(screen: Screen | null, pairingCode: string, certFingerprint?: string): Promise<PairAnswer & { screen: Screen }> {
  const a = await apiRequest<PairAnswer>('/api/devices/pair', { body: { pairingCode: pairingCode.trim() } });
  if (!a) throw new Error('empty answer');
  if (screen ? a.role !== screen : !DEVICE_SCREENS.includes(a.role)) throw new WrongDeviceRole(a.role);
  const target = (screen ?? a.role) as Screen;
  setSession(target, { token: a.token, role: a.role, deviceId: a.deviceId });
  // In the Electron shell the terminal keeps its role and token in its own settings, so it
  // opens the right screen at the next start.
  // A paired screen is never 'records' (a staff-only page): the checks above guarantee it.
  // The fingerprint from the pairing QR or code lets the shell pin the hub's certificate.
  const fp = certFingerprint?.trim();
  await window.atrium?.setPairing({ hubUrl: location.origin, token: a.token, role: target as Exclude<Screen, 'records'>, ...(fp ? { certFingerprint: fp } : {}) });
  return { ...a, screen: target };
}

// Pairing: trade a one-time code from the admin screen for this device's token.
import type { Role } from '../../main/common/domain';
import type { AtriumBridge } from '../../main/common/ipc';
import { api } from '../../main/common/routes/index';
import { ApiError, callHub } from '../hub-client';
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

const DEVICE_SCREENS: readonly string[] = ['kiosk', 'counter', 'manager', 'display', 'rating'];

/**
 * Pairs this device. `screen` is the screen asking; null is the shell's first-run page
 * (/pair), which accepts a code of any device role and becomes that role's screen.
 */
export async function pairDevice(screen: Screen | null, pairingCode: string, certFingerprint?: string): Promise<{ screen: Screen }> {
  const code = pairingCode.trim();
  // In the Electron shell, main trades the code with the hub and keeps the role the hub gives.
  if (typeof window.atrium?.setPairing === 'function') return pairInShell(window.atrium, code, certFingerprint?.trim());
  const a = await callHub(api.pairDevice, null, { body: { pairingCode: code } });
  if (screen ? a.role !== screen : !DEVICE_SCREENS.includes(a.role)) throw new WrongDeviceRole(a.role);
  const target = (screen ?? a.role) as Screen;
  setSession(target, { token: a.token, role: a.role, deviceId: a.deviceId });
  return { screen: target };
}

/** The role is the hub's answer, whatever screen asked: main then opens that role's window. */
// The fingerprint from the pairing QR or code lets the shell pin the hub's certificate.
async function pairInShell(shell: AtriumBridge, pairingCode: string, certFingerprint?: string): Promise<{ screen: Screen }> {
  const answer = await shell.setPairing({ pairingCode, ...(certFingerprint ? { certFingerprint } : {}) });
  if (!answer.ok) throw new ApiError(400, answer.code, answer.message);
  const { role, deviceToken } = answer.settings;
  if (!role || !deviceToken) throw new Error('the shell kept no pairing');
  setSession(role, { token: deviceToken, role: role as Role });
  return { screen: role };
}

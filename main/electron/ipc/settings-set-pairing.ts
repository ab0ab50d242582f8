// settings:set-pairing — the pairing page, having exchanged a pairing code for a device
// token (POST /api/devices/pair), stores the token and role; main then reopens the window
// in that role. The page may pair the terminal only with the hub that served it.
import { SetPairingRequest } from '../../common/ipc.js';
import type { TerminalSettings } from '../../common/settings.js';
import { pinForPairing, PinRefused, type CertificatePins } from '../cert-pin.js';
import { assertFromHub, IpcRefused, originOf } from './sender.js';
import type { IpcHandler, SettingsAccess } from './types.js';

export const CHANNEL = 'settings:set-pairing';

export function settingsSetPairingHandler(
  settings: SettingsAccess,
  onPaired: (settings: TerminalSettings) => void,
  certificates?: CertificatePins,
): IpcHandler<typeof CHANNEL> {
  return async (event, request) => {
    const senderOrigin = assertFromHub(CHANNEL, event, settings.get().hubUrl);
    const pairing = SetPairingRequest.parse(request);
    if (originOf(pairing.hubUrl) !== senderOrigin) {
      throw new IpcRefused(`${CHANNEL}: a page can pair the terminal only with its own hub`);
    }
    let hubFingerprint: string | null = null;
    try {
      hubFingerprint = certificates ? pinForPairing(senderOrigin, pairing.certFingerprint, settings.get(), certificates) : null;
    } catch (err) {
      if (err instanceof PinRefused) throw new IpcRefused(`${CHANNEL}: ${err.message}`);
      throw err;
    }
    const updated = settings.update({ hubUrl: senderOrigin, deviceToken: pairing.token, role: pairing.role, hubFingerprint });
    onPaired(updated);
    return updated;
  };
}

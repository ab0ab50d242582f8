// settings:set-pairing — the pairing page, having exchanged a pairing code for a device
// token (POST /api/devices/pair), stores the token and role; main then reopens the window
// in that role. The page may pair the terminal only with the hub that served it.
import { SetPairingRequest } from '../../common/ipc.js';
import type { TerminalSettings } from '../../common/settings.js';
import { assertFromHub, IpcRefused, originOf } from './sender.js';
import type { IpcHandler, SettingsAccess } from './types.js';

export const CHANNEL = 'settings:set-pairing';

export function settingsSetPairingHandler(
  settings: SettingsAccess,
  onPaired: (settings: TerminalSettings) => void,
): IpcHandler<typeof CHANNEL> {
  return async (event, request) => {
    const senderOrigin = assertFromHub(CHANNEL, event, settings.get().hubUrl);
    const pairing = SetPairingRequest.parse(request);
    if (originOf(pairing.hubUrl) !== senderOrigin) {
      throw new IpcRefused(`${CHANNEL}: a page can pair the terminal only with its own hub`);
    }
    const updated = settings.update({ hubUrl: senderOrigin, deviceToken: pairing.token, role: pairing.role });
    onPaired(updated);
    return updated;
  };
}

// kiosk:exit — a staff member leaves kiosk mode after the hidden gesture. Main, not the page,
// checks the PIN with the hub (POST /api/auth/login: throttled, locked after 5 failures,
// every attempt audited), records who left which kiosk (POST /api/kiosk/exit), signs the
// staff token out at once (a customer-facing device keeps no person's token), and only
// then unlocks the window.
import { KioskExitRequest, type KioskExitAnswer } from '../../common/kiosk-bridge.js';
import { hubCall, type FetchLike } from '../hub-call.js';
import { assertFromHub, IpcRefused } from './sender.js';
import type { IpcHandler, SettingsAccess } from './types.js';

export const CHANNEL = 'kiosk:exit';

export function kioskExitHandler(settings: SettingsAccess, fetchImpl: FetchLike, onExit: (staffId: string) => void): IpcHandler<typeof CHANNEL> {
  return async (event, request): Promise<KioskExitAnswer> => {
    const current = settings.get();
    assertFromHub(CHANNEL, event, current.hubUrl);
    const { staffId, pin } = KioskExitRequest.parse(request);
    if (current.role !== 'kiosk') throw new IpcRefused(`${CHANNEL}: this terminal is not a kiosk`);
    const login = await hubCall<{ token: string; role: string }>(fetchImpl, current.hubUrl, '/api/auth/login', { body: { staffId, pin } });
    if (!login.body) return { ok: false, ...login.error! };
    const staffToken = login.body.token;
    try {
      const me = await hubCall<{ id: string }>(fetchImpl, current.hubUrl, '/api/me', { token: current.deviceToken });
      const exit = await hubCall(fetchImpl, current.hubUrl, '/api/kiosk/exit', { token: staffToken, body: { device: me.body?.id ?? null } });
      if (exit.error) {
        return exit.status === 403
          ? { ok: false, code: 'forbidden', message: 'Only a lobby manager or an administrator may leave kiosk mode.' }
          : { ok: false, ...exit.error };
      }
    } finally {
      await hubCall(fetchImpl, current.hubUrl, '/api/auth/logout', { token: staffToken, body: {} });
    }
    onExit(staffId);
    return { ok: true, staffId };
  };
}

// settings:set-pairing — the pairing page hands main the one-time code; main trades it with
// the hub this terminal is set up for (POST /api/devices/pair) and stores the token and role
// the hub answered, then reopens the window in that role. The page never names a role or a
// token: a terminal changes its role only with a new code the hub accepted.
import { PairAnswerSchema } from '../../common/api.js';
import { SetPairingRequest, type SetPairingAnswer } from '../../common/ipc.js';
import { TERMINAL_ROLES, type TerminalSettings } from '../../common/settings.js';
import { hubCall, type FetchLike } from '../hub-call.js';
import { assertFromHub } from './sender.js';
import type { IpcHandler, SettingsAccess } from './types.js';

export const CHANNEL = 'settings:set-pairing';

export function settingsSetPairingHandler(
  settings: SettingsAccess,
  fetchImpl: FetchLike,
  onPaired: (settings: TerminalSettings) => void,
): IpcHandler<typeof CHANNEL> {
  return async (event, request): Promise<SetPairingAnswer> => {
    const current = settings.get();
    assertFromHub(CHANNEL, event, current.hubUrl);
    const { pairingCode } = SetPairingRequest.parse(request);
    const reply = await hubCall<unknown>(fetchImpl, current.hubUrl, '/api/devices/pair', { body: { pairingCode } });
    if (reply.error) return { ok: false, ...reply.error };
    const answer = PairAnswerSchema.safeParse(reply.body);
    if (!answer.success) return { ok: false, code: 'bad_hub_answer', message: 'The hub answered the pairing in a form this terminal does not know.' };
    const role = TERMINAL_ROLES.find((r) => r === answer.data.role);
    if (!role) return { ok: false, code: 'unsupported_role', message: `This terminal cannot run as a ${answer.data.role}.` };
    const updated = settings.update({ deviceToken: answer.data.token, role });
    onPaired(updated);
    return { ok: true, settings: updated };
  };
}

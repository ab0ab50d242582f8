// settings:set-pairing — the pairing page hands main the one-time code (and, over HTTPS, the
// certificate fingerprint the pairing QR or code carried); main pins the hub's certificate
// first, then trades the code with the hub this terminal is set up for (POST
// /api/devices/pair) and stores the token and role the hub answered, then reopens the window
// in that role. The page never names a role or a token: a terminal changes its role only
// with a new code the hub accepted, and never sends that code to a certificate it did not pin.
import { PairAnswerSchema } from '../../common/api.js';
import { SetPairingRequest, type SetPairingAnswer } from '../../common/ipc.js';
import { TERMINAL_ROLES, type TerminalSettings } from '../../common/settings.js';
import { pinForPairing, PinRefused, type CertificatePins } from '../cert-pin.js';
import { hubCall, type FetchLike } from '../hub-call.js';
import { assertFromHub, IpcRefused } from './sender.js';
import type { IpcHandler, SettingsAccess } from './types.js';

export const CHANNEL = 'settings:set-pairing';

export function settingsSetPairingHandler(
  settings: SettingsAccess,
  fetchImpl: FetchLike,
  onPaired: (settings: TerminalSettings) => void,
  certificates?: CertificatePins,
): IpcHandler<typeof CHANNEL> {
  return async (event, request): Promise<SetPairingAnswer> => {
    const current = settings.get();
    const senderOrigin = assertFromHub(CHANNEL, event, current.hubUrl);
    const { pairingCode, certFingerprint } = SetPairingRequest.parse(request);
    let hubFingerprint: string | null = null;
    try {
      hubFingerprint = certificates ? pinForPairing(senderOrigin, certFingerprint, current, certificates) : null;
    } catch (err) {
      if (err instanceof PinRefused) throw new IpcRefused(`${CHANNEL}: ${err.message}`);
      throw err;
    }
    const reply = await hubCall<unknown>(fetchImpl, current.hubUrl, '/api/devices/pair', { body: { pairingCode } });
    if (reply.error) return { ok: false, ...reply.error };
    const answer = PairAnswerSchema.safeParse(reply.body);
    if (!answer.success) return { ok: false, code: 'bad_hub_answer', message: 'The hub answered the pairing in a form this terminal does not know.' };
    const role = TERMINAL_ROLES.find((r) => r === answer.data.role);
    if (!role) return { ok: false, code: 'unsupported_role', message: `This terminal cannot run as a ${answer.data.role}.` };
    const updated = settings.update({ deviceToken: answer.data.token, role, hubFingerprint });
    onPaired(updated);
    return { ok: true, settings: updated };
  };
}

// One-time pairing codes, held in the hub's memory only, as hashes. A code lives ten minutes
// and is used once: keeping it out of the database means no backup, copy or shipped ledger ever
// holds a code that still pairs, and `rebuild` has nothing to copy. The price is that a hub
// restart voids a code not used yet: pairing then answers pairing_code_invalid, the admin's
// list shows the code as expired, and the admin registers the device again for a new code.
import type { Hub } from '../lobby/hub.js';
import { hashSecret, normalisePairingCode } from '../../node/tokens.js';

interface HeldCode {
  deviceId: string;
  expiresAt: number;
}

export type CodeCheck = { deviceId: string } | { refused: 'pairing_code_invalid' | 'pairing_code_expired' };

export class PairingCodes {
  /** By code hash. An expired code stays until used or revoked, so its answer says "expired". */
  private readonly byHash = new Map<string, HeldCode>();

  hold(deviceId: string, code: string, expiresAt: number): void {
    this.byHash.set(hashSecret(normalisePairingCode(code)), { deviceId, expiresAt });
  }

  check(code: string, now: number): CodeCheck {
    const held = this.byHash.get(hashSecret(normalisePairingCode(code)));
    if (!held) return { refused: 'pairing_code_invalid' };
    if (held.expiresAt <= now) return { refused: 'pairing_code_expired' };
    return { deviceId: held.deviceId };
  }

  /** Whether the device still has a code that was not used (expired or not). */
  holds(deviceId: string): boolean {
    for (const held of this.byHash.values()) if (held.deviceId === deviceId) return true;
    return false;
  }

  /** The device paired or was revoked: its code pairs nothing any more. */
  drop(deviceId: string): void {
    for (const [hash, held] of [...this.byHash]) if (held.deviceId === deviceId) this.byHash.delete(hash);
  }
}

const codes = new WeakMap<Hub, PairingCodes>();

export function pairingCodesOf(hub: Hub): PairingCodes {
  let held = codes.get(hub);
  if (!held) {
    held = new PairingCodes();
    codes.set(hub, held);
  }
  return held;
}

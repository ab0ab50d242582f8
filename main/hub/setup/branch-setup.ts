// The first admin sets the branch up: its names in both languages, its opening hours and
// their own PIN, in one commit (the admin's PIN hash beside it in the credentials table), so
// a branch is never half set up. Then the setup code is spent.
import type { LedgerEvent } from '../../common/events.js';
import { DomainError } from '../../common/errors.js';
import { hashPin } from '../../node/pin-hash.js';
import { staffDefined, storeStaffPin } from '../auth/staff-projector.js';
import type { Hub } from '../lobby/hub.js';
import { settingChanged } from '../settings/settings-projector.js';
import { requireGoodPin } from '../../node/one-time-pin.js';
import { setupGateOf } from './setup-gate.js';

export interface BranchSetup {
  code: string;
  branch: { nameZh: string; nameEn: string; openingTime?: string | undefined; closingTime?: string | undefined };
  admin: { staffId: string; name: string; pin: string };
}

/** The events of a setup; the hours as the records' settings keep them (JSON strings, see records/settings.ts). */
function setupEvents(s: BranchSetup, pinHash: string): LedgerEvent[] {
  const { branch, admin } = s;
  return [
    settingChanged('branch.nameZh', branch.nameZh),
    settingChanged('branch.nameEn', branch.nameEn),
    ...(branch.openingTime ? [settingChanged('records.openingTime', JSON.stringify(branch.openingTime))] : []),
    ...(branch.closingTime ? [settingChanged('records.closingTime', JSON.stringify(branch.closingTime))] : []),
    staffDefined({ staffId: admin.staffId, role: 'admin', name: admin.name, demo: false }, pinHash),
  ];
}

/**
 * Checks the code (and counts the guess), the hours and the PIN, then writes the setup. Two
 * setups at once: the first to pass the checks claims the gate, the other gets 409.
 */
export async function setUpBranch(hub: Hub, s: BranchSetup, source: string | null): Promise<void> {
  const gate = setupGateOf(hub);
  gate.requireOpen();
  await gate.check(s.code, source);
  const { openingTime, closingTime } = s.branch;
  if (openingTime && closingTime && openingTime >= closingTime) {
    throw new DomainError('invalid', 'bad_hours', 'The branch must open before it closes.');
  }
  requireGoodPin(s.admin.pin);
  gate.claim();
  try {
    const pinHash = await hashPin(s.admin.pin);
    storeStaffPin(hub.ledger, s.admin.staffId, pinHash, () => hub.commit(setupEvents(s, pinHash), s.admin.staffId));
    gate.spend();
  } catch (err) {
    gate.release();
    throw err;
  }
}

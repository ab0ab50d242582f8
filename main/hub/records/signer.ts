// A signature needs the signer's own PIN, checked (and throttled) as at login: a borrowed
// session is not enough. `source` is the signing terminal's address, which the locks count by.
import { checkStaffPin } from '../auth/staff-pin.js';
import type { Hub } from '../lobby/hub.js';

export async function checkSignerPin(hub: Hub, staffId: string, pin: string, source: string | null): Promise<void> {
  await checkStaffPin(hub, staffId, pin, 'sign', source);
}

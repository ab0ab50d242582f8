// Who acts: a signed-in staff member or a paired device. The domain records and checks it (a
// day closed over an admin's override names the admin); the server resolves it from a token.
import type { Role } from '../../common/domain.js';

/** What a route grants access to. A paired manager tablet is not a signed-in manager. */
export const GRANTS = ['admin', 'manager', 'supervisor', 'teller', 'kiosk', 'display', 'counter-device', 'manager-device'] as const;
export type Grant = (typeof GRANTS)[number];

export interface Principal {
  kind: 'staff' | 'device';
  id: string;
  role: Role | 'manager';
  grant: Grant;
}

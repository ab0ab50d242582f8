// Who acts: a signed-in staff member or a paired device. The domain records and checks it (a
// day closed over an admin's override names the admin); the server resolves it from a token.
import type { Role } from '../../common/domain.js';
import type { Grant } from '../../common/routes/access.js';

// What a token grants is the route table's (main/common/routes/access.ts): one list says who may.
export { GRANTS, type Grant } from '../../common/routes/access.js';

export interface Principal {
  kind: 'staff' | 'device';
  id: string;
  role: Role | 'manager';
  grant: Grant;
}

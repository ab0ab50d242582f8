// Locks after repeated wrong PINs, for the admin: which staff IDs are locked now, for one
// address or for every address, and lifting all of an ID's locks early, so that a script
// locking the supervisor cannot keep them out for long.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import type { PinGuard } from '../../auth/pin-guard.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { DomainError } from '../../../common/errors.js';
import { registerRoute } from '../register-route.js';

export function registerStaffLockRoutes(app: FastifyInstance, ctx: ServerContext, guard: PinGuard): void {
  const { hub } = ctx;

  registerRoute(app, api.staffLocks, async () => ({ locks: guard.attempts.locks(hub.clock()) }));

  registerRoute(app, api.unlockStaff, async (request, _reply, input) => {
    const { id } = input.params;
    if (!guard.unlock(id, principalOf(request).id)) throw new DomainError('not_found', 'unknown_staff', `There is no staff member ${id}.`);
    return { staffId: id, unlocked: true };
  });
}

// Locks after repeated wrong PINs, for the admin: which staff IDs are locked now, for one
// address or for every address, and lifting all of an ID's locks early, so that a script
// locking the supervisor cannot keep them out for long.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { StaffLocksAnswer, UnlockAnswer } from '../../../common/api.js';
import type { PinGuard } from '../../auth/pin-guard.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';
import { DomainError } from '../../../common/errors.js';

const StaffParams = z.object({ id: z.string().min(1).max(64) });

export function registerStaffLockRoutes(app: FastifyInstance, ctx: ServerContext, guard: PinGuard): void {
  const { hub } = ctx;

  app.get('/api/staff/locks', { preHandler: allow('admin') }, async (): Promise<StaffLocksAnswer> => ({ locks: guard.attempts.locks(hub.clock()) }));

  app.post('/api/staff/:id/unlock', { preHandler: allow('admin') }, async (request): Promise<UnlockAnswer> => {
    const { id } = StaffParams.parse(request.params);
    const lift = guard.attempts.unlockWrite(id);
    if (!lift) throw new DomainError('not_found', 'unknown_staff', `There is no staff member ${id}.`);
    hub.audit({ type: 'auth.unlocked', staffId: id }, principalOf(request).id, lift);
    return { staffId: id, unlocked: true };
  });
}

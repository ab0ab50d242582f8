// Staff sign-in: scrypt-hashed PINs, failures slowed then locked; every sign-in audited, and
// failures audited per staff ID and minute (see auth/failure-audit.ts).
import type { FastifyInstance } from 'fastify';
import type { LoginAnswer } from '../../../common/api.js';
import { api } from '../../../common/routes/index.js';
import { attachPinGuard } from '../../auth/pin-guard.js';
import { signIn, signOut } from '../../auth/sessions.js';
import { findStaff } from '../../auth/staff-projector.js';
import { checkStaffPin } from '../../auth/staff-pin.js';
import type { ServerContext } from '../context.js';
import { bearerToken, principalOf } from '../guard.js';
import { registerRoute } from '../register-route.js';
import { registerStaffLockRoutes } from './staff-locks.js';

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub, options } = ctx;
  const guard = attachPinGuard(hub, { throttle: options.throttle, failureAudit: options.failureAudit });
  // Before the ledger closes: the failures still tallied are written.
  app.addHook('onClose', async () => guard.close());
  registerStaffLockRoutes(app, ctx, guard);

  registerRoute(app, api.login, async (request, _reply, input) => {
    const { staffId, pin } = input.body;
    const staff = await checkStaffPin(hub, staffId, pin, 'login', request.ip);
    const now = hub.clock();
    const token = signIn(hub, { staffId, role: staff.role }, now, now + options.staffSessionHours * 3_600_000);
    return { token, role: staff.role as LoginAnswer['role'], staffId, demoPin: staff.demo_pin === 1 };
  });

  registerRoute(app, api.logout, async (request) => {
    const token = bearerToken(request);
    if (token) signOut(hub, token, principalOf(request).id);
    return { ok: true };
  });

  registerRoute(app, api.me, async (request) => {
    const p = principalOf(request);
    const demo = p.kind === 'staff' ? findStaff(hub.ledger, p.id)?.demo_pin === 1 : false;
    return { kind: p.kind, id: p.id, role: p.role, demoPin: demo };
  });
}

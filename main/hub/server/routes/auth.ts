// Staff sign-in: scrypt-hashed PINs, failures slowed then locked; every sign-in audited, and
// failures audited per staff ID and minute (see auth/failure-audit.ts).
import type { FastifyInstance } from 'fastify';
import type { LoginAnswer } from '../../../common/api.js';
import { api } from '../../../common/routes/index.js';
import type { StaffRow } from '../../auth/attempts.js';
import { attachPinGuard } from '../../auth/pin-guard.js';
import { checkStaffPin } from '../../auth/staff-pin.js';
import { hashSecret, newToken } from '../../auth/tokens.js';
import type { ServerContext } from '../context.js';
import { bearerToken, principalOf } from '../guard.js';
import { registerRoute } from '../register-route.js';
import { registerStaffLockRoutes } from './staff-locks.js';

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { db, hub, options } = ctx;
  const guard = attachPinGuard(hub, { throttle: options.throttle, failureAudit: options.failureAudit });
  // Before the ledger closes: the failures still tallied are written.
  app.addHook('onClose', async () => guard.close());
  registerStaffLockRoutes(app, ctx, guard);
  const findStaff = db.prepare('SELECT staff_id, role, pin_hash, demo_pin, failed_attempts, locked_until FROM staff WHERE staff_id = ?');
  const insertSession = db.prepare(
    'INSERT INTO sessions (token_hash, staff_id, device_id, role, created_at, expires_at) VALUES (?, ?, NULL, ?, ?, ?)',
  );

  registerRoute(app, api.login, async (request, _reply, input) => {
    const { staffId, pin } = input.body;
    const staff = await checkStaffPin(hub, staffId, pin, 'login', request.ip);
    const now = hub.clock();
    const token = newToken();
    const expires = now + options.staffSessionHours * 3_600_000;
    hub.audit({ type: 'auth.login', staffId, ok: true, reason: null }, staffId, () => {
      insertSession.run(hashSecret(token), staffId, staff.role, now, expires);
    });
    return { token, role: staff.role as LoginAnswer['role'], staffId, demoPin: staff.demo_pin === 1 };
  });

  registerRoute(app, api.logout, async (request) => {
    const token = bearerToken(request);
    if (token) db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashSecret(token));
    return { ok: true };
  });

  registerRoute(app, api.me, async (request) => {
    const p = principalOf(request);
    const demo = p.kind === 'staff' ? (findStaff.get(p.id) as StaffRow | undefined)?.demo_pin === 1 : false;
    return { kind: p.kind, id: p.id, role: p.role, demoPin: demo };
  });
}

// The admin's staff list, and everyone's own PIN (hub/staff/).
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../../common/errors.js';
import { api } from '../../../common/routes/index.js';
import { signIn } from '../../auth/sessions.js';
import { setOwnPin } from '../../staff/own-pin.js';
import { addStaff, changeStaff, resetStaffPin, staffList } from '../../staff/staff-admin.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { registerRoute } from '../register-route.js';

export function registerStaffRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub, options } = ctx;

  registerRoute(app, api.staffList, async () => ({ staff: staffList(hub) }));

  registerRoute(app, api.addStaff, async (request, _reply, input) => addStaff(hub, input.body, principalOf(request).id));

  registerRoute(app, api.changeStaff, async (request, _reply, input) => ({
    staff: changeStaff(hub, input.params.id, input.body, principalOf(request).id),
  }));

  registerRoute(app, api.resetStaffPin, async (request, _reply, input) => ({
    staffId: input.params.id,
    oneTimePin: await resetStaffPin(hub, input.params.id, principalOf(request).id),
  }));

  registerRoute(app, api.changePin, async (request, _reply, input) => {
    const { pin, newPin } = input.body;
    const p = request.principal;
    if (p && p.kind !== 'staff') throw new DomainError('forbidden', 'device_has_no_pin', 'A device has no PIN: sign in as yourself.');
    // Signed in: one's own PIN, whatever staffId the body names. Not signed in: the one-time case.
    const staffId = p ? p.id : input.body.staffId;
    if (!staffId) throw new DomainError('invalid', 'invalid_request', 'Give your staff ID.');
    const { role, wasOneTime } = await setOwnPin(hub, staffId, pin, newPin, p !== null, request.ip);
    if (p || !wasOneTime) return { staffId, session: null };
    const now = hub.clock();
    const token = signIn(hub, { staffId, role }, now, now + options.staffSessionHours * 3_600_000);
    return { staffId, session: { token, role, staffId, demoPin: false } };
  });
}

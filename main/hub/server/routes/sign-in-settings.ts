// How long a staff sign-in may go unused before it ends. A branch whose tellers step away
// often wants it short; one whose counters serve long corporate customers wants it longer.
// The admin sets it; it applies at once to every sign-in, REST and live feed alike.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { registerRoute } from '../register-route.js';
import { settingChanged } from '../../settings/settings-projector.js';

export const STAFF_IDLE_SETTING = 'auth.staffIdleMinutes';

export function registerSignInSettingsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, api.signInSettings, async () => ({ staffIdleMinutes: ctx.options.staffIdleMinutes }));

  registerRoute(app, api.setSignInSettings, async (request, _reply, input) => {
    const { staffIdleMinutes } = input.body;
    const value = String(staffIdleMinutes);
    ctx.hub.audit(settingChanged(STAFF_IDLE_SETTING, value), principalOf(request).id);
    ctx.options.staffIdleMinutes = staffIdleMinutes;
    return { staffIdleMinutes };
  });
}

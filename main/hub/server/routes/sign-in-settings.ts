// How long a staff sign-in may go unused before it ends. A branch whose tellers step away
// often wants it short; one whose counters serve long corporate customers wants it longer.
// The admin sets it; it applies at once to every sign-in, REST and live feed alike.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';
import { settingChanged } from '../../settings/settings-projector.js';

export const STAFF_IDLE_SETTING = 'auth.staffIdleMinutes';

// Five minutes is the shortest a teller can serve a customer without being signed out
// mid-job; twelve hours is a whole business day.
const SignInSettings = z.strictObject({ staffIdleMinutes: z.number().int().min(5).max(720) });

export function registerSignInSettingsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/settings/sign-in', { preHandler: allow('admin') }, async () => ({ staffIdleMinutes: ctx.options.staffIdleMinutes }));

  app.put('/api/settings/sign-in', { preHandler: allow('admin') }, async (request) => {
    const { staffIdleMinutes } = SignInSettings.parse(request.body);
    const value = String(staffIdleMinutes);
    ctx.hub.audit(settingChanged(STAFF_IDLE_SETTING, value), principalOf(request).id);
    ctx.options.staffIdleMinutes = staffIdleMinutes;
    return { staffIdleMinutes };
  });
}

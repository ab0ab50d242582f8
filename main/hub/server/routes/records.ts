// The record kinds' routes (main/hub/records/index.ts lists them), registered in one loop: the
// kind describes the call, this file gives it HTTP (the role check, the caller, the answer's
// headers; errors take the server's one mapping). Also the records' reminders timer.
import type { FastifyInstance } from 'fastify';
import { RECORD_ROUTES } from '../../records/index.js';
import { startReminders } from '../../records/reminders.js';
import type { RouteDeps } from '../../records/route.js';
import { dailyReport } from '../../reports/daily.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';

export function registerRecordRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;
  const deps: RouteDeps = { hub, dailyReport: (date) => dailyReport(hub.ledger.db, date) };
  for (const route of RECORD_ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      preHandler: allow(...route.roles),
      ...(route.bodyLimit !== undefined && { bodyLimit: route.bodyLimit }),
      handler: async (request, reply) => {
        const { id, grant } = principalOf(request);
        const answer = await route.handler({ params: request.params, query: request.query, body: request.body, ip: request.ip }, { id, grant }, deps);
        if (route.headers) void reply.headers(route.headers(answer));
        return answer;
      },
    });
  }

  const stop = startReminders(hub, ctx.alerts);
  app.addHook('onClose', async () => stop());
}

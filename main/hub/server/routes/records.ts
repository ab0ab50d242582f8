// The record kinds' routes (main/hub/records/index.ts lists them), registered in one loop from
// the route table's definitions they name: the kind describes the call, this file gives it
// HTTP (the role check, the caller, the answer's headers; errors take the server's one
// mapping). Also the records' reminders timer.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RouteDef } from '../../../common/routes/index.js';
import { RECORD_ROUTES } from '../../records/index.js';
import { startReminders } from '../../records/reminders.js';
import type { RouteDeps, RouteInput as RecordInput } from '../../records/route.js';
import { dailyReport } from '../../reports/daily.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { registerRoute, type RouteInput } from '../register-route.js';

export function registerRecordRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;
  const deps: RouteDeps = { hub, dailyReport: (date) => dailyReport(hub.ledger.db, date, hub.clock()) };
  for (const route of RECORD_ROUTES) {
    registerRoute(app, route.def, async (request, reply, input) => {
      const { id, grant } = principalOf(request);
      const answer = await route.handler(recordInput(input, request), { id, grant }, deps);
      if (route.headers) void reply.headers(route.headers(answer));
      return answer;
    });
  }

  const stop = startReminders(hub, ctx.alerts);
  app.addHook('onClose', async () => stop());
}

/** The table's input, still parsed only when read (a spread would parse every part at once). */
function recordInput(input: RouteInput<RouteDef>, request: FastifyRequest): RecordInput {
  return Object.defineProperties(
    { sent: request.body, ip: request.ip },
    {
      params: { enumerable: true, get: () => input.params },
      query: { enumerable: true, get: () => input.query },
      body: { enumerable: true, get: () => input.body },
    },
  ) as RecordInput;
}

// The manager's alert list: read it, acknowledge an alert (who and when go to the ledger).
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { alertFor, viewerOf } from '../readers.js';
import { registerRoute } from '../register-route.js';

export function registerAlertRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // A VIP's title and notes only to those who may read the customer (not a manager tablet).
  registerRoute(app, api.alerts, async (request) => {
    const viewer = viewerOf(principalOf(request), ctx.hub.state);
    return { alerts: ctx.alerts.list().map((a) => alertFor(a, viewer)) };
  });

  registerRoute(app, api.ackAlert, async (request, _reply, input) => {
    const { id } = input.params;
    return { alert: ctx.alerts.acknowledge(id, principalOf(request).id) };
  });
}

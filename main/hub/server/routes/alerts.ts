// The manager's alert list: read it, acknowledge an alert (who and when go to the ledger).
import type { FastifyInstance } from 'fastify';
import type { Alert } from '../../../common/alerts.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';
import { ALERT_READERS, alertFor, viewerOf } from '../readers.js';

export function registerAlertRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // A VIP's title and notes only to those who may read the customer (not a manager tablet).
  app.get('/api/alerts', { preHandler: allow(...ALERT_READERS) }, async (request): Promise<{ alerts: Alert[] }> => {
    const viewer = viewerOf(principalOf(request), ctx.hub.state);
    return { alerts: ctx.alerts.list().map((a) => alertFor(a, viewer)) };
  });

  app.post('/api/alerts/:id/ack', { preHandler: allow('manager', 'supervisor') }, async (request): Promise<{ alert: Alert }> => {
    const { id } = request.params as { id: string };
    return { alert: ctx.alerts.acknowledge(id, principalOf(request).id) };
  });
}

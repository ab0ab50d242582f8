// The manager's alert list: read it, acknowledge an alert (who and when go to the ledger).
import type { FastifyInstance } from 'fastify';
import type { Alert } from '../../../common/alerts.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';

export const ALERT_READERS = ['manager', 'supervisor', 'admin', 'manager-device'] as const;

export function registerAlertRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/alerts', { preHandler: allow(...ALERT_READERS) }, async (): Promise<{ alerts: Alert[] }> => ({ alerts: ctx.alerts.list() }));

  app.post('/api/alerts/:id/ack', { preHandler: allow('manager', 'supervisor') }, async (request): Promise<{ alert: Alert }> => {
    const { id } = request.params as { id: string };
    return { alert: ctx.alerts.acknowledge(id, principalOf(request).id) };
  });
}

// A write refused for lack of room: a line in the hub's log (the route, never the request's
// data) and a storage_full alert for the lobby manager. The answer itself (503 storage_full)
// comes from the server's error mapping.
import type { FastifyInstance } from 'fastify';
import type { AlertBook } from '../alerts/alert-book.js';
import { isStorageFull } from './faults.js';

export const STORAGE_FULL_KEY = 'storage:full';

export function reportStorageFull(app: FastifyInstance, alerts: AlertBook): void {
  app.addHook('onError', async (request, _reply, err) => {
    if (!isStorageFull(err)) return;
    const code = (err as { code?: string }).code ?? 'ENOSPC';
    console.error(`storage full (${code}): ${request.method} ${request.routeOptions.url ?? 'an unknown route'} refused with 503, nothing written`);
    try {
      alerts.raise({ kind: 'storage_full', key: STORAGE_FULL_KEY }, null);
    } catch (raiseErr) {
      console.error('storage full: the alert could not be raised:', raiseErr instanceof Error ? raiseErr.message : raiseErr);
    }
  });
}

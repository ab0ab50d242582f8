// Fair calling: the admin sets how many priority tickets a counter may call in a row before
// its longest-waiting normal one. Read from the settings table at every call (one indexed row),
// so a change applies from the next call at every counter, and a restart or rebuild keeps it.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { registerRoute } from '../register-route.js';
import { fairCallingChanged, readMaxPriorityInARow } from '../../settings/fair-calling.js';

export function registerDispatchSettingsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;

  registerRoute(app, api.dispatchSettings, async () => ({ maxPriorityInARow: readMaxPriorityInARow(hub.ledger.db) }));

  registerRoute(app, api.setDispatchSettings, async (request, _reply, input) => {
    const { maxPriorityInARow } = input.body;
    hub.audit(fairCallingChanged(maxPriorityInARow), principalOf(request).id);
    return { maxPriorityInARow };
  });
}

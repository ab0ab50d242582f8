// The staffing rota (who goes to lunch when): the wait estimate plans with it, so a customer
// at 11:00 is not promised a wait that assumes every counter stays open through lunch.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { ROTA_SETTING } from '../../estimate/rota.js';
import { rotaFromSettings } from '../../estimate/ledger-knowledge.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { DomainError } from '../../../common/errors.js';
import { registerRoute } from '../register-route.js';
import { own } from '../../../common/own.js';
import { settingChanged } from '../../settings/settings-projector.js';

export function registerRotaRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;

  registerRoute(app, api.rota, async () => ({ rota: rotaFromSettings(hub.ledger.db) }));

  registerRoute(app, api.setRota, async (request, _reply, input) => {
    const { rota } = input.body;
    const unknown = rota.find((p) => !own(hub.state.counters, p.counter));
    if (unknown) throw new DomainError('invalid', 'unknown_counter', `There is no counter ${unknown.counter}.`);
    const value = JSON.stringify(rota);
    hub.audit(settingChanged(ROTA_SETTING, value), principalOf(request).id);
    return { rota };
  });
}

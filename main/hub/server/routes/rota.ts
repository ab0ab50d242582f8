// The staffing rota (who goes to lunch when): the wait estimate plans with it, so a customer
// at 11:00 is not promised a wait that assumes every counter stays open through lunch.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROTA_SETTING, StaffRota } from '../../estimate/rota.js';
import { rotaFromSettings } from '../../estimate/ledger-knowledge.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';
import { DomainError } from '../../../common/errors.js';
import { own } from '../../../common/own.js';
import { settingChanged } from '../../settings/settings-projector.js';

const RotaBody = z.strictObject({ rota: StaffRota });

export function registerRotaRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub, db } = ctx;

  app.get('/api/settings/rota', { preHandler: allow('manager', 'admin', 'supervisor') }, async () => ({ rota: rotaFromSettings(db) }));

  app.put('/api/settings/rota', { preHandler: allow('manager', 'admin') }, async (request) => {
    const { rota } = RotaBody.parse(request.body);
    const unknown = rota.find((p) => !own(hub.state.counters, p.counter));
    if (unknown) throw new DomainError('invalid', 'unknown_counter', `There is no counter ${unknown.counter}.`);
    const value = JSON.stringify(rota);
    hub.audit(settingChanged(ROTA_SETTING, value), principalOf(request).id);
    return { rota };
  });
}

// Older customers: the admin's setting (age and rank), and the manager's list of those waiting.
// The ID-card check-in itself is a kiosk route (kiosk.ts).
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { elderlyInLine } from '../../elderly/waiting.js';
import { elderlySettingsChanged, readElderlySettings } from '../../settings/elderly.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { registerRoute } from '../register-route.js';

export function registerElderlyRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;

  registerRoute(app, api.elderlySettings, async () => readElderlySettings(hub.ledger.db, hub.state));

  // One commit: the age (settings.changed) and, when it changes, the rank (config.set); the
  // next check-in reads the age, and dispatch, people ahead and estimates the rank at once.
  registerRoute(app, api.setElderlySettings, async (request, _reply, input) => {
    const now = hub.clock();
    hub.commit(elderlySettingsChanged(hub.state, input.body, now), principalOf(request).id, now);
    return readElderlySettings(hub.ledger.db, hub.state);
  });

  registerRoute(app, api.lobbyElderly, async () => ({
    waiting: elderlyInLine(hub.state, hub.clock()).map(({ ticket, ahead, nearTurn }) => ({
      ticket: ticket.number,
      service: ticket.service,
      ahead,
      issuedAt: new Date(ticket.issuedAt).toISOString(),
      nearTurn,
    })),
  }));
}

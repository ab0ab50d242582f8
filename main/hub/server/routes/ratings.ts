// The satisfaction pad's calls: what to show (polled by the pad) and the customer's rating.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { currentFor, padCounter, recordRating } from '../../rating/pad.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { registerRoute } from '../register-route.js';

export function registerRatingRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub, alerts } = ctx;

  registerRoute(app, api.ratingCurrent, async (request) => currentFor(hub, padCounter(hub, principalOf(request).id)));

  registerRoute(app, api.rate, async (request, _reply, input) => {
    const { ticket, score, reasons } = input.body;
    recordRating(hub, alerts, principalOf(request).id, { ticket, score, ...(reasons ? { reasons } : {}) });
    return { recorded: true as const };
  });
}

// A per-source limit on the routes that check a PIN, on top of the PIN locks: a terminal
// (one client address) cannot try PINs, or make the hub run scrypt, faster than this. Only
// these routes are limited: the lobby's own traffic (calls, the feed, displays) never is.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { DomainError } from '../../common/errors.js';

export interface PinRateLimit {
  /** Requests per client address and window, to each PIN route on its own. */
  max: number;
  windowMs: number;
}

export const DEFAULT_PIN_RATE_LIMIT: PinRateLimit = { max: 60, windowMs: 60_000 };

/** Login, changing one's own PIN, every signature (`…/sign`) and the customer secret's show and set check a PIN; setting up checks a code like one. */
export function checksPin(url: string): boolean {
  return url === '/api/auth/login' || url === '/api/auth/pin' || url === '/api/setup' || url.endsWith('/sign') || url.startsWith('/api/customer-secret/');
}

/** Register before the routes: the limit is attached to each PIN route as it is added. */
export async function registerPinRateLimit(app: FastifyInstance, limit: PinRateLimit): Promise<void> {
  app.addHook('onRoute', (route: RouteOptions) => {
    // GET /api/setup only says whether setup is needed.
    if (!checksPin(route.url) || route.method === 'GET') return;
    route.config = { ...route.config, rateLimit: { max: limit.max, timeWindow: limit.windowMs } } as RouteOptions['config'];
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new DomainError('too_many', 'rate_limited', `Too many PIN attempts from this terminal; try again in ${context.after}.`),
  });
}

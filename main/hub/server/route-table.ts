// The routes as fastify registered them, with their preHandlers: the 405 of a known path asks
// it, and the tests check it against the route table in main/common/routes (same routes, same
// callers admitted).
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
  /** The route's preHandlers (its role check among them), so a test can ask whom it admits. */
  preHandlers: readonly ((...args: never[]) => unknown)[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after recordRoutes, HEAD twins left out. */
    routeTable: readonly RouteEntry[];
  }
}

/** Call before any route is registered: later ones, in plugins too, are recorded. */
export function recordRoutes(app: FastifyInstance): void {
  const routes: RouteEntry[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const pre = route.preHandler;
    const preHandlers = (Array.isArray(pre) ? pre : pre ? [pre] : []) as RouteEntry['preHandlers'];
    for (const method of methods) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, preHandlers });
    }
  });
}

const patterns = new WeakMap<RouteEntry, RegExp>();
function patternOf(route: RouteEntry): RegExp {
  let re = patterns.get(route);
  if (!re) {
    const source = route.url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    patterns.set(route, (re = new RegExp(`^${source}$`)));
  }
  return re;
}

/** The methods some route answers at this path: when the caller's is not among them, 405. */
export function methodsAt(routes: readonly RouteEntry[], path: string): string[] {
  return [...new Set(routes.filter((r) => patternOf(r).test(path)).map((r) => r.method))];
}

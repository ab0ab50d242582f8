// Registers one route of the table in main/common/routes: its method, path and guard come
// from the definition, and the handler reads its input parsed by the definition's schemas.
// Each part is parsed when the handler first reads it, so a route's checks keep their order
// (who may call, then what is missing, then what is malformed). Answers are not checked here:
// that costs every request, and the tests check real answers against the table instead.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteDef } from '../../common/routes/index.js';
import { allow } from './guard.js';

type Parsed<S> = [NonNullable<S>] extends [never] ? undefined : NonNullable<S> extends z.ZodType ? z.output<NonNullable<S>> : undefined;

export interface RouteInput<D extends RouteDef> {
  readonly params: Parsed<D['params']>;
  readonly query: Parsed<D['query']>;
  /** A request without a body is read as `{}`: a bodyless POST means no options. */
  readonly body: Parsed<D['body']>;
}

export type RouteHandler<D extends RouteDef> = (request: FastifyRequest, reply: FastifyReply, input: RouteInput<D>) => unknown;

export function registerRoute<D extends RouteDef>(app: FastifyInstance, def: D, handler: RouteHandler<D>): void {
  const access = def.access;
  if (access !== 'public' && access.checked === 'socket') throw new Error(`${def.path} checks its token on the socket: register it as a WebSocket route`);
  app.route({
    method: def.method,
    url: def.path,
    ...(access === 'public' ? {} : { preHandler: allow(...access.grants) }),
    ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
    handler: async (request, reply) => handler(request, reply, inputOf(def, request)),
  });
}

function inputOf<D extends RouteDef>(def: D, request: FastifyRequest): RouteInput<D> {
  const cache = new Map<string, unknown>();
  const lazily = (key: 'params' | 'query' | 'body', raw: () => unknown) => ({
    enumerable: true,
    get() {
      if (!cache.has(key)) cache.set(key, def[key] ? def[key].parse(raw()) : undefined);
      return cache.get(key);
    },
  });
  return Object.defineProperties({} as RouteInput<D>, {
    params: lazily('params', () => request.params),
    query: lazily('query', () => request.query),
    body: lazily('body', () => request.body ?? {}),
  });
}

// The role check every route declares. Tokens are resolved once per request.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors.js';
import type { Grant, Principal } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** A preHandler that lets through only the given grants. */
export function allow(...grants: Grant[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const p = request.principal;
    if (!p) throw new DomainError('unauthorized', 'unauthenticated', 'Sign in or pair this device first.');
    if (!grants.includes(p.grant)) throw new DomainError('forbidden', 'forbidden', `A ${p.grant} may not do this.`);
  };
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError('unauthorized', 'unauthenticated', 'Sign in or pair this device first.');
  return request.principal;
}

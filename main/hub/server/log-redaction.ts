// What the hub's log may say about a request: method, path and query with every secret
// blanked (a live-feed token or pairing code in a URL), never the Authorization header.
import type { FastifyRequest } from 'fastify';

const SECRET_PARAMS = /([?&](?:token|pair|pairingCode|access_token)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}

/** Fastify's `req` serializer: every request log line (incoming, completed, errors) goes through it. */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

// What the hub's log may say about a request: method, path and query with every secret
// blanked (a live-feed token or pairing code in a URL), never the Authorization header.
import type { FastifyRequest } from 'fastify';

const SECRET_NAMES = new Set(['token', 'pair', 'pairingcode', 'access_token']);

/** A parameter's name as the query parser reads it (`%74oken` is `token`); null when it cannot be read. */
function decodedName(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).trim().toLowerCase();
  } catch {
    return null;
  }
}

/** Judged by the decoded name, so an encoded name cannot carry a secret past the check. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url.slice(q + 1).split('&').map((part) => {
    const eq = part.indexOf('=');
    if (eq < 0) return part;
    const rawName = part.slice(0, eq);
    const name = decodedName(rawName);
    return name === null || SECRET_NAMES.has(name) ? `${rawName}=[redacted]` : part;
  });
  return `${url.slice(0, q)}?${query.join('&')}`;
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

// Headers every answer carries, pages, API and static files alike: a CSP that lets the
// built web app run and nothing else, no framing, no referrer, no MIME sniffing.
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';

/** The live feed is on the page's own host; browsers differ on whether 'self' covers ws(s):. */
function liveFeedOrigins(req: IncomingMessage): string {
  const host = req.headers.host;
  return host && /^[\w.:[\]-]+$/.test(host) ? `ws://${host} wss://${host}` : '';
}

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Ant Design (cssinjs) and ECharts write <style> elements and style attributes at run time.
  styleSrc: ["'self'", "'unsafe-inline'"],
  // data: for QR codes drawn as data URLs; blob: for CSV and PDF downloads.
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  mediaSrc: ["'self'"], // the display's chime and voice clips
  connectSrc: ["'self'", (req: IncomingMessage) => liveFeedOrigins(req)],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    // No upgrade-insecure-requests: loopback without --tls is plain HTTP on purpose.
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    // Older browsers that ignore frame-ancestors get the same answer: never in a frame.
    frameguard: { action: 'deny' },
    // HSTS would stop a browser from ever reaching a hub whose certificate changed (a bank
    // installing its own); terminals pin the certificate instead.
    strictTransportSecurity: false,
    // The display loads voice clips; nothing is embedded cross-origin, but nothing needs isolation either.
    crossOriginEmbedderPolicy: false,
  });
}

// The office's screen at /office: the same built web app the hub serves (out/renderer, built by
// `npm run build:renderer`; ATRIUM_RENDERER_DIR elsewhere, as for the hub), of which the office
// answers only /office and the built files. The headers are the hub's (main/hub/server/
// security-headers.ts), restated here: the office may not import the hub.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

function defaultDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'out', 'renderer');
}

export async function registerOfficeWeb(app: FastifyInstance, dir = process.env.ATRIUM_RENDERER_DIR ?? defaultDir()): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design and ECharts write styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  const built = existsSync(path.join(dir, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: dir, wildcard: false, index: false });
  for (const url of ['/office', '/office/*']) {
    app.get(url, async (_request, reply) =>
      built ? reply.type('text/html; charset=utf-8').sendFile('index.html') : reply.status(404).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build:renderer`.'),
    );
  }
}

// The hub's HTTP server: the API and live feed of CONTRACT.md, and the built web app.
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import path from 'node:path';
import type { ServerContext } from './context.js';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './errors.js';
import { bearerToken } from './guard.js';
import { DomainError } from '../../common/errors.js';
import { registerPinRateLimit } from './pin-rate-limit.js';
import { SEALED_PREFIX } from '../personal/cipher.js';
import { vaultOf } from '../personal/vault.js';
import { serializeRequest } from './log-redaction.js';
import { checkSession } from './principal.js';
import { installSecurityHeaders } from './security-headers.js';
import { methodsAt, recordRoutes } from './route-table.js';
import { registerAlertRoutes } from './routes/alerts.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerSetupRoutes } from './routes/setup.js';
import { registerStaffRoutes } from './routes/staff.js';
import { registerBranchRoutes } from './routes/branch.js';
import { registerRotaRoutes } from './routes/rota.js';
import { registerSignInSettingsRoutes } from './routes/sign-in-settings.js';
import { registerDispatchSettingsRoutes } from './routes/dispatch-settings.js';
import { registerCalendarSettingsRoutes } from './routes/calendar-settings.js';
import { registerElderlyRoutes } from './routes/elderly.js';
import { registerCounterRoutes } from './routes/counters.js';
import { registerDeviceRoutes } from './routes/devices.js';
import { registerLiveRoute } from './routes/live.js';
import { registerLobbyRoutes } from './routes/lobby.js';
import { registerManagerRoutes } from './routes/manager.js';
import { registerVoiceRoutes } from './routes/voice.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerRecordRoutes } from './routes/records.js';
import { registerTicketRoutes } from './routes/tickets.js';
import { registerKioskRoutes } from './routes/kiosk.js';
import { registerRatingRoutes } from './routes/ratings.js';
import { registerPrintingRoutes } from './routes/printing.js';
import { registerAppointmentRoutes } from './routes/appointments.js';
import { registerCustomerRoutes } from './routes/customers.js';
import { registerImportRoutes } from './routes/imports.js';

export interface BuildOptions {
  version: string;
  /** The built web app (vite's output); served with index.html for every screen's route. */
  rendererDir: string;
  logger?: boolean;
  /** Where log lines go when logging (stdout by default); tests capture them. */
  logStream?: Writable;
  /** Serve HTTPS with this key and certificate. */
  https?: { key: string; cert: string } | null;
}

const SESSION_REFUSALS = {
  invalid_token: 'This token is not valid or has expired; sign in or pair again.',
  session_expired: 'This sign-in ended after a time unused; sign in again.',
} as const;

const MAX_URL_LENGTH = 4096;

export async function buildServer(ctx: ServerContext, opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: 'info',
          // The serializer logs no headers at all and blanks secrets in the URL.
          serializers: { req: serializeRequest },
          redact: ['req.headers.authorization'],
          ...(opts.logStream ? { stream: opts.logStream } : {}),
        }
      : false,
    ...(opts.https ? { https: { key: opts.https.key, cert: opts.https.cert } } : {}),
    bodyLimit: 64 * 1024,
    // Ticket ids and tokens never need more; long URLs are someone probing.
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
    clientErrorHandler,
  });
  installErrorHandling(app);
  recordRoutes(app);

  // Bodyless POSTs (call-next, recall…) sent with a JSON content type are fine: {} is meant.
  // Keys that would reach an object's prototype (__proto__, constructor.prototype) are refused.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    // Answers open every sealed string in them, so a sealed value pasted into a free-text field
    // (copied from atrium.db or the ledger) would be read back in clear. Nobody types one.
    if (text.includes(SEALED_PREFIX)) return done(new DomainError('invalid', 'invalid_request', "The request holds text in the hub's sealed form, which nobody types."), undefined);
    parseJson(req, text, (err, value) => {
      if (err) done(new DomainError('invalid', 'bad_json', 'The request body is not valid JSON, or it holds a __proto__ or constructor.prototype key.'), undefined);
      else done(null, value);
    });
  });

  // Ticket ids, dates and tokens never need more; a longer address is someone probing.
  app.addHook('onRequest', async (request) => {
    if (request.url.length > MAX_URL_LENGTH) throw new DomainError('too_long', 'uri_too_long', 'The address is too long.');
  });

  // Before the token check, so a refused request carries the headers too.
  await installSecurityHeaders(app);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = bearerToken(request);
    if (!token) return;
    const check = checkSession(ctx.hub, token, ctx.hub.clock(), ctx.options.staffIdleMinutes * 60_000);
    if ('refused' in check) throw new DomainError('unauthorized', check.refused, SESSION_REFUSALS[check.refused]);
    request.principal = check.principal;
  });

  // Personal fields stay sealed through the hub and are opened only here, in an answer the
  // route has already cut for the principal asking (CSV and other strings carry none).
  app.addHook('preSerialization', async (_request, _reply, payload) => vaultOf(ctx.hub.ledger.db).openAll(payload));

  await app.register(fastifyWebsocket, { options: { maxPayload: 16 * 1024 } });
  await registerPinRateLimit(app, ctx.options.pinRateLimit);
  registerLobbyRoutes(app, ctx, opts.version);
  registerAuthRoutes(app, ctx);
  registerSetupRoutes(app, ctx);
  registerStaffRoutes(app, ctx);
  registerDeviceRoutes(app, ctx);
  registerTicketRoutes(app, ctx);
  registerCounterRoutes(app, ctx);
  registerManagerRoutes(app, ctx);
  registerVoiceRoutes(app);
  registerReportRoutes(app, ctx);
  registerRecordRoutes(app, ctx);
  registerAlertRoutes(app, ctx);
  registerRotaRoutes(app, ctx);
  registerBranchRoutes(app, ctx);
  registerSignInSettingsRoutes(app, ctx);
  registerDispatchSettingsRoutes(app, ctx);
  registerCalendarSettingsRoutes(app, ctx);
  registerElderlyRoutes(app, ctx);
  registerKioskRoutes(app, ctx);
  registerRatingRoutes(app, ctx);
  registerPrintingRoutes(app, ctx);
  registerCustomerRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerAppointmentRoutes(app, ctx);
  registerLiveRoute(app, ctx);
  await registerWebApp(app, opts.rendererDir);
  return app;
}

async function registerWebApp(app: FastifyInstance, dir: string): Promise<void> {
  const index = path.join(dir, 'index.html');
  const built = existsSync(index);
  if (built) await app.register(fastifyStatic, { root: dir, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    const where = request.url.split('?')[0]!;
    const methods = where.startsWith('/api/') ? methodsAt(app.routeTable, where) : [];
    if (methods.length > 0) {
      void reply.header('allow', methods.join(', '));
      return reply.status(405).send({ error: { code: 'method_not_allowed', message: `${where} takes ${methods.join(', ')}, not ${request.method}.` } });
    }
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'not_found', message: `There is no ${request.method} ${where}.` } });
    }
    if (!built) {
      return reply.status(404).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build:renderer`.');
    }
    // Every screen route (/kiosk, /display, /t/<id>…) is the single-page app.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}

// The head office's HTTP server: the routes of main/common/office/routes.ts and no other,
// each guarded by the grants its definition names.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { DomainError } from '../../common/errors.js';
import * as routes from '../../common/office/routes.js';
import * as staffRoutes from '../../common/office/staff-routes.js';
import type { OfficeRouteDef } from '../../common/office/routes.js';
import { resolveToken, type OfficePrincipal } from '../auth/principal.js';
import type { OfficeLogin } from '../auth/login.js';
import { scopeOf } from '../auth/scope.js';
import { addStaff, changeStaff, listStaff, resetStaffPin } from '../auth/staff-admin.js';
import { auditEntries, officeAlerts } from '../branches/audit.js';
import { createBranch, enrolBranch, listBranches, resetChain } from '../branches/branches.js';
import type { Sql } from '../db/sql.js';
import type { Ingest } from '../ingest/ingest.js';
import { publishConfig, pullConfig } from '../config/config.js';
import { configStatus } from '../config/status.js';
import { eraseNotes, pullNotes, pushNotes } from '../notebook/notebook.js';
import { registerReports } from '../reports/routes.js';
import { registerOfficeWeb } from './web.js';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './errors.js';

export interface OfficeContext {
  sql: Sql;
  login: OfficeLogin;
  ingest: Ingest;
  /** The organisation's customer-key secret (org-secret.ts), handed to each hub at enrolment. */
  orgSecret: string;
  version: string;
  clock: () => number;
}

declare module 'fastify' {
  interface FastifyRequest {
    officePrincipal: OfficePrincipal | null;
  }
  interface FastifyInstance {
    /** `METHOD /path` of every route registered: the tests hold it to OFFICE_ROUTES. */
    officeRoutes: readonly string[];
  }
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type Handler<D extends OfficeRouteDef> = (request: FastifyRequest, input: { params: Out<D['params']>; query: Out<D['query']>; body: Out<D['body']> }) => Promise<unknown>;

export function register<D extends OfficeRouteDef>(app: FastifyInstance, def: D, handler: Handler<D>): void {
  const access = def.access;
  app.route({
    method: def.method,
    url: def.path,
    // A catch-up batch of 500 events is larger than a person's request.
    bodyLimit: def.bodyLimit ?? (def.path === routes.ingest.path ? 16 * 1024 * 1024 : 64 * 1024),
    ...(access === 'public'
      ? {}
      : {
          preHandler: async (request: FastifyRequest) => {
            const p = request.officePrincipal;
            if (!p) throw new DomainError('unauthorized', 'unauthenticated', 'Sign in first, or enrol this branch: this token is not known to the office.');
            if (!access.grants.includes(p.grant)) throw new DomainError('forbidden', 'forbidden', `A ${p.grant} may not do this.`);
          },
        }),
    handler: async (request) =>
      handler(request, {
        params: (def.params ? def.params.parse(request.params) : undefined) as Out<D['params']>,
        query: (def.query ? def.query.parse(request.query ?? {}) : undefined) as Out<D['query']>,
        body: (def.body ? def.body.parse(request.body ?? {}) : undefined) as Out<D['body']>,
      }),
  });
}

export async function buildOfficeServer(ctx: OfficeContext, opts: { logger?: boolean; https?: { key: string; cert: string } | null } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info', redact: ['req.headers.authorization'] } : false,
    ...(opts.https ? { https: opts.https } : {}),
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
    clientErrorHandler,
  });
  installErrorHandling(app);
  const registered: string[] = [];
  app.decorate('officeRoutes', registered);
  app.addHook('onRoute', (r) => {
    // The API's routes only: the screen's files (web.ts) are not in the route table.
    if (r.url.startsWith('/api/')) for (const m of [r.method].flat()) if (m !== 'HEAD') registered.push(`${m} ${r.url}`);
  });
  app.decorateRequest('officePrincipal', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    const token = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    if (!token) return;
    const principal = await resolveToken(ctx.sql, token, ctx.clock());
    if (!principal) throw new DomainError('unauthorized', 'invalid_token', 'This token is not known to the office: sign in again (a branch hub: enrol again).');
    request.officePrincipal = principal;
  });
  const who = (request: FastifyRequest) => request.officePrincipal!;

  register(app, routes.officeHealth, async () => ({ ok: true, version: ctx.version, office: true }));
  register(app, routes.officeLogin, async (request, { body }) => ctx.login.login(body.staffId, body.pin, request.ip));
  register(app, routes.createBranch, async (request, { body }) => createBranch(ctx.sql, body.name, who(request).id, ctx.clock()));
  register(app, routes.listBranches, async (request) => ({ branches: await listBranches(ctx.sql, ctx.clock(), scopeOf(who(request))) }));
  register(app, routes.resetChain, async (request, { params, body }) => resetChain(ctx.sql, params.id, body.reason, who(request).id));
  register(app, routes.officeAlerts, async (request) => ({ alerts: await officeAlerts(ctx.sql, scopeOf(who(request))) }));
  register(app, routes.officeAudit, async () => ({ entries: await auditEntries(ctx.sql) }));
  register(app, routes.enrol, async (_request, { body }) => enrolBranch(ctx.sql, body.code, ctx.clock(), ctx.orgSecret));
  register(app, routes.ingest, async (request, { body }) => ctx.ingest.take(who(request).id, body));
  register(app, routes.pushNotebook, async (request, { body }) => pushNotes(ctx.sql, who(request).id, body.notes));
  register(app, routes.eraseNotebook, async (request, { body }) => eraseNotes(ctx.sql, who(request).id, body.customerKeys, body.erasedAt));
  register(app, routes.pullNotebook, async (request, { query }) => pullNotes(ctx.sql, who(request).id, query.since));
  register(app, routes.publishConfig, async (request, { params, body }) => publishConfig(ctx.sql, params.kind, body, who(request).id, ctx.orgSecret));
  register(app, routes.pullConfig, async (_request, { query }) => pullConfig(ctx.sql, query.after));
  register(app, routes.configStatus, async (request) => configStatus(ctx.sql, scopeOf(who(request))));
  registerReports(app, ctx, register);
  register(app, staffRoutes.listStaff, async () => ({ staff: await listStaff(ctx.sql) }));
  register(app, staffRoutes.addStaff, async (request, { body }) => addStaff(ctx.sql, body, who(request).id));
  register(app, staffRoutes.changeStaff, async (request, { params, body }) => ({ staff: await changeStaff(ctx.sql, params.staffId, body, who(request).id) }));
  register(app, staffRoutes.resetStaffPin, async (request, { params }) => resetStaffPin(ctx.sql, params.staffId, who(request).id));
  register(app, staffRoutes.ownPin, async (request, { body }) => {
    const p = request.officePrincipal;
    return ctx.login.choosePin(body.staffId, body.pin, body.newPin, p && p.grant !== 'branch' ? p.id : null, request.ip);
  });
  await registerOfficeWeb(app);
  return app;
}

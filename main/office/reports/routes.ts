// The reports' and live view's handlers, registered by the office server with its own guard
// (one line in server/app.ts). A regional manager reads their own branches only (auth/scope.ts). The query is parsed here: the server's register passes params
// and body only, and a bad date must be a 400 `invalid_request` like any other bad input.
import type { FastifyInstance } from 'fastify';
import * as r from '../../common/office/report-routes.js';
import { requireBranchInScope, scopeOf } from '../auth/scope.js';
import type { OfficeContext, register as Register } from '../server/app.js';
import { branchLive } from './live.js';
import { branchReport, monthBounds } from './read.js';

export function registerReports(app: FastifyInstance, ctx: OfficeContext, register: typeof Register): void {
  register(app, r.dailyReport, async (request) => {
    const { date } = r.dailyReport.query.parse(request.query);
    return { period: date, branches: await branchReport(ctx.sql, date, date, scopeOf(request.officePrincipal!)) };
  });
  register(app, r.monthlyReport, async (request) => {
    const { month } = r.monthlyReport.query.parse(request.query);
    const { first, last } = monthBounds(month);
    return { period: month, branches: await branchReport(ctx.sql, first, last, scopeOf(request.officePrincipal!)) };
  });
  register(app, r.branchLive, async (request, { params }) => {
    requireBranchInScope(request.officePrincipal!, params.id);
    return branchLive(ctx.sql, params.id, ctx.clock());
  });
}

// The daily and monthly reports, as JSON and as CSV. Every figure is computed from the
// ledger's events (main/hub/reports); the daily JSON keeps the contract's fields.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import type { ServerContext } from '../context.js';
import { registerRoute } from '../register-route.js';
import { dailyReport } from '../../reports/daily.js';
import { dailyCsv, monthlyCsv } from '../../reports/csv.js';
import { monthlyReport } from '../../reports/monthly.js';

export function registerReportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const db = ctx.hub.ledger.db;
  registerRoute(app, api.dailyReport, async (_request, _reply, input) => {
    const { date } = input.query;
    return dailyReport(db, date);
  });
  registerRoute(app, api.dailyCsv, async (_request, reply, input) => {
    const { date } = input.query;
    void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="atrium-daily-${date}.csv"`);
    return dailyCsv(dailyReport(db, date));
  });
  registerRoute(app, api.monthlyReport, async (_request, _reply, input) => {
    const { month } = input.query;
    return monthlyReport(db, month);
  });
  registerRoute(app, api.monthlyCsv, async (_request, reply, input) => {
    const { month } = input.query;
    void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="atrium-monthly-${month}.csv"`);
    return monthlyCsv(monthlyReport(db, month));
  });
}

// The daily and monthly reports, as JSON and as CSV. Every figure is computed from the
// ledger's events (main/hub/reports); the daily JSON keeps the contract's fields.
import type { FastifyInstance } from 'fastify';
import { DailyReportQuery } from '../../../common/api.js';
import { MonthlyReportQuery, type DailyRecordsReport, type MonthlyReport } from '../../../common/records.js';
import type { ServerContext } from '../context.js';
import { allow } from '../guard.js';
import { REPORT_READERS as READERS } from '../readers.js';
import { dailyReport } from '../../reports/daily.js';
import { dailyCsv, monthlyCsv } from '../../reports/csv.js';
import { monthlyReport } from '../../reports/monthly.js';

export function registerReportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const db = ctx.hub.ledger.db;
  app.get('/api/reports/daily', { preHandler: allow(...READERS) }, async (request): Promise<DailyRecordsReport> => {
    const { date } = DailyReportQuery.parse(request.query);
    return dailyReport(db, date);
  });
  app.get('/api/reports/daily.csv', { preHandler: allow(...READERS) }, async (request, reply) => {
    const { date } = DailyReportQuery.parse(request.query);
    void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="atrium-daily-${date}.csv"`);
    return dailyCsv(dailyReport(db, date));
  });
  app.get('/api/reports/monthly', { preHandler: allow(...READERS) }, async (request): Promise<MonthlyReport> => {
    const { month } = MonthlyReportQuery.parse(request.query);
    return monthlyReport(db, month);
  });
  app.get('/api/reports/monthly.csv', { preHandler: allow(...READERS) }, async (request, reply) => {
    const { month } = MonthlyReportQuery.parse(request.query);
    void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="atrium-monthly-${month}.csv"`);
    return monthlyCsv(monthlyReport(db, month));
  });
}

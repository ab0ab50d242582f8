// The daily and monthly reports, as JSON and as CSV, and the teller figures. Every figure is
// computed from the ledger's events (main/hub/reports); the daily JSON keeps the contract's
// fields. The teller figures have their own routes because a teller may read them (their own
// row only: readers.ts), while the daily report stays the keepers' and the admin's.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { staffFiguresFor } from '../readers.js';
import { registerRoute } from '../register-route.js';
import { dailyReport } from '../../reports/daily.js';
import { dailyCsv, monthlyCsv, staffCsv } from '../../reports/csv.js';
import { monthlyReport } from '../../reports/monthly.js';

export function registerReportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const db = ctx.hub.ledger.db;
  const now = () => ctx.hub.clock();
  registerRoute(app, api.dailyReport, async (_request, _reply, input) => {
    const { date } = input.query;
    return dailyReport(db, date, now());
  });
  registerRoute(app, api.dailyCsv, async (_request, reply, input) => {
    const { date } = input.query;
    void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="atrium-daily-${date}.csv"`);
    return dailyCsv(dailyReport(db, date, now()));
  });
  registerRoute(app, api.monthlyReport, async (_request, _reply, input) => {
    const { month } = input.query;
    return monthlyReport(db, month, now());
  });
  registerRoute(app, api.monthlyCsv, async (_request, reply, input) => {
    const { month } = input.query;
    void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="atrium-monthly-${month}.csv"`);
    return monthlyCsv(monthlyReport(db, month, now()));
  });

  const staffOf = (date: string | undefined, month: string | undefined) =>
    date !== undefined ? dailyReport(db, date, now()).staff : monthlyReport(db, month as string, now()).staff;
  registerRoute(app, api.staffReport, async (request, _reply, input) => {
    const { date, month } = input.query;
    return { date: date ?? null, month: month ?? null, staff: staffFiguresFor(principalOf(request), staffOf(date, month)) };
  });
  registerRoute(app, api.staffCsv, async (request, reply, input) => {
    const { date, month } = input.query;
    void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="atrium-staff-${date ?? month}.csv"`);
    return staffCsv(date ?? (month as string), staffFiguresFor(principalOf(request), staffOf(date, month)));
  });
}

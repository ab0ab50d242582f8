// The daily report's queue figures. The fuller report (checklists, opinions, complaints)
// comes with the end-of-day issue; these figures are computed from the ticket rows the
// ledger's events produced (verify keeps the two equal).
import type { FastifyInstance } from 'fastify';
import { DailyReportQuery, type DailyReport } from '../../../common/api.js';
import type { ServerContext } from '../context.js';
import { allow } from '../guard.js';
import { dailyQueueFigures } from '../../reports/daily.js';

export function registerReportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/reports/daily', { preHandler: allow('manager', 'supervisor', 'admin') }, async (request): Promise<DailyReport> => {
    const { date } = DailyReportQuery.parse(request.query);
    return dailyQueueFigures(ctx.hub.ledger, date);
  });
}

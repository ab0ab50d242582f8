// The branch's calendar of day kinds (issue 15): the admin says which days are pension days,
// month ends and holiday eves; the wait estimate reads it when it relearns (at the next
// prediction after a change), so no restart is needed and a rebuild keeps it.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { dayKind, type BranchCalendar } from '../../../common/calendar.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { registerRoute } from '../register-route.js';
import { calendarChanged, readCalendar } from '../../settings/calendar.js';
import { localDate } from '../../lobby/business-day.js';

export function registerCalendarSettingsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;
  const answer = (calendar: BranchCalendar) => {
    const date = hub.state.day?.status === 'open' ? hub.state.day.date : localDate(hub.clock());
    return { ...calendar, today: { date, kind: dayKind(date, calendar) } };
  };

  registerRoute(app, api.calendarSettings, async () => answer(readCalendar(hub.ledger.db)));

  registerRoute(app, api.setCalendarSettings, async (request, _reply, input) => {
    // Stored in a canonical order, so the admin reads back what the estimator uses.
    const calendar: BranchCalendar = {
      pensionDays: [...input.body.pensionDays].sort((a, b) => a - b),
      pensionOnWeekend: input.body.pensionOnWeekend,
      monthEndDays: input.body.monthEndDays,
      holidayEves: [...input.body.holidayEves].sort(),
    };
    hub.audit(calendarChanged(calendar), principalOf(request).id);
    return answer(calendar);
  });
}

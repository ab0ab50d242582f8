// The day's appointments on the manager console: list, cancel, print the confirmation slip.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { appointmentSlipBytes } from '../../../print/appointment-slip.js';
import { appointmentsOn, cancelAppointment, findAppointment } from '../../customers/appointments.js';
import { localDate } from '../../lobby/business-day.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { printingOf } from '../printing-of.js';
import { registerRoute } from '../register-route.js';

export function registerAppointmentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;

  registerRoute(app, api.listAppointments, async (_request, _reply, input) => {
    const date = input.query.date ?? hub.state.day?.date ?? localDate(hub.clock());
    return { date, appointments: appointmentsOn(hub, date) };
  });

  registerRoute(app, api.cancelAppointment, async (request, _reply, input) => ({
    appointment: cancelAppointment(hub, input.params.code, principalOf(request).id),
  }));

  // Printing a slip changes nothing the hub holds (as the print preview): no event. A cancelled
  // or used appointment still prints, so a customer can be shown what they had.
  registerRoute(app, api.printAppointment, async (_request, _reply, input) => {
    const a = findAppointment(hub, input.params.code);
    const service = hub.state.services[a.service];
    const bytes = appointmentSlipBytes({
      branchZh: ctx.branch.nameZh,
      branchEn: ctx.branch.nameEn,
      serviceZh: service?.nameZh ?? a.service,
      serviceEn: service?.nameEn ?? a.service,
      code: a.code,
      at: a.at,
    });
    const { printer, uncertain } = await printingOf(ctx).printSlip(input.body.printer, bytes);
    return { printed: true as const, printer, uncertain };
  });
}

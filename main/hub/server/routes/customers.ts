// The VIP register (admin import), appointments (booked by staff), and the customer behind
// a ticket for the counter that calls it (issue 5) and the manager.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { bookAppointment } from '../../customers/appointments.js';
import { eraseCustomer } from '../../customers/erase.js';
import { ticketCustomer } from '../../customers/ticket-customer.js';
import { importVipRegister } from '../../customers/vip-register.js';
import { bytesOf, readTable } from '../../imports/read-table.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { mayReadCustomer, viewerOf } from '../readers.js';
import { registerRoute } from '../register-route.js';
import { DomainError } from '../../../common/errors.js';
import { findService, findTicket } from './tickets.js';

export function registerCustomerRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;

  // A CSV or .xlsx as base64 (or CSV text): the body limit is raised for this route only.
  registerRoute(app, api.vipImport, async (request, _reply, input) => {
    const table = await readTable(bytesOf(input.body));
    return importVipRegister(hub, table, input.body.onlyValid, principalOf(request).id);
  });

  // A customer's deletion request: shreds the keys of what the hub holds under that number.
  registerRoute(app, api.eraseCustomer, async (request, _reply, input) => {
    const body = input.body;
    return eraseCustomer(hub, body.kind, body.number, principalOf(request).id);
  });

  registerRoute(app, api.bookAppointment, async (request, _reply, input) => {
    const body = input.body;
    const service = findService(ctx, body.service);
    const at = Date.parse(body.at);
    const { code } = bookAppointment(hub, { service, at, phone: body.phone }, principalOf(request).id);
    return { code, service, at: new Date(at).toISOString() };
  });

  registerRoute(app, api.ticketCustomer, async (request, _reply, input) => {
    const { id } = input.params;
    const ticket = findTicket(ctx, id);
    if (!mayReadCustomer(viewerOf(principalOf(request), hub.state), [ticket.counter])) {
      throw new DomainError('forbidden', 'not_your_ticket', `Ticket ${ticket.number} is not at your counter.`);
    }
    return { customer: ticketCustomer(hub, id) };
  });
}

// The VIP register (admin import), appointments (booked by staff), and the customer behind
// a ticket for the counter that calls it (issue 5) and the manager.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BookAppointmentBody, type TicketCustomerAnswer, type VipImportAnswer } from '../../../common/kiosk.js';
import { bookAppointment } from '../../customers/appointments.js';
import { eraseCustomer } from '../../customers/erase.js';
import { ticketCustomer } from '../../customers/ticket-customer.js';
import { importVipRegister } from '../../customers/vip-register.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';
import { CUSTOMER_READERS, mayReadCustomer, viewerOf } from '../readers.js';
import { DomainError } from '../../../common/errors.js';
import { findService, findTicket } from './tickets.js';

const ImportBody = z.strictObject({ csv: z.string().min(1).max(2_000_000) });
const EraseBody = z.strictObject({ kind: z.enum(['card', 'phone']), number: z.string().regex(/^[+\d][\d\s-]{5,30}$/, 'a card or phone number is digits') });

export function registerCustomerRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;

  // JSON {csv}: the body limit is raised for this route only (a register of ~10 000 rows).
  app.post('/api/customers/vip-import', { preHandler: allow('admin'), bodyLimit: 2_500_000 }, async (request): Promise<VipImportAnswer> => {
    const { csv } = ImportBody.parse(request.body ?? {});
    return { imported: importVipRegister(hub, csv, principalOf(request).id) };
  });

  // A customer's deletion request: shreds the keys of what the hub holds under that number.
  app.post('/api/customers/erase', { preHandler: allow('admin') }, async (request) => {
    const body = EraseBody.parse(request.body ?? {});
    return eraseCustomer(hub, body.kind, body.number, principalOf(request).id);
  });

  app.post('/api/appointments', { preHandler: allow('manager', 'admin') }, async (request) => {
    const body = BookAppointmentBody.parse(request.body ?? {});
    const service = findService(ctx, body.service);
    const at = Date.parse(body.at);
    const { code } = bookAppointment(hub, { service, at, phone: body.phone }, principalOf(request).id);
    return { code, service, at: new Date(at).toISOString() };
  });

  app.get('/api/tickets/:id/customer', { preHandler: allow(...CUSTOMER_READERS) }, async (request): Promise<TicketCustomerAnswer> => {
    const { id } = request.params as { id: string };
    const ticket = findTicket(ctx, id);
    if (!mayReadCustomer(viewerOf(principalOf(request), hub.state), [ticket.counter])) {
      throw new DomainError('forbidden', 'not_your_ticket', `Ticket ${ticket.number} is not at your counter.`);
    }
    return { customer: ticketCustomer(hub, id) };
  });
}

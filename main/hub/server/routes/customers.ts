// The VIP register (admin import), appointments (booked by staff), and the customer behind
// a ticket for the counter that calls it (issue 5) and the manager.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BookAppointmentBody, type TicketCustomerAnswer, type VipImportAnswer } from '../../../common/kiosk.js';
import { branchSecret, customerKey } from '../../customers/customer-key.js';
import { newPairingCode } from '../../auth/tokens.js';
import { eraseCustomer } from '../../customers/erase.js';
import { customerOfTicket, importVipRegister } from '../../customers/vip-register.js';
import { notebookForTicket } from '../../records/notebook/projector.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';
import { CUSTOMER_READERS, mayReadCustomer, viewerOf } from '../readers.js';
import { DomainError } from '../../../common/errors.js';
import { findService, findTicket } from './tickets.js';

const ImportBody = z.strictObject({ csv: z.string().min(1).max(2_000_000) });
const EraseBody = z.strictObject({ kind: z.enum(['card', 'phone']), number: z.string().regex(/^[+\d][\d\s-]{5,30}$/, 'a card or phone number is digits') });

export function registerCustomerRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub, db } = ctx;

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
    // The code checks a customer in with priority: unguessable (crypto), and easy to read aloud.
    const code = newPairingCode(6);
    const phoneKey = body.phone ? customerKey(branchSecret(db), 'phone', body.phone) : null;
    hub.audit({ type: 'appointment.booked', code, service, at }, principalOf(request).id, (tx) =>
      tx.prepare('INSERT INTO appointments (code, phone_key, service, at, ticket_id) VALUES (?, ?, ?, ?, NULL)').run(code, phoneKey, service, at),
    );
    return { code, service, at: new Date(at).toISOString() };
  });

  app.get('/api/tickets/:id/customer', { preHandler: allow(...CUSTOMER_READERS) }, async (request): Promise<TicketCustomerAnswer> => {
    const { id } = request.params as { id: string };
    const ticket = findTicket(ctx, id);
    if (!mayReadCustomer(viewerOf(principalOf(request), hub.state), [ticket.counter])) {
      throw new DomainError('forbidden', 'not_your_ticket', `Ticket ${ticket.number} is not at your counter.`);
    }
    const c = customerOfTicket(db, id);
    // The special-customer notebook's notes and tags for the same customer key (issue 6).
    const book = notebookForTicket(db, id);
    if (!c && !book) return { customer: null };
    return {
      customer: {
        title: c?.title ?? book!.title,
        vip: c !== null,
        notes: [...(c?.notes ?? []), ...(book?.notes ? [book.notes] : [])],
        tags: [...new Set([...(c?.tags ?? []), ...(book?.tags ?? [])])],
      },
    };
  });
}

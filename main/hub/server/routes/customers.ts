// The VIP register (admin import), appointments (booked by staff), and the customer behind
// a ticket for the counter that calls it (issue 5) and the manager.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { branchSecret, customerKey } from '../../customers/customer-key.js';
import { newPairingCode } from '../../auth/tokens.js';
import { eraseCustomer } from '../../customers/erase.js';
import { customerOfTicket, importVipRegister } from '../../customers/vip-register.js';
import { notebookForTicket } from '../../journal/notebook.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { mayReadCustomer, viewerOf } from '../readers.js';
import { registerRoute } from '../register-route.js';
import { HttpError } from '../http-error.js';
import { findService, findTicket } from './tickets.js';

export function registerCustomerRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub, db } = ctx;

  // JSON {csv}: the body limit is raised for this route only (a register of ~10 000 rows).
  registerRoute(app, api.vipImport, async (request, _reply, input) => {
    const { csv } = input.body;
    return { imported: importVipRegister(hub, csv, principalOf(request).id) };
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
    // The code checks a customer in with priority: unguessable (crypto), and easy to read aloud.
    const code = newPairingCode(6);
    const phoneKey = body.phone ? customerKey(branchSecret(db), 'phone', body.phone) : null;
    hub.audit({ type: 'appointment.booked', code, service, at }, principalOf(request).id, (tx) =>
      tx.prepare('INSERT INTO appointments (code, phone_key, service, at, ticket_id) VALUES (?, ?, ?, ?, NULL)').run(code, phoneKey, service, at),
    );
    return { code, service, at: new Date(at).toISOString() };
  });

  registerRoute(app, api.ticketCustomer, async (request, _reply, input) => {
    const { id } = input.params;
    const ticket = findTicket(ctx, id);
    if (!mayReadCustomer(viewerOf(principalOf(request), hub.state), [ticket.counter])) {
      throw new HttpError(403, 'not_your_ticket', `Ticket ${ticket.number} is not at your counter.`);
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

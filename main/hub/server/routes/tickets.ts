// Tickets: issue (kiosk, manager), the teller's moves, transfer, find by number, print.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { api } from '../../../common/routes/index.js';
import type { Ticket } from '../../../common/domain.js';
import type { QueueCommand } from '../../../common/events.js';
import { localDate } from '../../lobby/business-day.js';
import { printingOf } from '../printing-of.js';
import { subject, vaultOf } from '../../personal/vault.js';
import { staffTicket, toApiTicket } from '../../lobby/views.js';
import { isFraudWatched } from '../../fraud/watch-projector.js';
import type { ApiTicket } from '../../../common/api.js';
import { isPublicAudience, type Principal } from '../principal.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { DomainError } from '../../../common/errors.js';
import { registerRoute } from '../register-route.js';
import { own } from '../../../common/own.js';
import { choiceForTicket } from '../../kiosk/choices.js';

export function findService(ctx: ServerContext, codeOrPrefix: string): string {
  const services = Object.values(ctx.hub.state.services);
  const found = services.find((s) => s.code === codeOrPrefix) ?? services.find((s) => s.prefix === codeOrPrefix);
  if (!found) throw new DomainError('invalid', 'unknown_service', `There is no service "${codeOrPrefix}".`);
  return found.code;
}

export function findTicket(ctx: ServerContext, id: string): Ticket {
  const t = own(ctx.hub.state.tickets, id);
  if (!t) throw new DomainError('not_found', 'unknown_ticket', `There is no ticket ${id} today.`);
  return t;
}

/** A teller may move only the ticket at their own counter; a manager may move any. */
function checkTellerOwnsTicket(ctx: ServerContext, request: FastifyRequest, ticket: Ticket): void {
  const p = principalOf(request);
  if (p.grant !== 'teller') return;
  const counter = ticket.counter ? ctx.hub.state.counters[ticket.counter] : undefined;
  if (!counter || counter.staffId !== p.id) {
    throw new DomainError('forbidden', 'not_your_ticket', `Ticket ${ticket.number} is not at your counter.`);
  }
}

/**
 * A ticket as `viewer` may see it: a staff member or staff device also reads its fraud watch;
 * a customer's screen (kiosk, display), or a caller not named, never does.
 */
export function apiTicket(ctx: ServerContext, id: string, viewer?: Principal): ApiTicket {
  const { hub } = ctx;
  const ticket = toApiTicket(findTicket(ctx, id), hub.state, hub.estimates, hub.clock());
  return viewer && !isPublicAudience(viewer) ? staffTicket(ticket, (t) => isFraudWatched(hub.ledger.db, t)) : ticket;
}

/** The branch's day opens by itself with the first ticket of a new date. */
export function ensureDayOpen(ctx: ServerContext, actor: string): void {
  const { hub } = ctx;
  const today = localDate(hub.clock());
  const day = hub.state.day;
  if (day?.status === 'open') return;
  if (day && day.date === today) throw new DomainError('conflict', 'day_closed', 'The business day is closed; tickets can be issued again on the next business day.');
  hub.execute({ type: 'day.open', date: today }, actor);
}

export function registerTicketRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;

  registerRoute(app, api.issueTicket, async (request, reply, input) => {
    const body = input.body;
    const p = principalOf(request);
    // Priorities come from check-in (VIP, appointment) and from the lobby manager, never from
    // a kiosk's own request: a kiosk page could otherwise hand out green-channel tickets.
    if (p.grant === 'kiosk' && (body.priority !== 'normal' || body.appointmentAt !== undefined)) {
      throw new DomainError('forbidden', 'forbidden', 'A kiosk issues normal tickets only; VIP and appointment customers check in, and the lobby manager gives priority.');
    }
    const service = findService(ctx, body.service);
    const choice = choiceForTicket(hub, body.choice, service);
    const actor = p.id;
    ensureDayOpen(ctx, actor);
    const id = randomUUID();
    const appointmentAt = body.appointmentAt ? Date.parse(body.appointmentAt) : null;
    hub.execute({ type: 'ticket.issue', id, service, priority: body.priority, appointmentAt, choice: choice?.id ?? null }, actor);
    return reply.send({ ticket: apiTicket(ctx, id, p) });
  });

  registerRoute(app, api.ticket, async (request, _reply, input) => {
    const { id } = input.params;
    return { ticket: apiTicket(ctx, id, principalOf(request)) };
  });

  // The query is read as it came (not input.query): a missing or repeated number is this route's own 400.
  registerRoute(app, api.findTicket, async (request) => {
    const number = String((request.query as { number?: string }).number ?? '').toUpperCase();
    if (!number) throw new DomainError('invalid', 'invalid_request', 'Give ?number=A012 to find a ticket.');
    const t = Object.values(hub.state.tickets).find((x) => x.number === number);
    if (!t) throw new DomainError('not_found', 'unknown_ticket', `There is no ticket ${number} today.`);
    return { ticket: apiTicket(ctx, t.id, principalOf(request)) };
  });

  const move = (request: FastifyRequest, id: string, command: () => QueueCommand) => {
    const ticket = findTicket(ctx, id);
    checkTellerOwnsTicket(ctx, request, ticket);
    hub.execute(command(), principalOf(request).id);
    return { ticket: apiTicket(ctx, id, principalOf(request)) };
  };
  registerRoute(app, api.recall, async (request, _reply, { params: { id } }) => move(request, id, () => ({ type: 'ticket.recall', ticket: id })));
  registerRoute(app, api.start, async (request, _reply, { params: { id } }) => move(request, id, () => ({ type: 'ticket.start', ticket: id })));
  registerRoute(app, api.finish, async (request, _reply, input) => {
    const { id } = input.params;
    return move(request, id, () => ({ type: 'ticket.finish', ticket: id, tags: input.body.tags ?? [] }));
  });
  registerRoute(app, api.noShow, async (request, _reply, { params: { id } }) => move(request, id, () => ({ type: 'ticket.no_show', ticket: id })));
  registerRoute(app, api.cancel, async (request, _reply, { params: { id } }) => move(request, id, () => ({ type: 'ticket.cancel', ticket: id })));

  registerRoute(app, api.transfer, async (request, _reply, input) => {
    const { id } = input.params;
    const body = input.body;
    const ticket = findTicket(ctx, id);
    checkTellerOwnsTicket(ctx, request, ticket);
    const service = body.service === undefined ? undefined : findService(ctx, body.service);
    // A transfer note may say who the customer is and why: sealed under the ticket's key.
    const note = body.note ? vaultOf(hub.ledger.db).seal(subject.ticket(id), body.note) : undefined;
    hub.execute(
      { type: 'ticket.transfer', ticket: id, ...(service && { service }), ...(body.counter && { counter: body.counter }), ...(note && { note }) },
      principalOf(request).id,
    );
    return { ticket: apiTicket(ctx, id, principalOf(request)) };
  });

  // CONTRACT.md: on the calling device's printer, else the hub's own; a fault is a 503 and
  // the ticket stays valid; a ticket is printed at most once however often this is retried,
  // and sent again only when a signed-in manager asks for a reprint (a customer says no
  // ticket came out of a printer that never confirmed it).
  registerRoute(app, api.printTicket, async (request, _reply, input) => {
    const { id } = input.params;
    const { reprint = false } = input.body;
    findTicket(ctx, id);
    const p = principalOf(request);
    if (reprint && !(p.kind === 'staff' && p.role === 'manager')) throw new DomainError('forbidden', 'forbidden', 'Only a signed-in lobby manager can reprint a ticket.');
    return printingOf(ctx).print(id, p.kind === 'device' ? p.id : null, requestOrigin(request), p.id, { reprint });
  });
}

/** The hub's origin as the caller reached it: the QR code must open from the lobby's Wi-Fi too. */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}

// The lobby manager's triage and window adjustment. Issuing a ticket with any priority,
// transfer (move to another service) and cancel are the ticket routes; these add raising a
// ticket's priority (green channel), recording a customer sent to self-service, and the
// suggestion of which counter to turn to a queue that has grown far longer than the others.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { windowSuggestions } from '../../watch/window-suggestion.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { DomainError } from '../../../common/errors.js';
import { registerRoute } from '../register-route.js';
import { apiTicket, findService, findTicket } from './tickets.js';

export function registerManagerRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;

  registerRoute(app, api.setPriority, async (request, _reply, input) => {
    const { id } = input.params;
    const { priority } = input.body;
    findTicket(ctx, id);
    hub.execute({ type: 'ticket.set_priority', ticket: id, priority }, principalOf(request).id);
    return { ticket: apiTicket(ctx, id, principalOf(request)) };
  });

  // A customer the manager sends to a self-service machine instead of the queue. With a
  // ticket, the ticket is cancelled first (refused, nothing written, if it is not waiting).
  registerRoute(app, api.selfServiceTriage, async (request, _reply, input) => {
    const body = input.body;
    const actor = principalOf(request).id;
    const ticket = body.ticket === undefined ? null : findTicket(ctx, body.ticket);
    if (ticket && ticket.status !== 'waiting') {
      throw new DomainError('conflict', 'not_waiting', `Ticket ${ticket.number} is not waiting; only a waiting customer can be sent to self-service.`);
    }
    const service = body.service !== undefined ? findService(ctx, body.service) : (ticket?.service ?? null);
    if (ticket) hub.execute({ type: 'ticket.cancel', ticket: ticket.id }, actor);
    const [stored] = hub.audit({ type: 'triage.self_service', service, ticket: ticket?.number ?? null }, actor);
    return { recorded: { seq: stored!.seq, service, ticket: ticket?.number ?? null } };
  });

  // The advisor's advice, as last computed (never computed here: a request costs nothing).
  registerRoute(app, api.advice, async () => ({ advice: ctx.advisor?.advice() ?? null, invited: ctx.advisor?.invitedWaiting() ?? [] }));

  registerRoute(app, api.decideAdvice, async (request, _reply, input) => {
    if (!ctx.advisor) throw new DomainError('conflict', 'advice_changed', 'This hub gives no advice.');
    const stored = ctx.advisor.decide(input.body.id, input.body.decision, principalOf(request).id);
    return { decided: { seq: stored.seq, decision: input.body.decision } };
  });

  // The older "one queue is 3× longer" suggestion: the console shows the advisor's advice in its
  // place (issue 17); the route stays for a release for integrations that read it.
  registerRoute(app, api.windowSuggestions, async () => ({
    suggestions: windowSuggestions(hub.state),
  }));
}

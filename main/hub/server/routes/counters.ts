// Counters: a teller signs in at one and opens it, pauses with a reason, calls the next.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CallTicketBody, PauseBody, SetCounterServicesBody } from '../../../common/api.js';
import type { Counter } from '../../../common/domain.js';
import { countersView } from '../../lobby/views.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';
import { DomainError } from '../../../common/errors.js';
import { apiTicket, findService } from './tickets.js';
import { own } from '../../../common/own.js';

function findCounter(ctx: ServerContext, id: string): Counter {
  const c = own(ctx.hub.state.counters, id);
  if (!c) throw new DomainError('not_found', 'unknown_counter', `There is no counter ${id}.`);
  return c;
}

function counterAnswer(ctx: ServerContext, id: string) {
  return { counter: countersView(ctx.hub.state).find((c) => c.id === id) };
}

/** Tellers act only at the counter they are signed in at; managers anywhere. */
function checkAtCounter(ctx: ServerContext, request: FastifyRequest, counter: Counter): void {
  const p = principalOf(request);
  if (p.grant === 'teller' && counter.staffId !== p.id) {
    throw new DomainError('forbidden', 'not_your_counter', `You are not signed in at counter ${counter.id}.`);
  }
}

export function registerCounterRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;
  const params = (request: FastifyRequest) => (request.params as { counter: string }).counter;

  app.post('/api/counters/:counter/open', { preHandler: allow('teller') }, async (request) => {
    const me = principalOf(request).id;
    const counter = findCounter(ctx, params(request));
    if (counter.status !== 'closed' && counter.staffId !== me) {
      throw new DomainError('conflict', 'counter_taken', `Counter ${counter.id} is signed in by ${counter.staffId}.`);
    }
    const elsewhere = Object.values(hub.state.counters).find((c) => c.id !== counter.id && c.staffId === me && c.status !== 'closed');
    if (elsewhere) throw new DomainError('conflict', 'signed_in_elsewhere', `You are signed in at counter ${elsewhere.id}; close it first.`);
    // Opening a counter you already hold is a no-op, so a terminal can repeat it after a reload.
    if (!(counter.status === 'open' && counter.staffId === me)) {
      hub.execute({ type: 'counter.open', counter: counter.id, staffId: me }, me);
    }
    return counterAnswer(ctx, counter.id);
  });

  app.post('/api/counters/:counter/pause', { preHandler: allow('teller', 'manager') }, async (request) => {
    const counter = findCounter(ctx, params(request));
    checkAtCounter(ctx, request, counter);
    const { reason } = PauseBody.parse(request.body);
    hub.execute({ type: 'counter.pause', counter: counter.id, reason }, principalOf(request).id);
    return counterAnswer(ctx, counter.id);
  });

  for (const move of ['resume', 'close'] as const) {
    app.post(`/api/counters/:counter/${move}`, { preHandler: allow('teller', 'manager') }, async (request) => {
      const counter = findCounter(ctx, params(request));
      checkAtCounter(ctx, request, counter);
      hub.execute({ type: move === 'resume' ? 'counter.resume' : 'counter.close', counter: counter.id }, principalOf(request).id);
      return counterAnswer(ctx, counter.id);
    });
  }

  app.post('/api/counters/:counter/call-next', { preHandler: allow('teller') }, async (request, reply) => {
    const counter = findCounter(ctx, params(request));
    checkAtCounter(ctx, request, counter);
    const change = hub.execute({ type: 'counter.call_next', counter: counter.id }, principalOf(request).id);
    const called = change.events.find((e) => e.type === 'ticket.called');
    if (!called || called.type !== 'ticket.called') return reply.status(204).send();
    return { ticket: apiTicket(ctx, called.ticket) };
  });

  app.post('/api/counters/:counter/call', { preHandler: allow('teller') }, async (request) => {
    const counter = findCounter(ctx, params(request));
    checkAtCounter(ctx, request, counter);
    const number = CallTicketBody.parse(request.body).number.toUpperCase();
    const ticket = Object.values(hub.state.tickets).find((t) => t.number === number);
    if (!ticket) throw new DomainError('not_found', 'unknown_ticket', `There is no ticket ${number} today.`);
    hub.execute({ type: 'counter.call_ticket', counter: counter.id, ticket: ticket.id }, principalOf(request).id);
    return { ticket: apiTicket(ctx, ticket.id) };
  });

  app.put('/api/counters/:counter/services', { preHandler: allow('manager', 'admin') }, async (request) => {
    const counter = findCounter(ctx, params(request));
    const services = SetCounterServicesBody.parse(request.body).services.map((s) => findService(ctx, s));
    hub.execute({ type: 'counter.set_services', counter: counter.id, services }, principalOf(request).id);
    return counterAnswer(ctx, counter.id);
  });
}

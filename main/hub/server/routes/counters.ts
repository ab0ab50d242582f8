// Counters: a teller signs in at one and opens it, pauses with a reason, calls the next.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { api } from '../../../common/routes/index.js';
import type { Counter } from '../../../common/domain.js';
import { countersView } from '../../lobby/views.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { DomainError } from '../../../common/errors.js';
import { registerRoute } from '../register-route.js';
import { apiTicket, findService } from './tickets.js';
import { own } from '../../../common/own.js';
import { readMaxPriorityInARow } from '../../settings/fair-calling.js';

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
  registerRoute(app, api.openCounter, async (request, _reply, input) => {
    const me = principalOf(request).id;
    const counter = findCounter(ctx, input.params.counter);
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

  registerRoute(app, api.pauseCounter, async (request, _reply, input) => {
    const counter = findCounter(ctx, input.params.counter);
    checkAtCounter(ctx, request, counter);
    const { reason } = input.body;
    hub.execute({ type: 'counter.pause', counter: counter.id, reason }, principalOf(request).id);
    return counterAnswer(ctx, counter.id);
  });

  for (const [def, type] of [
    [api.resumeCounter, 'counter.resume'],
    [api.closeCounter, 'counter.close'],
  ] as const) {
    registerRoute(app, def, async (request, _reply, input) => {
      const counter = findCounter(ctx, input.params.counter);
      checkAtCounter(ctx, request, counter);
      hub.execute({ type, counter: counter.id }, principalOf(request).id);
      return counterAnswer(ctx, counter.id);
    });
  }

  registerRoute(app, api.callNext, async (request, reply, input) => {
    const counter = findCounter(ctx, input.params.counter);
    checkAtCounter(ctx, request, counter);
    // The fair-calling setting goes in with the command, so the engine's decision stays pure.
    const maxPriorityInARow = readMaxPriorityInARow(hub.ledger.db);
    const change = hub.execute({ type: 'counter.call_next', counter: counter.id, maxPriorityInARow }, principalOf(request).id);
    const called = change.events.find((e) => e.type === 'ticket.called');
    if (!called || called.type !== 'ticket.called') return reply.status(204).send();
    return { ticket: apiTicket(ctx, called.ticket, principalOf(request)) };
  });

  registerRoute(app, api.callTicket, async (request, _reply, input) => {
    const counter = findCounter(ctx, input.params.counter);
    checkAtCounter(ctx, request, counter);
    const number = input.body.number.toUpperCase();
    const ticket = Object.values(hub.state.tickets).find((t) => t.number === number);
    if (!ticket) throw new DomainError('not_found', 'unknown_ticket', `There is no ticket ${number} today.`);
    hub.execute({ type: 'counter.call_ticket', counter: counter.id, ticket: ticket.id }, principalOf(request).id);
    return { ticket: apiTicket(ctx, ticket.id, principalOf(request)) };
  });

  registerRoute(app, api.setCounterServices, async (request, _reply, input) => {
    const counter = findCounter(ctx, input.params.counter);
    const services = input.body.services.map((s) => findService(ctx, s));
    hub.execute({ type: 'counter.set_services', counter: counter.id, services }, principalOf(request).id);
    return counterAnswer(ctx, counter.id);
  });
}

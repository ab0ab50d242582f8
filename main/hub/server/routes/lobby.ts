// Reading the lobby: services, the snapshot, the business day, the customer's ticket page.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { api } from '../../../common/routes/index.js';
import { localDate } from '../../lobby/business-day.js';
import { dayCloseRecords } from '../../records/day-close/guard.js';
import { lobbySnapshot, toApiService } from '../../lobby/views.js';
import { decide, waitingAhead } from '../../queue/index.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { DomainError } from '../../../common/errors.js';
import { isPublicAudience } from '../principal.js';
import { isFraudWatched } from '../../fraud/watch-projector.js';
import { registerRoute } from '../register-route.js';

const TicketId = z.uuid();

export function registerLobbyRoutes(app: FastifyInstance, ctx: ServerContext, version: string): void {
  const { hub } = ctx;

  registerRoute(app, api.health, async () => ({ ok: true, version }));

  registerRoute(app, api.services, async () => ({
    services: Object.values(hub.state.services).map(toApiService),
  }));

  registerRoute(app, api.lobby, async (request) => {
    const now = hub.clock();
    return lobbySnapshot(hub.lastSeq(), ctx.branch, hub.state, hub.predictor, hub.freshEstimates(), now, isPublicAudience(principalOf(request)), (id) => isFraudWatched(hub.ledger.db, id));
  });

  registerRoute(app, api.dayOpen, async (request, _reply, input) => {
    const body = input.body;
    hub.execute({ type: 'day.open', date: body.date ?? localDate(hub.clock()) }, principalOf(request).id);
    return { day: hub.state.day };
  });

  // The engine decides first: a close refused for customers at counters records no override.
  // Then the closing checklist's gate; the override (if any), the finished customers, the
  // closed counters and the close are one commit.
  registerRoute(app, api.dayClose, async (request, _reply, input) => {
    const who = principalOf(request);
    const now = hub.clock();
    const closing = decide(hub.state, { type: 'day.close', finishAtCounters: input.body.finishAtCounters === true }, now);
    const records = dayCloseRecords(hub, who, input.body);
    hub.commit([...records, ...closing], who.id, now);
    return { day: hub.state.day };
  });

  // The page a customer opens from the ticket's QR code: no login, no customer data.
  registerRoute(app, api.publicTicket, async (_request, _reply, input) => {
    const parsed = TicketId.safeParse(input.params.id);
    const ticket = parsed.success ? hub.state.tickets[parsed.data] : undefined;
    if (!ticket) throw new DomainError('not_found', 'unknown_ticket', 'This ticket is not known today.');
    const waiting = ticket.status === 'waiting';
    const now = hub.clock();
    return {
      number: ticket.number,
      service: ticket.service,
      serviceNameZh: hub.state.services[ticket.service]?.nameZh ?? ticket.service,
      serviceNameEn: hub.state.services[ticket.service]?.nameEn ?? ticket.service,
      status: ticket.status,
      counter: ticket.counter,
      ahead: waiting ? waitingAhead(hub.state, ticket.id, now) : 0,
      estimate: waiting ? (hub.freshEstimates()[ticket.id] ?? null) : null,
    };
  });
}

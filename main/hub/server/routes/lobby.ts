// Reading the lobby: services, the snapshot, the business day, the customer's ticket page.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiService, PublicTicketAnswer } from '../../../common/api.js';
import { CalendarDate } from '../../../common/dates.js';
import { localDate } from '../../lobby/business-day.js';
import { guardDayClose } from '../../records/day-close/guard.js';
import { lobbySnapshot } from '../../lobby/views.js';
import { waitingAhead } from '../../queue/index.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';
import { DomainError } from '../../../common/errors.js';
import { ANY_TOKEN, STAFF_GRANTS, isPublicAudience } from '../principal.js';

export const LOBBY_READERS = [...STAFF_GRANTS, 'display', 'kiosk', 'counter-device', 'manager-device'] as const;
const DayOpenBody = z.strictObject({ date: CalendarDate.optional() });
const TicketId = z.uuid();

export function registerLobbyRoutes(app: FastifyInstance, ctx: ServerContext, version: string): void {
  const { hub } = ctx;

  app.get('/api/health', async () => ({ ok: true, version }));

  app.get('/api/services', { preHandler: allow(...ANY_TOKEN) }, async (): Promise<{ services: ApiService[] }> => ({
    services: Object.values(hub.state.services).map((s) => ({
      code: s.code,
      prefix: s.prefix,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      targetWaitMinutes: s.targetWaitMinutes,
    })),
  }));

  app.get('/api/lobby', { preHandler: allow(...LOBBY_READERS) }, async (request) => {
    const now = hub.clock();
    return lobbySnapshot(hub.lastSeq(), ctx.branch, hub.state, hub.predictor, hub.freshEstimates(), now, isPublicAudience(principalOf(request)));
  });

  app.post('/api/day/open', { preHandler: allow('manager', 'admin') }, async (request) => {
    const body = DayOpenBody.parse(request.body ?? {});
    hub.execute({ type: 'day.open', date: body.date ?? localDate(hub.clock()) }, principalOf(request).id);
    return { day: hub.state.day };
  });

  app.post('/api/day/close', { preHandler: allow('manager', 'admin') }, async (request) => {
    guardDayClose(hub, principalOf(request), request.body);
    hub.execute({ type: 'day.close' }, principalOf(request).id);
    return { day: hub.state.day };
  });

  // The page a customer opens from the ticket's QR code: no login, no customer data.
  app.get('/api/public/tickets/:id', async (request): Promise<PublicTicketAnswer> => {
    const parsed = TicketId.safeParse((request.params as { id: string }).id);
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

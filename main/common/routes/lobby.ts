// Reading the lobby: health, services, the snapshot, the business day, the customer's ticket
// page, the live feed and the calling display's voice clips.
import { z } from 'zod';
import type { PublicTicketAnswer } from '../api.js';
import { CalendarDate } from '../dates.js';
import { TICKET_STATUSES } from '../domain.js';
import { ANY_TOKEN, LOBBY_READERS } from './access.js';
import { ApiServiceSchema, BusinessDaySchema, EstimateSchema, LobbySnapshotSchema } from './answers.js';
import { route } from './define.js';

export const DayOpenBody = z.strictObject({ date: CalendarDate.optional() });
export const DayCloseBody = z.strictObject({ overrideReason: z.string().trim().min(1).max(500).optional() }).default({});
const DayAnswer = z.strictObject({ day: BusinessDaySchema.nullable() });

export const health = route({
  method: 'GET',
  path: '/api/health',
  access: 'public',
  summary: 'The hub is up, and its version.',
  answer: z.strictObject({ ok: z.literal(true), version: z.string() }),
});

export const services = route({
  method: 'GET',
  path: '/api/services',
  access: { grants: ANY_TOKEN },
  summary: "The branch's services.",
  answer: z.strictObject({ services: z.array(ApiServiceSchema) }),
});

export const lobby = route({
  method: 'GET',
  path: '/api/lobby',
  access: { grants: LOBBY_READERS },
  summary: 'The lobby snapshot (queues, counters, tickets), cut for the caller.',
  answer: LobbySnapshotSchema,
});

export const dayOpen = route({
  method: 'POST',
  path: '/api/day/open',
  access: { grants: ['manager', 'admin'] },
  summary: 'Opens the business day.',
  body: DayOpenBody,
  answer: DayAnswer,
});

export const dayClose = route({
  method: 'POST',
  path: '/api/day/close',
  access: { grants: ['manager', 'admin'] },
  summary: 'Closes the business day (the closing checklist signed, or an admin override with its reason).',
  body: DayCloseBody,
  answer: DayAnswer,
});

export const publicTicket = route({
  method: 'GET',
  path: '/api/public/tickets/:id',
  access: 'public',
  summary: "The customer's own ticket page (from the QR code): no customer data.",
  params: z.object({ id: z.string() }),
  answer: z.strictObject({
    number: z.string(),
    service: z.string(),
    serviceNameZh: z.string(),
    serviceNameEn: z.string(),
    status: z.enum(TICKET_STATUSES),
    counter: z.string().nullable(),
    ahead: z.number().int(),
    estimate: EstimateSchema.nullable(),
  }) satisfies z.ZodType<PublicTicketAnswer>,
});

export const live = route({
  method: 'GET',
  path: '/api/live',
  access: { grants: LOBBY_READERS, checked: 'socket' },
  summary: 'The live feed (WebSocket): a snapshot, then every event as the caller may see it.',
  query: z.object({ token: z.string().optional() }),
  answer: z.never(),
  produces: 'websocket',
});

export const voiceClip = route({
  method: 'GET',
  path: '/voice/*',
  access: 'public',
  summary: "The calling display's voice clips (Ogg).",
  params: z.object({ '*': z.string() }),
  answer: z.unknown(),
  produces: 'audio',
});

export const lobbyRoutes = [health, services, lobby, dayOpen, dayClose, publicTicket, live, voiceClip];

// Reading the lobby: health, services, the snapshot, the business day, the customer's ticket
// page, the live feed and the calling display's voice clips.
import { z } from 'zod';
import type { PublicTicketAnswer } from '../api.js';
import { CalendarDate } from '../dates.js';
import { TICKET_STATUSES } from '../domain.js';
import { ANY_TOKEN, ELDERLY_READERS, LOBBY_READERS } from './access.js';
import type { ElderlyWaiting } from '../elderly.js';
import { ApiServiceSchema, BusinessDaySchema, EstimateSchema, LobbySnapshotSchema } from './answers.js';
import { route } from './define.js';

export const DayOpenBody = z.strictObject({ date: CalendarDate.optional() });
export const DayCloseBody = z
  .strictObject({
    overrideReason: z.string().trim().min(1).max(500).optional(),
    /** Finish the customers called or served at counters, then close (one confirmation on the console). */
    finishAtCounters: z.boolean().optional(),
  })
  .default({});
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
  summary: "The branch's services: `{code, prefix, nameZh, nameEn, targetWaitMinutes, maxWaitMinutes}`.",
  answer: z.strictObject({ services: z.array(ApiServiceSchema) }),
});

export const lobby = route({
  method: 'GET',
  path: '/api/lobby',
  access: { grants: LOBBY_READERS },
  summary: "`{seq, branch, day, queues, counters, tickets}`; a display's or kiosk's copy has no priorities, estimates, ids or staff.",
  answer: LobbySnapshotSchema,
});

export const lobbyElderly = route({
  method: 'GET',
  path: '/api/lobby/elderly',
  access: { grants: ELDERLY_READERS },
  summary: 'Waiting tickets of priority `elderly`, fewest ahead first: `{ticket, service, ahead, issuedAt, nearTurn}` (`nearTurn`: 3 or fewer ahead).',
  answer: z.strictObject({
    waiting: z.array(z.strictObject({ ticket: z.string(), service: z.string(), ahead: z.number().int(), issuedAt: z.string(), nearTurn: z.boolean() }) satisfies z.ZodType<ElderlyWaiting>),
  }),
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
  summary:
    'Closes the day and every counter: waiting tickets become `unserved_at_close`; 409 `customers_at_counters` (`error.details.counters`) while a customer is called or served, unless `finishAtCounters: true` finishes them; 409 `closing_checklist_unsigned` unless the closing checklist is signed or an admin gives `overrideReason`.',
  body: DayCloseBody,
  answer: DayAnswer,
});

export const publicTicket = route({
  method: 'GET',
  path: '/api/public/tickets/:id',
  access: 'public',
  summary: "The customer's ticket page (from the QR code): no token, no customer data.",
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
  summary: 'Upgrades to a WebSocket: the token as the first message, then a snapshot and every ledger event as the caller may see it (see Live feed).',
  query: z.object({ token: z.string().optional() }),
  answer: z.never(),
  produces: 'websocket',
});

export const voiceClip = route({
  method: 'GET',
  path: '/voice/*',
  access: 'public',
  summary: "The display's voice clips (`/voice/<clip>.ogg`, whitelisted names).",
  params: z.object({ '*': z.string() }),
  answer: z.unknown(),
  produces: 'audio',
});

export const lobbyRoutes = [health, services, lobby, lobbyElderly, dayOpen, dayClose, publicTicket, live, voiceClip];

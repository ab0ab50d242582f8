// The answers several routes share, as schemas. Each is declared as the interface the hub
// builds it as (z.ZodType<ApiTicket>…), so the schema and the interface cannot drift apart.
import { z } from 'zod';
import { ALERT_KINDS, type Alert } from '../alerts.js';
import type { ApiCounter, ApiService, ApiTicket, DeviceView, DisplayTicket, LobbySnapshot } from '../api.js';
import { COUNTER_STATUSES, PAUSE_REASONS, PRIORITIES, STAFF_ROLES, TICKET_STATUSES, type BusinessDay, type Estimate, type Role } from '../domain.js';
import type { PrinterStatus } from '../print.js';
import { PRINTER_CONDITIONS } from '../print.js';

const isoTime = z.string().min(1);

export const EstimateSchema: z.ZodType<Estimate> = z.strictObject({
  minutes: z.number(),
  low: z.number(),
  high: z.number(),
  closed: z.strictObject({ opensAt: z.string().regex(/^\d{2}:\d{2}$/).nullable() }).optional(),
});

export const RoleSchema: z.ZodType<Role> = z.enum([...STAFF_ROLES, 'kiosk', 'counter', 'display', 'rating']);

export const ApiTicketSchema: z.ZodType<ApiTicket> = z.strictObject({
  id: z.string(),
  number: z.string(),
  service: z.string(),
  priority: z.enum(PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  issuedAt: isoTime,
  calledAt: isoTime.nullable(),
  startedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
  counter: z.string().nullable(),
  targetCounter: z.string().nullable(),
  recalls: z.number().int(),
  transfers: z.number().int(),
  ahead: z.number().int(),
  estimate: EstimateSchema.nullable(),
  fraudWatch: z.boolean().optional(),
});

export const DisplayTicketSchema: z.ZodType<DisplayTicket> = z.strictObject({
  number: z.string(),
  service: z.string(),
  status: z.enum(TICKET_STATUSES),
  counter: z.string().nullable(),
  calledAt: isoTime.nullable(),
  recalls: z.number().int(),
});

export const ApiCounterSchema: z.ZodType<ApiCounter> = z.strictObject({
  id: z.string(),
  services: z.array(z.string()),
  status: z.enum(COUNTER_STATUSES),
  pauseReason: z.enum(PAUSE_REASONS).nullable(),
  staffId: z.string().nullable(),
  since: isoTime,
  currentTicket: z.string().nullable(),
  label: z.string().nullable(),
});

export const ApiServiceSchema: z.ZodType<ApiService> = z.strictObject({
  code: z.string(),
  prefix: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  targetWaitMinutes: z.number(),
  maxWaitMinutes: z.number(),
});

export const LobbySnapshotSchema: z.ZodType<LobbySnapshot> = z.strictObject({
  seq: z.number().int(),
  branch: z.strictObject({ nameZh: z.string(), nameEn: z.string() }),
  day: z.strictObject({ date: z.string(), status: z.enum(['open', 'closed']) }).nullable(),
  queues: z.array(
    z.strictObject({
      service: z.string(),
      prefix: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      waiting: z.number().int(),
      longestWaitMinutes: z.number(),
      estimate: EstimateSchema,
    }),
  ),
  counters: z.array(ApiCounterSchema),
  tickets: z.union([z.array(ApiTicketSchema), z.array(DisplayTicketSchema)]),
});

export const BusinessDaySchema: z.ZodType<BusinessDay> = z.strictObject({
  date: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: z.number(),
  closedAt: z.number().nullable(),
});

export const DeviceViewSchema: z.ZodType<DeviceView> = z.strictObject({
  deviceId: z.string(),
  role: z.string(),
  name: z.string(),
  paired: z.boolean(),
  pairedAt: isoTime.nullable(),
  pairingExpiresAt: isoTime.nullable(),
  lastSeenAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
  counter: z.string().nullable(),
});

export const PrinterStatusSchema: z.ZodType<PrinterStatus> = z.strictObject({
  reachable: z.boolean(),
  conditions: z.array(z.enum(PRINTER_CONDITIONS)),
  checkedAt: z.number(),
});

export const AlertSchema: z.ZodType<Alert> = z.strictObject({
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  key: z.string(),
  raisedAt: z.number(),
  ticket: z.string().nullable(),
  counter: z.string().nullable(),
  device: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  acknowledgedAt: z.number().nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: z.number().nullable(),
});

export const Ok = z.strictObject({ ok: z.literal(true) });
export const TicketAnswer = z.strictObject({ ticket: ApiTicketSchema });
export const CounterAnswer = z.strictObject({ counter: ApiCounterSchema });

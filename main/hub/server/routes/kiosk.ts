// What a kiosk asks of the hub beyond tickets: its home choices, self-service triage and
// "I need help", the green channel, VIP and appointment check-in, and the audited exit from
// kiosk mode.
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AppointmentCheckInBody,
  GreenChannelBody,
  KioskHelpBody,
  VipCheckInBody,
  type CheckInAnswer,
  type KioskConfigAnswer,
} from '../../../common/kiosk.js';
import { checkInAppointment, checkInVip } from '../../kiosk/check-in.js';
import { kioskChoice, kioskChoicesOf } from '../../kiosk/choices.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';
import { ANY_TOKEN } from '../principal.js';
import { apiTicket, ensureDayOpen } from './tickets.js';

const ExitBody = z.strictObject({ device: z.string().min(1).max(64).nullable().default(null) });

export function registerKioskRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub, alerts } = ctx;
  const choice = (id: string) => kioskChoice(hub, id);

  app.get('/api/kiosk/config', { preHandler: allow(...ANY_TOKEN) }, async (): Promise<KioskConfigAnswer> => ({ choices: kioskChoicesOf(hub) }));

  // The customer was shown where the ATM is: counted as triage to self-service.
  app.post('/api/kiosk/self-service', { preHandler: allow('kiosk') }, async (request) => {
    const c = choice(KioskHelpBody.parse(request.body ?? {}).choice);
    const device = principalOf(request).id;
    hub.audit({ type: 'kiosk.self_service', choice: c.id, device, help: false }, device);
    return { ok: true };
  });

  // "I need help": the lobby manager comes over. One open alert per kiosk at a time.
  app.post('/api/kiosk/help', { preHandler: allow('kiosk') }, async (request) => {
    const c = choice(KioskHelpBody.parse(request.body ?? {}).choice);
    const device = principalOf(request).id;
    if (c.selfService) hub.audit({ type: 'kiosk.self_service', choice: c.id, device, help: true }, device);
    const alert = alerts.raise({ kind: 'kiosk_help', key: `kiosk_help:${device}`, device, details: { choice: c.id, nameZh: c.nameZh, nameEn: c.nameEn } }, device);
    return { alert: alert.id };
  });

  app.post('/api/kiosk/green-channel', { preHandler: allow('kiosk') }, async (request) => {
    const { reason } = GreenChannelBody.parse(request.body ?? {});
    const device = principalOf(request).id;
    const alert = alerts.raise({ kind: 'green_channel_request', key: `green:${device}`, device, details: { reason } }, device);
    return { alert: alert.id };
  });

  app.post('/api/kiosk/check-in/vip', { preHandler: allow('kiosk', 'manager') }, async (request): Promise<CheckInAnswer> => {
    const body = VipCheckInBody.parse(request.body ?? {});
    const actor = principalOf(request).id;
    const { ticketId, title, notes } = checkInVip(hub, body, actor, () => ensureDayOpen(ctx, actor), randomUUID);
    alerts.raise({ kind: 'vip_arrived', key: `vip:${ticketId}`, ticket: hub.state.tickets[ticketId]!.number, details: { title, notes } }, actor);
    return { ticket: apiTicket(ctx, ticketId) };
  });

  app.post('/api/kiosk/check-in/appointment', { preHandler: allow('kiosk', 'manager') }, async (request): Promise<CheckInAnswer> => {
    const body = AppointmentCheckInBody.parse(request.body ?? {});
    const actor = principalOf(request).id;
    const { ticketId } = checkInAppointment(hub, body, actor, () => ensureDayOpen(ctx, actor), randomUUID);
    return { ticket: apiTicket(ctx, ticketId) };
  });

  // Leaving kiosk mode: the shell checks the PIN through /api/auth/login (throttled, audited)
  // and records here who opened which kiosk.
  app.post('/api/kiosk/exit', { preHandler: allow('admin', 'manager') }, async (request) => {
    const { device } = ExitBody.parse(request.body ?? {});
    const staffId = principalOf(request).id;
    hub.audit({ type: 'kiosk.exited', device, staffId }, staffId);
    return { ok: true };
  });
}

// What a kiosk asks of the hub beyond tickets: its home choices, self-service triage and
// "I need help", the green channel, VIP and appointment check-in, and the audited exit from
// kiosk mode.
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { api } from '../../../common/routes/index.js';
import { checkInAppointment, checkInVip } from '../../kiosk/check-in.js';
import { kioskChoice, kioskChoicesOf } from '../../kiosk/choices.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { watchForFraud } from '../../fraud/watch.js';
import { registerRoute } from '../register-route.js';
import { apiTicket, ensureDayOpen, findService } from './tickets.js';
import { checkInByIdCard } from '../../kiosk/id-card.js';

export function registerKioskRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub, alerts } = ctx;
  const choice = (id: string) => kioskChoice(hub, id);

  registerRoute(app, api.kioskConfig, async () => ({ choices: kioskChoicesOf(hub) }));

  // The customer was shown where the ATM is: counted as triage to self-service.
  registerRoute(app, api.kioskSelfService, async (request, _reply, input) => {
    const c = choice(input.body.choice);
    const device = principalOf(request).id;
    hub.audit({ type: 'kiosk.self_service', choice: c.id, device, help: false }, device);
    return { ok: true };
  });

  // "I need help": the lobby manager comes over. One open alert per kiosk at a time.
  registerRoute(app, api.kioskHelp, async (request, _reply, input) => {
    const c = choice(input.body.choice);
    const device = principalOf(request).id;
    if (c.selfService) hub.audit({ type: 'kiosk.self_service', choice: c.id, device, help: true }, device);
    const alert = alerts.raise({ kind: 'kiosk_help', key: `kiosk_help:${device}`, device, details: { choice: c.id, nameZh: c.nameZh, nameEn: c.nameEn } }, device);
    return { alert: alert.id };
  });

  registerRoute(app, api.greenChannel, async (request, _reply, input) => {
    const { reason } = input.body;
    const device = principalOf(request).id;
    const alert = alerts.raise({ kind: 'green_channel_request', key: `green:${device}`, device, details: { reason } }, device);
    return { alert: alert.id };
  });

  registerRoute(app, api.vipCheckIn, async (request, _reply, input) => {
    const body = input.body;
    const actor = principalOf(request).id;
    const { ticketId, title, notes } = checkInVip(hub, body, actor, () => ensureDayOpen(ctx, actor), randomUUID);
    alerts.raise({ kind: 'vip_arrived', key: `vip:${ticketId}`, ticket: hub.state.tickets[ticketId]!.number, details: { title, notes } }, actor);
    return { ticket: apiTicket(ctx, ticketId) };
  });

  registerRoute(app, api.appointmentCheckIn, async (request, _reply, input) => {
    const body = input.body;
    const actor = principalOf(request).id;
    const { ticketId } = checkInAppointment(hub, body, actor, () => ensureDayOpen(ctx, actor), randomUUID);
    return { ticket: apiTicket(ctx, ticketId) };
  });

  // An older customer's ID card: the number is checked and forgotten (main/hub/kiosk/id-card.ts).
  registerRoute(app, api.idCardCheckIn, async (request, _reply, input) => {
    const p = principalOf(request);
    const actor = p.id;
    const checkIn = checkInByIdCard(hub, input.body, (s) => findService(ctx, s), actor, () => ensureDayOpen(ctx, actor), randomUUID);
    // An older customer who took a fraud-prompt choice: the manager is told (fraud_watch) and the
    // teller's screen flags the ticket. The kiosk's answer is built without the flag.
    watchForFraud(hub, ctx.alerts, { ticketId: checkIn.ticketId, choice: checkIn.choice?.id ?? null, elderly: checkIn.elderly }, actor, p.grant === 'kiosk' ? p.id : null);
    return { ticket: apiTicket(ctx, checkIn.ticketId), elderly: checkIn.elderly };
  });

  // Leaving kiosk mode: the shell checks the PIN through /api/auth/login (throttled, audited)
  // and records here who opened which kiosk.
  registerRoute(app, api.kioskExit, async (request, _reply, input) => {
    const { device } = input.body;
    const staffId = principalOf(request).id;
    hub.audit({ type: 'kiosk.exited', device, staffId }, staffId);
    return { ok: true };
  });
}


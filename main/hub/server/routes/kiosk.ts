// What a kiosk asks of the hub beyond tickets: its home choices, self-service triage and
// "I need help", the green channel, VIP and appointment check-in, and the audited exit from
// kiosk mode.
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { api } from '../../../common/routes/index.js';
import type { Priority } from '../../../common/domain.js';
import { branchSecret, customerKey } from '../../customers/customer-key.js';
import { findVip } from '../../customers/vip-register.js';
import { kioskChoices } from '../../kiosk/choices.js';
import { subject, vaultOf } from '../../personal/vault.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { HttpError } from '../http-error.js';
import { registerRoute } from '../register-route.js';
import { apiTicket, ensureDayOpen } from './tickets.js';

export function registerKioskRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub, db, alerts } = ctx;

  function choice(id: string) {
    const c = kioskChoices(db, hub.state).find((x) => x.id === id);
    if (!c) throw new HttpError(400, 'unknown_choice', `There is no kiosk choice "${id}".`);
    return c;
  }

  function issue(service: string, priority: Priority, actor: string, appointmentAt: number | null = null, alsoWrite?: (id: string) => void): string {
    ensureDayOpen(ctx, actor);
    const id = randomUUID();
    hub.execute({ type: 'ticket.issue', id, service, priority, appointmentAt }, actor);
    alsoWrite?.(id);
    return id;
  }

  registerRoute(app, api.kioskConfig, async () => ({ choices: kioskChoices(db, hub.state) }));

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
    const found = 'card' in body ? findVip(db, 'card', body.card) : findVip(db, 'phone', body.phone);
    if (!found) throw new HttpError(404, 'not_registered', 'This card or phone number is not in the VIP register; please take a ticket or ask the lobby manager.');
    if (!hub.state.services.vip) throw new HttpError(409, 'no_vip_service', 'This branch has no VIP service.');
    const id = issue('vip', 'vip', actor);
    const ticket = hub.state.tickets[id]!;
    hub.audit({ type: 'kiosk.checked_in', ticket: id, kind: 'vip' }, actor, (tx) =>
      tx.prepare('INSERT INTO ticket_customers (ticket_id, customer_key, customer_id) VALUES (?, ?, ?)').run(id, found.key, found.customer.id),
    );
    // The alert (an event) keeps the register's sealing: title as sealed there, notes joined
    // and sealed again under the same customer's key.
    const vault = vaultOf(db);
    const notes = vault.seal(subject.vip(found.customer.id), found.customer.notes.map((n) => vault.open(n)).join('；'));
    alerts.raise({ kind: 'vip_arrived', key: `vip:${id}`, ticket: ticket.number, details: { title: found.customer.title, notes } }, actor);
    return { ticket: apiTicket(ctx, id) };
  });

  registerRoute(app, api.appointmentCheckIn, async (request, _reply, input) => {
    const body = input.body;
    const actor = principalOf(request).id;
    const now = hub.clock();
    const rows = (
      'code' in body
        ? db.prepare('SELECT code, service, at, ticket_id FROM appointments WHERE code = ?').all(body.code.toUpperCase())
        : db.prepare('SELECT code, service, at, ticket_id FROM appointments WHERE phone_key = ?').all(customerKey(branchSecret(db), 'phone', body.phone))
    ) as { code: string; service: string; at: number; ticket_id: string | null }[];
    // Decision: an appointment checks in from 2 hours before its time to 1 hour after.
    const open = rows.filter((r) => r.ticket_id === null && r.at - 2 * 3_600_000 <= now && now <= r.at + 3_600_000).sort((a, b) => a.at - b.at)[0];
    if (!open) throw new HttpError(404, 'no_appointment', 'No appointment was found for now; please take a ticket or ask the lobby manager.');
    if (!hub.state.services[open.service]) throw new HttpError(409, 'unknown_service', 'The appointment is for a service this branch no longer offers.');
    const id = issue(open.service, 'appointment', actor, open.at);
    hub.audit({ type: 'kiosk.checked_in', ticket: id, kind: 'appointment' }, actor, (tx) =>
      tx.prepare('UPDATE appointments SET ticket_id = ? WHERE code = ?').run(id, open.code),
    );
    return { ticket: apiTicket(ctx, id) };
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

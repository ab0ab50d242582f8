// The live feed per audience: every event type x every audience, through a real hub. Each
// audience holds its own WebSocket while a day runs that produces every event type; then the
// tables below say which audiences read each event's data and each personal text, and the
// feeds must match them exactly. REST answers the same principals the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLiveFeed, type LiveFeed } from '../../../tests/support/live-feed.js';
import type { LedgerEvent } from '../../common/events.js';
import { branchSecret, customerKey } from '../customers/customer-key.js';
import { watchForFraud } from '../fraud/watch.js';
import { sealNote } from '../records/notebook/seal.js';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { FeedFormatter } from './feed.js';
import type { HubChange } from '../lobby/hub.js';
import type { Principal } from './principal.js';

type Audience = 'display' | 'kiosk' | 'counter-device' | 'manager-device' | 'teller@2' | 'teller@6' | 'manager' | 'supervisor' | 'admin';
const AUDIENCES: Audience[] = ['display', 'kiosk', 'counter-device', 'manager-device', 'teller@2', 'teller@6', 'manager', 'supervisor', 'admin'];
const PUBLIC: Audience[] = ['display', 'kiosk'];
const EVERYONE = AUDIENCES;
const NOT_PUBLIC = AUDIENCES.filter((a) => !PUBLIC.includes(a));
const KEEPERS: Audience[] = ['manager', 'supervisor'];
const RECORDS: Audience[] = ['manager', 'supervisor', 'admin'];
const ALERTS: Audience[] = [...RECORDS, 'manager-device'];
const ADMIN: Audience[] = ['admin'];
const MANAGER_ADMIN: Audience[] = ['manager', 'admin'];
const SETTINGS: Audience[] = ['manager', 'admin', 'supervisor'];

/** Who receives each event type with its data (everyone else gets the type and seq with `data: {}`). */
const RECEIVES: Record<LedgerEvent['type'], Audience[]> = {
  'config.set': EVERYONE,
  'service.defined': EVERYONE,
  'counter.defined': EVERYONE,
  'counter.services_set': EVERYONE,
  'counter.opened': EVERYONE,
  'counter.paused': EVERYONE,
  'counter.resumed': EVERYONE,
  'counter.closed': EVERYONE,
  'day.opened': EVERYONE,
  'day.closed': EVERYONE,
  'ticket.issued': EVERYONE,
  'ticket.called': EVERYONE,
  'ticket.recalled': EVERYONE,
  'ticket.started': EVERYONE,
  'ticket.finished': EVERYONE,
  'ticket.no_show': EVERYONE,
  'ticket.cancelled': EVERYONE,
  'ticket.transferred': EVERYONE,
  'ticket.priority_set': EVERYONE,
  'auth.login': ADMIN,
  'auth.sign_pin': ADMIN,
  'auth.locked': ADMIN,
  'auth.failures': ADMIN,
  'auth.unlocked': ADMIN,
  'settings.changed': SETTINGS,
  'office.config_applied': SETTINGS,
  'office.config_refused': SETTINGS,
  'staff.defined': ADMIN,
  'staff.changed': ADMIN,
  'staff.pin_set': ADMIN,
  'device.registered': ADMIN,
  'device.paired': ADMIN,
  'device.revoked': ADMIN,
  // A token's hash reaches no one (sign-ins are on the feed as auth.login).
  'session.started': [],
  'session.ended': [],
  'customer.erased': ADMIN,
  'customer_secret.shown': ADMIN,
  'alert.raised': ALERTS,
  'alert.acknowledged': ALERTS,
  'alert.resolved': ALERTS,
  'kiosk.self_service': RECORDS,
  'kiosk.checked_in': NOT_PUBLIC,
  'vip.register_imported': ADMIN,
  'appointment.booked': MANAGER_ADMIN,
  'appointment.cancelled': MANAGER_ADMIN,
  'printer.assigned': MANAGER_ADMIN,
  'ticket.printed': MANAGER_ADMIN,
  'ticket.print_started': MANAGER_ADMIN,
  'ticket.print_failed': MANAGER_ADMIN,
  'kiosk.exited': MANAGER_ADMIN,
  'triage.self_service': RECORDS,
  'advisor.decided': ALERTS,
  'checklist.template_saved': RECORDS,
  'checklist.started': RECORDS,
  'checklist.answered': RECORDS,
  'checklist.completed': RECORDS,
  'checklist.signed': RECORDS,
  'fault.reported': RECORDS,
  'fault.repair_requested': RECORDS,
  'fault.repaired': RECORDS,
  'worklog.added': KEEPERS,
  'worklog.answered': KEEPERS,
  'worklog.day_completed': KEEPERS,
  'opinion.recorded': KEEPERS,
  'opinion.replied': KEEPERS,
  'opinion.signed': KEEPERS,
  'opinion.phone_purged': KEEPERS,
  'complaint.opened': KEEPERS,
  'complaint.escalated': KEEPERS,
  'complaint.resolved': KEEPERS,
  'complaint.signed': KEEPERS,
  'notebook.saved': KEEPERS,
  'notebook.imported': KEEPERS,
  'notebook.received': KEEPERS,
  'card.created': KEEPERS,
  'card.followed_up': KEEPERS,
  'card.closed': KEEPERS,
  'day.close_overridden': RECORDS,
  // A rating names the teller who served: those who read the daily report (issue 14).
  'rating.recorded': RECORDS,
  // Staff screens flag the ticket; a customer's screen never learns which one (issue 14).
  'ticket.fraud_watch': NOT_PUBLIC,
  'intervention.recorded': KEEPERS,
  'intervention.edited': KEEPERS,
  'intervention.signed': KEEPERS,
};

// Personal texts, each unique, and who may read each anywhere on their feed.
const VIP_TITLE = 'VipTitleX';
const VIP_NOTE = 'VipNoteX';
const TRANSFER_2_TO_6 = 'TransferNoteTwoToSix';
const TRANSFER_6_OUT = 'TransferNoteSixOut';
const COMPLAINT = 'ComplaintTextX';
const RESOLUTION = 'ComplaintResolutionX';
const NOTEBOOK_TITLE = 'NotebookTitleX';
const NOTEBOOK_NOTE = 'NotebookNoteX';
const OPINION = 'OpinionTextX';
const OPINION_REPLY = 'OpinionReplyX';
const OPINION_PHONE = '13900139000';
const WORKLOG = 'WorklogQuestionX';
const CARD_TITLE = 'CardTitleX';
const CARD_NEED = 'CardNeedX';
const CHECKLIST_NOTE = 'ChecklistNoteX';
const STAFF_NAME = 'StaffNameX';
const OVERRIDE = 'OverrideReasonX';
const PIN_DIGEST = 'PinDigestX';
const COUNTER_LABEL = 'CtrLabelX';
const INTERVENTION_NOTE = 'InterventionNoteX';
/** The customer secret, shown to the admin alone in the answer to their request. */
let shownSecret = '';

const SECRETS: [string, Audience[]][] = [
  [VIP_TITLE, KEEPERS],
  [VIP_NOTE, KEEPERS],
  // A transfer note: the counters the ticket leaves and goes to, the manager and supervisor.
  [TRANSFER_2_TO_6, ['teller@2', 'teller@6', ...KEEPERS]],
  [TRANSFER_6_OUT, ['teller@6', ...KEEPERS]],
  [COMPLAINT, KEEPERS],
  [RESOLUTION, KEEPERS],
  [NOTEBOOK_TITLE, KEEPERS],
  [NOTEBOOK_NOTE, KEEPERS],
  [OPINION, KEEPERS],
  [OPINION_REPLY, KEEPERS],
  // Sealed in its event for the opinion_phones row, and cut from every feed.
  [OPINION_PHONE, []],
  [WORKLOG, KEEPERS],
  [CARD_TITLE, KEEPERS],
  [CARD_NEED, KEEPERS],
  [CHECKLIST_NOTE, RECORDS],
  [STAFF_NAME, ADMIN],
  [OVERRIDE, RECORDS],
  [INTERVENTION_NOTE, KEEPERS],
  // For verify alone: no feed.
  [PIN_DIGEST, []],
];

/** REST reads of the same records: an audience gets an event's data exactly when REST answers it 200. */
const SAME_AS_REST: [string, LedgerEvent['type'][]][] = [
  ['/api/alerts', ['alert.raised', 'alert.acknowledged', 'alert.resolved']],
  ['/api/complaints', ['complaint.opened', 'complaint.escalated', 'complaint.resolved', 'complaint.signed']],
  ['/api/notebook', ['notebook.saved', 'notebook.imported', 'notebook.received']],
  ['/api/opinions', ['opinion.recorded', 'opinion.replied', 'opinion.signed', 'opinion.phone_purged']],
  ['/api/worklog', ['worklog.added', 'worklog.answered', 'worklog.day_completed']],
  ['/api/cards', ['card.created', 'card.followed_up', 'card.closed']],
  ['/api/checklists', ['checklist.started', 'checklist.answered', 'checklist.completed', 'checklist.signed', 'fault.reported']],
  ['/api/reports/daily', ['triage.self_service', 'kiosk.self_service', 'rating.recorded']],
  ['/api/fraud/interventions', ['intervention.recorded', 'intervention.edited', 'intervention.signed']],
  ['/api/printing/printers', ['printer.assigned', 'ticket.printed', 'ticket.print_started', 'ticket.print_failed']],
  ['/api/devices', ['device.registered', 'device.paired', 'device.revoked']],
  ['/api/settings/rota', ['settings.changed']],
  ['/api/lobby', ['ticket.issued', 'ticket.called']],
];

type Feed = LiveFeed;

let hub: TestHub;
const tokens = {} as Record<Audience, string>;
const feeds = {} as Record<Audience, Feed>;
let vipTicketId = '';
/** REST answers while the VIP is served at counter 6. */
const whileVipServed = {} as { customer: Record<Audience, number>; customerBody: Record<string, any>; alerts: Record<string, any> };

const open = (token: string): Promise<Feed> => openLiveFeed(hub.url, token);

async function caughtUp(): Promise<void> {
  const last = hub.hub.lastSeq();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const behind = AUDIENCES.filter((a) => feeds[a].messages.at(-1)?.seq !== last);
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`feeds behind seq ${last}: ${behind.join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function ok<T = any>(method: string, url: string, token: string, body?: unknown): Promise<T> {
  const res = await hub.api(method, url, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** A working day that produces every event type in main/common/events.ts. */
async function runTheDay(): Promise<void> {
  const { admin, manager, supervisor, kiosk } = tokens;
  const teller2 = tokens['teller@2'];
  const teller6 = tokens['teller@6'];
  const h = hub.hub;

  // Definitions, as the branch config and the admin make them.
  h.execute({ type: 'config.set', config: { maxRecalls: 3 } }, 'admin');
  h.execute({ type: 'service.define', service: { code: 'fx', prefix: 'F', nameZh: '外汇', nameEn: 'Foreign exchange', targetWaitMinutes: 15, maxWaitMinutes: 40, priorServiceMinutes: 6 } }, 'admin');
  // The admin's branch tab: a counter with a label every screen shows, and the customer secret seen.
  await ok('POST', '/api/counters', admin, { counter: '7', services: ['cash'], label: COUNTER_LABEL });
  shownSecret = (await ok<{ secret: string }>('POST', '/api/customer-secret/show', admin, { pin: '000000' })).secret;
  await ok('PUT', '/api/counters/7/services', manager, { services: ['cash', 'fx'] });
  h.audit({ type: 'staff.defined', staffId: 'teller9', role: 'teller', name: STAFF_NAME, pinDigest: PIN_DIGEST }, 'admin');
  h.audit({ type: 'staff.pin_set', staffId: 'teller9', pinDigest: PIN_DIGEST, oneTime: true }, 'admin');
  h.audit({ type: 'staff.changed', staffId: 'teller9', name: STAFF_NAME, role: 'teller', disabled: false }, 'admin');
  h.audit({ type: 'settings.changed', key: 'watch.idleMinutes', value: '12' }, 'admin');
  await hub.device('display', 'late display');
  const stolen = await ok<{ deviceId: string }>('POST', '/api/devices', admin, { role: 'kiosk', name: 'stolen kiosk' });
  await ok('DELETE', `/api/devices/${stolen.deviceId}`, admin);
  await hub.login('supervisor');
  await ok('POST', '/api/auth/logout', await hub.login('teller3'), {});
  h.audit({ type: 'auth.locked', staffId: 'teller5', until: h.clock() + 60_000 }, null);
  // A wrong PIN (the window's first failure is written at once) and an admin lifting a lock.
  expect((await hub.api('POST', '/api/auth/login', { body: { staffId: 'teller4', pin: '999999' } })).status).toBe(401);
  await ok('POST', '/api/staff/teller5/unlock', admin);
  // Older ledgers hold one event per wrong signing PIN; a hub still replays and feeds them.
  h.audit({ type: 'auth.sign_pin', staffId: 'supervisor', ok: false, reason: 'wrong_pin' }, null);

  // The counters open; the day opens with its first ticket.
  await ok('POST', '/api/counters/2/open', teller2);
  await ok('POST', '/api/counters/6/open', teller6);
  await ok('POST', '/api/tickets', kiosk, { service: 'cash' });
  await ok('POST', '/api/tickets', kiosk, { service: 'noncash' });

  // Counter 2: call, recall, start, finish; then a no-show; a pause.
  const a1 = (await ok('POST', '/api/counters/2/call-next', teller2)).ticket.id;
  await ok('POST', `/api/tickets/${a1}/recall`, teller2);
  await ok('POST', `/api/tickets/${a1}/start`, teller2);
  await ok('POST', `/api/tickets/${a1}/finish`, teller2, { tags: ['withdrawal'] });
  // The customer rates the service on counter 2's satisfaction pad: low, so the manager is alerted.
  const pad = await hub.device('rating', 'pad at 2', '2');
  await ok('POST', '/api/ratings', pad, { ticket: 'A001', score: 2, reasons: ['long_wait'] });
  const b1 = (await ok('POST', '/api/counters/2/call-next', teller2)).ticket.id;
  await ok('POST', `/api/tickets/${b1}/no-show`, teller2);
  await ok('POST', '/api/counters/2/pause', teller2, { reason: 'meeting' });
  await ok('POST', '/api/counters/2/resume', teller2);

  // The manager's triage: a cancel, a green channel, a customer sent to self-service.
  const a2 = (await ok('POST', '/api/tickets', kiosk, { service: 'cash' })).ticket.id;
  await ok('POST', `/api/tickets/${a2}/cancel`, manager);
  const a3 = (await ok('POST', '/api/tickets', kiosk, { service: 'cash' })).ticket.id;
  await ok('POST', `/api/tickets/${a3}/priority`, manager, { priority: 'green' });
  await ok('POST', '/api/triage/self-service', manager, { service: 'cash' });
  await ok('POST', '/api/kiosk/self-service', kiosk, { choice: 'self_service' });

  // The advisor (issue 17): forward runs in which every waiting ticket is called ten hours from
  // now, in a window wide enough to warn at once: the breach_ahead alert, then the manager's
  // dismissal, an advisor.decided event.
  hub.advisor.useRuns((state) => new Map(Object.values(state.tickets).filter((t) => t.status === 'waiting').map((t) => [t.id, [600]])), { warnWithinMinutes: 24 * 60 });
  const advice = hub.advisor.sweep();
  expect(advice?.forecast.expected).toBeGreaterThan(0);
  expect((await hub.api('GET', '/api/manager/advice', { token: tokens.display })).status).toBe(403);
  expect((await ok('GET', '/api/manager/advice', manager)).advice.id).toBe(advice!.id);
  await ok('POST', '/api/manager/advice', manager, { id: advice!.id, decision: 'dismissed' });
  hub.advisor.useRuns(() => null);

  // A VIP with notes checks in at the kiosk and is served at counter 6.
  const csv = `title,card,phone,notes,tags\n${VIP_TITLE},6222020200112233445,,${VIP_NOTE},wealth\n`;
  await ok('POST', '/api/customers/vip-import', admin, { csv });
  vipTicketId = (await ok('POST', '/api/kiosk/check-in/vip', kiosk, { card: '6222020200112233445' })).ticket.id;
  expect((await ok('POST', '/api/counters/6/call-next', teller6)).ticket.id).toBe(vipTicketId);
  await ok('POST', `/api/tickets/${vipTicketId}/start`, teller6);
  whileVipServed.customer = {} as Record<Audience, number>;
  whileVipServed.customerBody = {};
  for (const a of AUDIENCES) {
    const res = await hub.api('GET', `/api/tickets/${vipTicketId}/customer`, { token: tokens[a] });
    whileVipServed.customer[a] = res.status;
    whileVipServed.customerBody[a] = res.body;
  }
  whileVipServed.alerts = {};
  for (const a of ALERTS) whileVipServed.alerts[a] = (await ok('GET', '/api/alerts', tokens[a])).alerts.find((x: any) => x.kind === 'vip_arrived');
  await ok('POST', `/api/tickets/${vipTicketId}/finish`, teller6);

  // Counter 2 sends the green customer to counter 6 with a note.
  expect((await ok('POST', '/api/counters/2/call-next', teller2)).ticket.id).toBe(a3);
  await ok('POST', `/api/tickets/${a3}/transfer`, teller2, { service: 'corporate', counter: '6', note: TRANSFER_2_TO_6 });

  // Counter 6 takes the transferred customer and sends them on to non-cash, with a note.
  expect((await ok('POST', '/api/counters/6/call-next', teller6)).ticket.id).toBe(a3);
  await ok('POST', `/api/tickets/${a3}/transfer`, teller6, { service: 'noncash', note: TRANSFER_6_OUT });

  // Alerts: a kiosk asks for help; the manager acknowledges it; one resolves itself.
  const help = (await ok('POST', '/api/kiosk/help', kiosk, { choice: 'cash' })).alert;
  await ok('POST', `/api/alerts/${help}/ack`, manager);
  hub.alerts.raise({ kind: 'printer_paper_low', key: 'printer:test:paper_low' }, null);
  hub.alerts.resolve('printer:test:paper_low');

  // Kiosks, printers, appointments.
  const kioskId = (hub.hub.ledger.db.prepare("SELECT device_id FROM devices WHERE role = 'kiosk'").get() as { device_id: string }).device_id;
  await ok('PUT', `/api/printing/assignments/${kioskId}`, admin, { uri: 'tcp://127.0.0.1:9' });
  h.audit({ type: 'ticket.print_started', ticket: a1, printer: kioskId, first: true }, kioskId);
  h.audit({ type: 'ticket.print_failed', ticket: a1, printer: kioskId, reason: 'paper_out', first: true }, kioskId);
  h.audit({ type: 'ticket.print_started', ticket: a1, printer: kioskId, first: true }, kioskId);
  h.audit({ type: 'ticket.printed', ticket: a1, printer: kioskId }, kioskId);
  h.audit({ type: 'ticket.print_started', ticket: a1, printer: kioskId, reprint: true }, 'manager');
  h.audit({ type: 'ticket.printed', ticket: a1, printer: kioskId, uncertain: true, reprint: true }, 'manager');
  await ok('POST', '/api/kiosk/exit', manager, { device: kioskId });
  // An elderly customer takes 转账汇款 at the kiosk (the ID-card check-in's call), and the
  // manager records the intervention, corrects it, and the supervisor signs it.
  const elderly = (await ok('POST', '/api/tickets', kiosk, { service: 'noncash' })).ticket;
  expect(watchForFraud(h, hub.alerts, { ticketId: elderly.id, choice: 'transfer', elderly: true }, kioskId, kioskId)).not.toBeNull();
  const intervention = (await ok('POST', '/api/fraud/interventions', manager, { ticket: elderly.number, outcome: 'proceeded', amountBand: 'unknown', note: INTERVENTION_NOTE })).intervention;
  await ok('PATCH', `/api/fraud/interventions/${intervention.id}`, manager, { outcome: 'dissuaded', amountBand: '10k_50k' });
  await ok('POST', `/api/fraud/interventions/${intervention.id}/sign`, supervisor, { pin: '000000' });
  await ok('POST', '/api/appointments', manager, { service: 'noncash', at: new Date(h.clock() + 3_600_000).toISOString(), phone: '13700000001' });
  await ok('POST', '/api/kiosk/check-in/appointment', kiosk, { phone: '13700000001' });
  const dropped = await ok<{ code: string }>('POST', '/api/appointments', manager, { service: 'cash', at: new Date(h.clock() + 7_200_000).toISOString() });
  await ok('POST', `/api/appointments/${dropped.code}/cancel`, manager);

  // The records: complaint, notebook, opinion, work log, care card, checklist and a fault.
  const complaint = (
    await ok('POST', '/api/complaints', manager, {
      emotion: 'angry',
      calmed: true,
      listened: true,
      summary: COMPLAINT,
      ourFault: false,
      wants: ['fix'],
      solvableOnSpot: true,
      reasonable: true,
    })
  ).complaint;
  h.audit({ type: 'complaint.escalated', id: complaint.id }, null);
  await ok('POST', `/api/complaints/${complaint.id}/resolve`, manager, { resolution: RESOLUTION });
  await ok('POST', `/api/complaints/${complaint.id}/sign`, supervisor, { pin: '000000' });
  await ok('POST', '/api/notebook', manager, { kind: 'phone', number: '13800138000', title: NOTEBOOK_TITLE, notes: NOTEBOOK_NOTE });
  await ok('POST', '/api/notebook/import', manager, await ok('GET', '/api/notebook/export', manager));
  // Another branch's note, as the head-office pull commits it (office-link/notebook-sync.ts).
  const sharedKey = customerKey('f'.repeat(64), 'phone', '13900139000');
  h.audit({ type: 'notebook.received', customerKey: sharedKey, ...sealNote(h.ledger.db, sharedKey, { title: NOTEBOOK_TITLE, notes: NOTEBOOK_NOTE }), tags: [], origin: { branchId: 'br-other', version: 1 }, savedAt: h.clock() }, 'office:br-other');
  // Head office's configuration, as its pull commits it (office-link/config-pull.ts).
  h.audit({ type: 'office.config_applied', kind: 'services', version: 1, events: 0 }, 'office:config');
  h.audit({ type: 'office.config_refused', kind: 'kiosk-choices', version: 1, code: 'unknown_service', reason: 'no such service' }, 'office:config');
  const opinion = (await ok('POST', '/api/opinions', manager, { theme: 'waiting', text: OPINION, phone: OPINION_PHONE })).opinion;
  await ok('POST', `/api/opinions/${opinion.id}/reply`, manager, { reply: OPINION_REPLY });
  await ok('POST', `/api/opinions/${opinion.id}/sign`, supervisor, { pin: '000000' });
  h.audit({ type: 'opinion.phone_purged', ids: [opinion.id] }, null);
  const entry = (await ok('POST', '/api/worklog', manager, { kind: 'question', text: WORKLOG, followUpDue: '2099-01-01' })).entry;
  await ok('POST', `/api/worklog/${entry.id}/answer`, manager, { answer: 'answered' });
  await ok('POST', '/api/worklog/complete-day', manager, {});
  const card = (await ok('POST', '/api/cards', manager, { kind: 'care', title: CARD_TITLE, need: CARD_NEED, assignedTo: 'manager' })).card;
  await ok('POST', `/api/cards/${card.id}/follow-up`, manager, { note: 'called back' });
  await ok('POST', `/api/cards/${card.id}/close`, manager, { outcome: 'done' });
  const checklist = (await ok('POST', '/api/checklists', manager, { kind: 'opening' })).checklist;
  const items = checklist.items as { id: string; zh: string; en: string; device?: boolean }[];
  await ok('POST', '/api/checklists/templates/opening', admin, { items: items.map(({ id, zh, en, device }) => ({ id, zh, en, ...(device !== undefined && { device }) })) });
  await ok('POST', `/api/checklists/${checklist.id}/answers`, manager, {
    answers: items.map((item, i) => ({ itemId: item.id, result: 'pass', note: i === 0 ? CHECKLIST_NOTE : '' })),
  });
  await ok('POST', `/api/checklists/${checklist.id}/complete`, manager);
  // A mistyped PIN first: a signature's failed PIN is audited.
  expect((await hub.api('POST', `/api/checklists/${checklist.id}/sign`, { token: supervisor, body: { pin: '999999' } })).status).toBe(401);
  await ok('POST', `/api/checklists/${checklist.id}/sign`, supervisor, { pin: '000000' });
  h.audit({ type: 'fault.reported', id: 'fault-1', checklistId: checklist.id, itemId: items[0]!.id, date: checklist.date, note: CHECKLIST_NOTE }, 'manager');
  await ok('POST', '/api/faults/fault-1/repair-requested', manager);
  await ok('POST', '/api/faults/fault-1/repaired', manager, { note: 'fixed' });
  // A customer's right to deletion (a number the hub holds nothing under still records the request).
  await ok('POST', '/api/customers/erase', admin, { kind: 'phone', number: '13900000000' });

  // The day ends: counters close, the admin closes the day without the closing checklist.
  await ok('POST', '/api/counters/2/close', teller2);
  await ok('POST', '/api/day/close', admin, { overrideReason: OVERRIDE });
  const tomorrow = new Date(Date.parse(`${h.state.day!.date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await ok('POST', '/api/day/open', manager, { date: tomorrow });
  // The close closed every counter: teller6 opens counter 6 on the new day.
  await ok('POST', '/api/counters/6/open', teller6);
}

beforeAll(async () => {
  hub = await startTestHub();
  tokens.admin = await hub.login('admin');
  tokens.manager = await hub.login('manager');
  tokens.supervisor = await hub.login('supervisor');
  tokens['teller@2'] = await hub.login('teller2');
  tokens['teller@6'] = await hub.login('teller6');
  tokens.display = await hub.device('display');
  tokens.kiosk = await hub.device('kiosk');
  tokens['counter-device'] = await hub.device('counter');
  tokens['manager-device'] = await hub.device('manager');
  for (const a of AUDIENCES) feeds[a] = await open(tokens[a]);
  await runTheDay();
  await caughtUp();
}, 60_000);
afterAll(async () => {
  for (const a of AUDIENCES) feeds[a]?.socket.close();
  await hub.close();
});

const events = (a: Audience) => feeds[a].messages.slice(1);
const text = (a: Audience) => JSON.stringify(feeds[a].messages);

describe('the live feed per audience', () => {
  it("the advisor's warning and the manager's decision reach the manager's screens, never the display or the kiosk", () => {
    const warned = (a: Audience) => events(a).some((e) => e.type === 'alert.raised' && e.data.alert?.kind === 'breach_ahead');
    const decided = (a: Audience) => events(a).find((e) => e.type === 'advisor.decided');
    for (const a of ALERTS) {
      expect(warned(a), a).toBe(true);
      expect(decided(a)?.data, a).toMatchObject({ decision: 'dismissed', action: null });
    }
    for (const a of PUBLIC) {
      expect(warned(a), a).toBe(false);
      expect(decided(a)?.data, a).toEqual({});
    }
  });

  it('keeps the contract for every audience: a snapshot, then every event with seq growing by one', () => {
    const expected = events('admin').map((e) => [e.type, e.seq]);
    for (const a of AUDIENCES) {
      expect(feeds[a].messages[0].type, a).toBe('snapshot');
      const first = feeds[a].messages[0].seq;
      expect(events(a).map((e) => e.seq), a).toEqual(events(a).map((_, i) => first + 1 + i));
      expect(events(a).map((e) => [e.type, e.seq]), a).toEqual(expected);
    }
  });

  it('produced every event type, so the matrix below is tried on real events', () => {
    const seen = new Set(events('admin').map((e) => e.type));
    expect(Object.keys(RECEIVES).filter((t) => !seen.has(t))).toEqual([]);
  });

  it.each(Object.keys(RECEIVES) as LedgerEvent['type'][])('%s reaches with its data exactly the audiences in the table', (type) => {
    const got = AUDIENCES.filter((a) => events(a).some((e) => e.type === type && Object.keys(e.data).length > 0));
    const empty = AUDIENCES.filter((a) => events(a).some((e) => e.type === type && Object.keys(e.data).length === 0));
    expect(got.sort()).toEqual([...RECEIVES[type]].sort());
    expect(empty.sort()).toEqual(AUDIENCES.filter((a) => !RECEIVES[type].includes(a)).sort());
  });

  it.each(AUDIENCES)('the %s feed carries no keyed hash, sealed or opened, no register and no appointment code', (a) => {
    const all = text(a);
    const sealedFields = { 'kiosk.checked_in': ['customerKey', 'appointment'], 'vip.register_imported': ['register'], 'appointment.booked': ['phoneKey'] } as Record<string, string[]>;
    for (const e of events(a)) for (const field of sealedFields[e.type] ?? []) expect(e.data, `${e.type}.${field}`).not.toHaveProperty(field);
    const secret = branchSecret(hub.hub.ledger.db);
    const keys = [customerKey(secret, 'card', '6222020200112233445'), customerKey(secret, 'phone', '13700000001')];
    for (const key of keys) expect(all.includes(key), key).toBe(false);
  });

  it.each(SECRETS)('%s reaches exactly its readers', (secret, readers) => {
    expect(AUDIENCES.filter((a) => text(a).includes(secret)).sort()).toEqual([...readers].sort());
  });

  it('gives every screen the label of a counter, and no screen the customer secret', () => {
    expect(shownSecret).toMatch(/^[0-9a-f]{64}$/);
    for (const a of AUDIENCES) {
      expect(text(a).includes(COUNTER_LABEL), a).toBe(true);
      expect(text(a).includes(shownSecret), a).toBe(false);
    }
  });

  it('no feed carries a session\'s token hash', () => {
    const hashes = hub.hub.ledger.readEvents().flatMap((e) => (e.type === 'session.started' || e.type === 'session.ended' ? [e.tokenHash] : []));
    // The sessions started and ended while the feeds were open (a device paired, a sign-in, a sign-out).
    expect(hashes.length).toBeGreaterThan(AUDIENCES.length + 3);
    for (const hash of hashes) for (const a of AUDIENCES) expect(text(a).includes(hash), a).toBe(false);
  });

  it.each(PUBLIC)('the %s feed carries no ticket ids, priorities, estimates, notes or staff', (a) => {
    const all = text(a);
    // Each check names what leaked rather than printing the whole feed.
    const leaks = (needle: string | RegExp) => (typeof needle === 'string' ? all.includes(needle) : needle.test(all));
    for (const id of Object.keys(hub.hub.state.tickets)) expect(leaks(id), id).toBe(false);
    const needles: (string | RegExp)[] = [
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
      '"priority"',
      '"estimates"',
      '"note"',
      '"actor"',
      '"tags"',
      '"unserved"',
      '"appointmentAt"',
      /"staffId":"/,
      /teller\d|"manager"|"admin"|"supervisor"/,
    ];
    for (const needle of needles) expect(leaks(needle), String(needle)).toBe(false);
    // What a display needs is there: numbers, counters, statuses and call times.
    const called = events(a).find((e) => e.type === 'ticket.called');
    expect(called.data).toEqual({ number: 'A001', counter: '2' });
    expect(called.tickets[0]).toEqual({ number: 'A001', service: 'cash', status: 'called', counter: '2', calledAt: expect.any(String), recalls: 0 });
  });

  it.each(NOT_PUBLIC)('the %s feed names tickets by id with their priority, as GET /api/lobby does', (a) => {
    const issued = events(a).find((e) => e.type === 'ticket.issued' && e.data.ticket.id === vipTicketId);
    expect(issued.data.ticket).toMatchObject({ id: vipTicketId, priority: 'vip' });
    expect(issued.tickets[0]).toMatchObject({ id: vipTicketId, priority: 'vip' });
  });

  it.each(SAME_AS_REST)('the feed gives the readers of %s its events, and no one else', async (url, types) => {
    const query = url === '/api/reports/daily' ? `?date=${hub.hub.state.day!.date}` : '';
    for (const a of AUDIENCES) {
      const rest = (await hub.api('GET', url + query, { token: tokens[a] })).status;
      for (const type of types) {
        const withData = events(a).some((e) => e.type === type && Object.keys(e.data).length > 0);
        expect({ a, type, rest: rest === 200 }).toEqual({ a, type, rest: withData });
      }
    }
  });

  it('a teller at counter 2 and a paired manager tablet get none of the VIP served at counter 6; the teller there and the manager get what REST gives them', () => {
    for (const a of ['teller@2', 'manager-device', 'counter-device'] as Audience[]) {
      expect(text(a), a).not.toContain(VIP_TITLE);
      expect(text(a), a).not.toContain(VIP_NOTE);
    }
    // REST while the VIP was at counter 6: the customer for counter 6's teller, the manager and supervisor only.
    expect(whileVipServed.customer).toEqual({
      display: 403,
      kiosk: 403,
      'counter-device': 403,
      'manager-device': 403,
      'teller@2': 403,
      'teller@6': 200,
      manager: 200,
      supervisor: 200,
      admin: 403,
    });
    expect(whileVipServed.customerBody['teller@6'].customer).toMatchObject({ title: VIP_TITLE, notes: [VIP_NOTE] });
    // The manager's feed and alert list carry the VIP's title and notes; the tablet's and the admin's do not.
    const raised = (a: Audience) => events(a).find((e) => e.type === 'alert.raised' && e.data.alert.kind === 'vip_arrived').data.alert;
    expect(raised('manager').details).toEqual({ title: VIP_TITLE, notes: VIP_NOTE });
    expect(whileVipServed.alerts.manager.details).toEqual({ title: VIP_TITLE, notes: VIP_NOTE });
    for (const a of ['manager-device', 'admin'] as Audience[]) {
      expect(raised(a), a).toMatchObject({ kind: 'vip_arrived', ticket: 'V001', details: {} });
      expect(whileVipServed.alerts[a], a).toMatchObject({ kind: 'vip_arrived', ticket: 'V001', details: {} });
    }
    // Counter 6's teller sees the VIP ticket on the feed as staff do, and reads its customer through REST.
    expect(events('teller@6').some((e) => e.type === 'ticket.started' && e.data.ticket === vipTicketId && e.tickets[0].priority === 'vip')).toBe(true);
  });
});

describe('serialising once per audience', () => {
  it('gives every display one string, and each counter its own', () => {
    const formatter = new FeedFormatter(hub.hub.predictor, hub.hub.clock);
    const changes: HubChange[] = [];
    const stop = hub.hub.onChange((c) => changes.push(c));
    hub.hub.audit({ type: 'settings.changed', key: 'watch.recalls', value: '3' }, 'admin');
    stop();
    const change = changes[0]!;
    const who = (id: string, grant: Principal['grant']): Principal => ({ kind: grant === 'display' ? 'device' : 'staff', id, role: 'teller', grant });
    const first = formatter.messages(change, who('display-1', 'display'));
    expect(formatter.messages(change, who('display-2', 'display'))).toBe(first);
    // Counter 6 is open again with teller6 signed in; teller2 closed counter 2.
    const teller6 = formatter.messages(change, who('teller6', 'teller'));
    expect(formatter.messages(change, who('teller6', 'teller'))).toBe(teller6);
    expect(formatter.messages(change, who('teller2', 'teller'))).not.toBe(teller6);
    expect(teller6).not.toBe(first);
  });
});

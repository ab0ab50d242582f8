// Each event's own fields (`data` on the feed) as one viewer may read them, by the rules REST
// applies to the same records (readers.ts). The table names every event type, so a new event
// does not compile until someone decides who reads it. `null`: the viewer gets the event's
// type and seq with empty data, so its feed has no gap.
import type { LobbyState } from '../../common/domain.js';
import type { LedgerEvent, StoredEvent } from '../../common/events.js';
import { toDisplayTicket } from '../lobby/views.js';
import {
  ACCOUNT_READERS,
  ALERT_READERS,
  APPOINTMENT_READERS,
  KEEPERS,
  KIOSK_EXIT_READERS,
  PRINTER_READERS,
  RECORD_READERS,
  REPORT_READERS,
  SETTINGS_READERS,
  alertFor,
  mayReadCustomer,
  reads,
  type Viewer,
} from './readers.js';
import { isPublicGrant, type Grant } from './principal.js';

type Data = Record<string, unknown>;
type EventType = LedgerEvent['type'];
type Of<T extends EventType> = StoredEvent<Extract<LedgerEvent, { type: T }>>;
type Rule<T extends EventType> = (e: Of<T>, v: Viewer, state: LobbyState) => Data | null;

/** The event's own fields: what a viewer who may read all of it gets (the actor included). */
function own(e: StoredEvent): Data {
  const { seq: _seq, at: _at, type: _type, ...data } = e as StoredEvent & Data;
  return data;
}

/** Queue data every lobby reader gets whole, except the customers' screens, which get `cut`. */
function lobby<T extends EventType>(cut: (e: Of<T>, state: LobbyState) => Data): Rule<T> {
  return (e, v, state) => (isPublicGrant(v.grant) ? cut(e, state) : own(e));
}

/** A queue event with nothing in it a customer may not see, save who did it. */
function plain<T extends EventType>(): Rule<T> {
  return lobby<T>((e) => {
    const { actor: _actor, ...data } = own(e);
    return data;
  });
}

function only<T extends EventType>(grants: readonly Grant[]): Rule<T> {
  return (e, v) => (reads(v, grants) ? own(e) : null);
}

/** Staff screens and devices, never a customer's screen: e.g. which ticket checked in as a VIP. */
function staff<T extends EventType>(): Rule<T> {
  return (e, v) => (isPublicGrant(v.grant) ? null : own(e));
}

/** A rule with fields no feed audience gets: sealed values (keyed hashes, whole registers) and codes. */
function without<T extends EventType>(rule: Rule<T>, ...fields: string[]): Rule<T> {
  return (e, v, state) => {
    const data = rule(e, v, state);
    if (!data) return null;
    const cut = { ...data };
    for (const f of fields) delete cut[f];
    return cut;
  };
}

/** Credentials' traces (a session's token hash) reach no feed: the event is known, its data is not. */
function none<T extends EventType>(): Rule<T> {
  return () => null;
}

/** A display names a ticket by its number, never its id. */
const numberOf = (state: LobbyState, id: string) => state.tickets[id]?.number ?? null;

const RULES: { [T in EventType]: Rule<T> } = {
  'config.set': plain(),
  'service.defined': plain(),
  'counter.defined': plain(),
  'counter.services_set': plain(),
  'counter.opened': lobby((e) => ({ counter: e.counter })),
  'counter.paused': plain(),
  'counter.resumed': plain(),
  'counter.closed': plain(),
  'day.opened': plain(),
  'day.closed': lobby((e) => ({ date: e.date })),
  'ticket.issued': lobby((e) => ({ ticket: toDisplayTicket(e.ticket) })),
  'ticket.called': lobby((e, s) => ({ number: numberOf(s, e.ticket), counter: e.counter })),
  'ticket.recalled': lobby((e, s) => ({ number: numberOf(s, e.ticket), counter: e.counter, recalls: e.recalls })),
  'ticket.started': lobby((e, s) => ({ number: numberOf(s, e.ticket), counter: e.counter })),
  'ticket.finished': lobby((e, s) => ({ number: numberOf(s, e.ticket), counter: e.counter })),
  'ticket.no_show': lobby((e, s) => ({ number: numberOf(s, e.ticket), counter: e.counter })),
  'ticket.cancelled': lobby((e, s) => ({ number: numberOf(s, e.ticket) })),
  'ticket.transferred': (e, v, s) => {
    if (isPublicGrant(v.grant)) {
      return { number: numberOf(s, e.ticket), fromService: e.fromService, toService: e.toService, fromCounter: e.fromCounter, toCounter: e.toCounter };
    }
    // The note is about the customer: for the counters the ticket leaves and goes to.
    if (mayReadCustomer(v, [e.fromCounter, e.toCounter])) return own(e);
    const { note: _note, ...rest } = own(e);
    return rest;
  },
  'ticket.priority_set': lobby((e, s) => ({ number: numberOf(s, e.ticket) })),
  // An elderly customer under fraud watch: staff screens (the teller flags the ticket), never a
  // customer's screen, which gets the type and seq alone (and, feed.ts, no ticket with it).
  'ticket.fraud_watch': staff(),

  'auth.login': only(ACCOUNT_READERS),
  'auth.sign_pin': only(ACCOUNT_READERS),
  'auth.locked': only(ACCOUNT_READERS),
  'auth.failures': only(ACCOUNT_READERS),
  'auth.unlocked': only(ACCOUNT_READERS),
  'settings.changed': only(SETTINGS_READERS),
  // The PIN's digest is for verify alone.
  'staff.defined': without(only(ACCOUNT_READERS), 'pinDigest'),
  'staff.changed': only(ACCOUNT_READERS),
  'staff.pin_set': without(only(ACCOUNT_READERS), 'pinDigest'),
  'device.registered': only(ACCOUNT_READERS),
  'device.paired': only(ACCOUNT_READERS),
  'device.revoked': only(ACCOUNT_READERS),
  'session.started': none(),
  'session.ended': none(),
  'customer.erased': only(ACCOUNT_READERS),
  // A fingerprint names no secret, but who looks at the secret is the admin's business alone.
  'customer_secret.shown': only(ACCOUNT_READERS),

  'alert.raised': (e, v) => (reads(v, ALERT_READERS) ? { ...own(e), alert: alertFor(e.alert, v) } : null),
  'alert.acknowledged': only(ALERT_READERS),
  'alert.resolved': only(ALERT_READERS),

  'kiosk.self_service': only(REPORT_READERS),
  // No feed gets a sealed keyed hash or register; an appointment's code stays with those who book.
  'kiosk.checked_in': without(staff(), 'customerKey', 'appointment'),
  'vip.register_imported': without(only(ACCOUNT_READERS), 'register'),
  'appointment.booked': without(only(APPOINTMENT_READERS), 'phoneKey'),
  // A code, as the booking's: to those who book (the console's list refreshes on it).
  'appointment.cancelled': only(APPOINTMENT_READERS),
  // Devices, printer addresses, ticket ids and flags (first, reprint, uncertain): nothing personal,
  // whole to whoever reads the printers.
  'printer.assigned': only(PRINTER_READERS),
  'ticket.printed': only(PRINTER_READERS),
  'ticket.print_started': only(PRINTER_READERS),
  'ticket.print_failed': only(PRINTER_READERS),
  'kiosk.exited': only(KIOSK_EXIT_READERS),
  'triage.self_service': only(REPORT_READERS),
  // The advisor's decision and forecast: to those who read alerts (the manager's console), never a customer's screen.
  'advisor.decided': only(ALERT_READERS),

  'checklist.template_saved': only(RECORD_READERS),
  'checklist.started': only(RECORD_READERS),
  'checklist.answered': only(RECORD_READERS),
  'checklist.completed': only(RECORD_READERS),
  'checklist.signed': only(RECORD_READERS),
  'fault.reported': only(RECORD_READERS),
  'fault.repair_requested': only(RECORD_READERS),
  'fault.repaired': only(RECORD_READERS),
  'worklog.added': only(KEEPERS),
  'worklog.answered': only(KEEPERS),
  'worklog.day_completed': only(KEEPERS),
  // The sealed phone is for the opinion_phones row alone: GET /api/opinions shows it until the purge.
  'opinion.recorded': (e, v) => {
    if (!reads(v, KEEPERS)) return null;
    const { phone: _phone, ...rest } = own(e);
    return rest;
  },
  'opinion.replied': only(KEEPERS),
  'opinion.signed': only(KEEPERS),
  'opinion.phone_purged': only(KEEPERS),
  'complaint.opened': only(KEEPERS),
  'complaint.escalated': only(KEEPERS),
  'complaint.resolved': only(KEEPERS),
  'complaint.signed': only(KEEPERS),
  'notebook.saved': only(KEEPERS),
  'notebook.imported': only(KEEPERS),
  'notebook.received': only(KEEPERS),
  'card.created': only(KEEPERS),
  'card.followed_up': only(KEEPERS),
  'card.closed': only(KEEPERS),
  'day.close_overridden': only(RECORD_READERS),
  // A score names the teller who served: to those who read it through REST, in the daily
  // report (manager, supervisor, admin); never a customer's screen (the pad itself has no feed).
  'rating.recorded': only(REPORT_READERS),
  // As GET /api/fraud/interventions: the keepers (the note sealed, opened for them).
  'intervention.recorded': only(KEEPERS),
  'intervention.edited': only(KEEPERS),
  'intervention.signed': only(KEEPERS),
  // Head office's configuration: to those who read the settings it changes.
  'office.config_applied': only(SETTINGS_READERS),
  'office.config_refused': only(SETTINGS_READERS),
};

/** The event's `data` for this viewer; `{}` when they may read none of it. */
export function eventDataFor(e: StoredEvent, v: Viewer, state: LobbyState): Data {
  const rule = RULES[e.type] as Rule<EventType> | undefined;
  // An event type the table does not know (an older or newer hub's): nothing is safer than guessing.
  return rule?.(e as Of<EventType>, v, state) ?? {};
}

/** Every event type the feed knows how to cut (for the audience test). */
export const CUT_EVENT_TYPES = Object.keys(RULES) as EventType[];

// Checking a customer in at the kiosk (or by the manager): a VIP by card or phone, an
// appointment by its code or the phone it was booked with. The rules are pure (the lobby
// state, what the customers' tables hold, the time); the ticket and the check-in that links
// it are one command, committed as one set of events.
import type { LobbyState } from '../../common/domain.js';
import type { LedgerEvent } from '../../common/events.js';
import { branchSecret, customerKey, lookupKeys } from '../customers/customer-key.js';
import { appointmentsByCode, appointmentsByPhoneKey, vipByKey, type Appointment, type VipCustomer } from '../customers/customers-projector.js';
import type { Hub } from '../lobby/hub.js';
import { subject, vaultOf } from '../personal/vault.js';
import { DomainError } from '../../common/errors.js';
import { decide } from '../queue/index.js';

/** A VIP found by the keyed hash of the number they gave. */
export interface VipFound {
  customer: VipCustomer;
  key: string;
}

/** Refuses a number not in the register, and a branch without a VIP service. */
export function admitVip(state: LobbyState, found: VipFound | null): VipFound {
  if (!found) throw new DomainError('not_found', 'not_registered', 'This card or phone number is not in the VIP register; please take a ticket or ask the lobby manager.');
  if (!state.services.vip) throw new DomainError('conflict', 'no_vip_service', 'This branch has no VIP service.');
  return found;
}

/** A VIP ticket and its link to the customer; `sealedKey` is the keyed hash sealed under the VIP's subject. */
export function vipCheckInEvents(state: LobbyState, found: VipFound, sealedKey: string, ticketId: string, now: number): LedgerEvent[] {
  admitVip(state, found);
  return [
    ...decide(state, { type: 'ticket.issue', id: ticketId, service: 'vip', priority: 'vip', appointmentAt: null }, now),
    { type: 'kiosk.checked_in', ticket: ticketId, kind: 'vip', customer: found.customer.id, customerKey: sealedKey },
  ];
}

// Decision: an appointment checks in from 2 hours before its time to 1 hour after.
export const CHECK_IN_EARLY_MS = 2 * 3_600_000;
export const CHECK_IN_LATE_MS = 3_600_000;

const inWindow = (a: Appointment, now: number) => a.at - CHECK_IN_EARLY_MS <= now && now <= a.at + CHECK_IN_LATE_MS;

/** The earliest appointment among these that is unused, not cancelled and within its window now; null if none. */
export function openAppointment(appointments: readonly Appointment[], now: number): Appointment | null {
  const open = appointments.filter((a) => a.ticketId === null && !a.cancelled && inWindow(a, now));
  return open.sort((a, b) => a.at - b.at)[0] ?? null;
}

/**
 * Refuses when no appointment is open now (409 appointment_cancelled when the one for now was
 * cancelled, so the kiosk can say so), and one for a service the branch no longer offers.
 */
export function admitAppointment(state: LobbyState, appointments: readonly Appointment[], now: number): Appointment {
  const open = openAppointment(appointments, now);
  if (!open) {
    if (appointments.some((a) => a.cancelled && a.ticketId === null && inWindow(a, now))) {
      throw new DomainError('conflict', 'appointment_cancelled', 'This appointment was cancelled; please take a ticket or ask the lobby manager.');
    }
    throw new DomainError('not_found', 'no_appointment', 'No appointment was found for now; please take a ticket or ask the lobby manager.');
  }
  if (!state.services[open.service]) throw new DomainError('conflict', 'unknown_service', 'The appointment is for a service this branch no longer offers.');
  return open;
}

/** An appointment ticket at the appointment's time, and the appointment marked used by it. */
export function appointmentCheckInEvents(state: LobbyState, appointment: Appointment, ticketId: string, now: number): LedgerEvent[] {
  return [
    ...decide(state, { type: 'ticket.issue', id: ticketId, service: appointment.service, priority: 'appointment', appointmentAt: appointment.at }, now),
    { type: 'kiosk.checked_in', ticket: ticketId, kind: 'appointment', appointment: appointment.code },
  ];
}

export type VipNumber = { card: string } | { phone: string };
export type AppointmentKey = { code: string } | { phone: string };

/**
 * Checks a VIP in: the rules first (nothing is written when they refuse), then `openDay`
 * (the day opens with its first ticket), then the ticket and its link in one commit.
 * Returns the ticket and what the manager's arrival alert repeats (sealed as in the register).
 */
export function checkInVip(hub: Hub, number: VipNumber, actor: string, openDay: () => void, newId: () => string): { ticketId: string; title: string; notes: string } {
  const db = hub.ledger.db;
  // Under the branch's key (its own import) or the organisation's (head office's register).
  const keys = 'card' in number ? lookupKeys(db, 'card', number.card) : lookupKeys(db, 'phone', number.phone);
  const found = admitVip(hub.state, keys.map((key) => ({ customer: vipByKey(db, key), key })).find((f): f is VipFound => f.customer !== null) ?? null);
  openDay();
  const vault = vaultOf(db);
  const vip = subject.vip(found.customer.id);
  const ticketId = newId();
  const now = hub.clock();
  hub.commit(vipCheckInEvents(hub.state, found, vault.seal(vip, found.key), ticketId, now), actor, now);
  // The alert keeps the register's sealing: the title as sealed there, the notes joined and
  // sealed again under the same customer's key.
  const notes = vault.seal(vip, found.customer.notes.map((n) => vault.open(n)).join('；'));
  return { ticketId, title: found.customer.title, notes };
}

/** Checks an appointment in, as checkInVip does a VIP. */
export function checkInAppointment(hub: Hub, by: AppointmentKey, actor: string, openDay: () => void, newId: () => string): { ticketId: string } {
  const db = hub.ledger.db;
  const candidates = 'code' in by ? appointmentsByCode(db, by.code.toUpperCase()) : appointmentsByPhoneKey(db, customerKey(branchSecret(db), 'phone', by.phone));
  const appointment = admitAppointment(hub.state, candidates, hub.clock());
  openDay();
  const ticketId = newId();
  const now = hub.clock();
  hub.commit(appointmentCheckInEvents(hub.state, appointment, ticketId, now), actor, now);
  return { ticketId };
}

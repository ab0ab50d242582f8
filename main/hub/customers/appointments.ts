// Appointments the branch books for a customer: a code that checks them in with priority and,
// if they gave one, their phone, kept as a keyed hash sealed under the appointment's own
// subject so that erasing that customer shreds it. Staff list a day's, cancel one, and print
// its confirmation slip.
import type { ApiAppointment, AppointmentStatus } from '../../common/routes/appointments.js';
import type { LedgerEvent } from '../../common/events.js';
import { DomainError } from '../../common/errors.js';
import { newPairingCode } from '../../node/tokens.js';
import type { Hub } from '../lobby/hub.js';
import { subject, vaultOf, type Vault } from '../personal/vault.js';
import { branchSecret, customerKey } from './customer-key.js';
import { appointmentsBetween, appointmentsByCode, type Appointment } from './customers-projector.js';

export interface Booking {
  service: string;
  at: number;
  phone?: string | undefined;
}

/** The booking's event; `secret` keys the phone, `vault` seals its key. */
export function bookingEvent(booking: Booking, code: string, secret: string, vault: Vault): Extract<LedgerEvent, { type: 'appointment.booked' }> {
  const { service, at, phone } = booking;
  if (!phone) return { type: 'appointment.booked', code, service, appointmentAt: at };
  return { type: 'appointment.booked', code, service, appointmentAt: at, phoneKey: vault.seal(subject.appointment(code), customerKey(secret, 'phone', phone)) };
}

export function bookAppointment(hub: Hub, booking: Booking, actor: string): { code: string } {
  const db = hub.ledger.db;
  // The code checks a customer in with priority: unguessable (crypto), and easy to read aloud.
  // A code already given (however unlikely) is never given again: a second booking would replace the first.
  let code = newPairingCode(6);
  while (appointmentsByCode(db, code).length > 0) code = newPairingCode(6);
  hub.audit(bookingEvent(booking, code, branchSecret(db), vaultOf(db)), actor);
  return { code };
}

export function statusOf(a: Appointment): AppointmentStatus {
  if (a.ticketId !== null) return 'checked_in';
  return a.cancelled ? 'cancelled' : 'booked';
}

export function apiAppointment(a: Appointment): ApiAppointment {
  return { code: a.code, service: a.service, at: new Date(a.at).toISOString(), status: statusOf(a), phone: a.phone };
}

/** Local midnight to the next local midnight of a YYYY-MM-DD date: the branch's calendar day. */
export function localDayRange(date: string): [number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [new Date(y, m - 1, d).getTime(), new Date(y, m - 1, d + 1).getTime()];
}

export function appointmentsOn(hub: Hub, date: string): ApiAppointment[] {
  const [from, to] = localDayRange(date);
  return appointmentsBetween(hub.ledger.db, from, to).map(apiAppointment);
}

export function findAppointment(hub: Hub, code: string): Appointment {
  const found = /^[A-Za-z0-9]{4,12}$/.test(code) ? appointmentsByCode(hub.ledger.db, code.toUpperCase())[0] : undefined;
  if (!found) throw new DomainError('not_found', 'unknown_appointment', `There is no appointment ${code}.`);
  return found;
}

/** Refuses one already checked in or cancelled; else the cancellation's event. */
export function decideCancel(a: Appointment): Extract<LedgerEvent, { type: 'appointment.cancelled' }> {
  if (a.ticketId !== null) throw new DomainError('conflict', 'appointment_checked_in', `Appointment ${a.code} has already checked in; it cannot be cancelled.`);
  if (a.cancelled) throw new DomainError('conflict', 'appointment_cancelled', `Appointment ${a.code} is already cancelled.`);
  return { type: 'appointment.cancelled', code: a.code };
}

export function cancelAppointment(hub: Hub, code: string, actor: string): ApiAppointment {
  hub.audit(decideCancel(findAppointment(hub, code)), actor);
  return apiAppointment(findAppointment(hub, code));
}

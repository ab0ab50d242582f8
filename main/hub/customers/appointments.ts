// Appointments the branch books for a customer: a code that checks them in with priority and,
// if they gave one, their phone, kept as a keyed hash sealed under the appointment's own
// subject so that erasing that customer shreds it.
import type { LedgerEvent } from '../../common/events.js';
import { newPairingCode } from '../auth/tokens.js';
import type { Hub } from '../lobby/hub.js';
import { subject, vaultOf, type Vault } from '../personal/vault.js';
import { branchSecret, customerKey } from './customer-key.js';

export interface Booking {
  service: string;
  at: number;
  phone?: string | undefined;
}

/** The booking's event; `secret` keys the phone, `vault` seals its key. */
export function bookingEvent(booking: Booking, code: string, secret: string, vault: Vault): Extract<LedgerEvent, { type: 'appointment.booked' }> {
  const { service, at, phone } = booking;
  if (!phone) return { type: 'appointment.booked', code, service, at };
  return { type: 'appointment.booked', code, service, at, phoneKey: vault.seal(subject.appointment(code), customerKey(secret, 'phone', phone)) };
}

export function bookAppointment(hub: Hub, booking: Booking, actor: string): { code: string } {
  const db = hub.ledger.db;
  // The code checks a customer in with priority: unguessable (crypto), and easy to read aloud.
  const code = newPairingCode(6);
  hub.audit(bookingEvent(booking, code, branchSecret(db), vaultOf(db)), actor);
  return { code };
}

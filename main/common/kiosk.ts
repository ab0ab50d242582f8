// The kiosk: the branch's home choices (plain words, mapped to services or to self-service),
// check-in (VIP card or phone, appointment), help and green-channel requests, and the
// ledger events that record them. Request bodies are zod schemas checked by the hub.
import { z } from 'zod';
import { DateTime } from './dates.js';

export const KioskChoice = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  nameZh: z.string().min(1).max(16),
  nameEn: z.string().min(1).max(32),
  /** A service code: the choice issues a ticket; null: see `selfService` or ask the manager. */
  service: z.string().min(1).max(32).nullable(),
  /** Set for self-service choices: where the machine is, shown instead of a ticket. */
  selfService: z.strictObject({ whereZh: z.string().max(60), whereEn: z.string().max(120) }).nullable(),
  /**
   * The kiosk warns of the "safe account" scam before the ticket, and an elderly customer taking
   * it is put under fraud watch (main/hub/fraud/watch.ts). Absent in settings saved before it
   * existed: false.
   */
  fraudPrompt: z.boolean().default(false),
});
export type KioskChoice = z.infer<typeof KioskChoice>;
export const KioskChoices = z.array(KioskChoice).min(1).max(8);

export const KioskHelpBody = z.strictObject({ choice: z.string().min(1).max(32) });
export const GreenChannelBody = z.strictObject({ reason: z.enum(['elderly', 'disability', 'pregnancy', 'urgent']) });
export const VipCheckInBody = z.union([
  z.strictObject({ card: z.string().regex(/^\d{12,19}$/, 'a card number is 12 to 19 digits') }),
  z.strictObject({ phone: z.string().regex(/^\+?[\d\s-]{7,20}$/, 'a phone number is 7 to 20 digits') }),
]);
export const AppointmentCheckInBody = z.union([
  z.strictObject({ code: z.string().regex(/^[A-Za-z0-9]{4,12}$/, 'an appointment code is 4 to 12 letters or digits') }),
  z.strictObject({ phone: z.string().regex(/^\+?[\d\s-]{7,20}$/, 'a phone number is 7 to 20 digits') }),
]);
export const BookAppointmentBody = z.strictObject({
  service: z.string().min(1).max(32),
  at: DateTime,
  phone: z.string().regex(/^\+?[\d\s-]{7,20}$/).optional(),
});

/** GET /api/tickets/:id/customer (staff): the checked-in customer, or null. */
export interface TicketCustomerAnswer {
  customer: { title: string; vip: boolean; notes: string[]; tags: string[] } | null;
}

/** One VIP as the register import writes them: title and notes sealed, keys sealed keyed hashes. */
export interface VipRegisterEntry {
  id: string;
  title: string;
  notes: string[];
  tags: string[];
  keys: string[];
}

export type KioskEvent =
  /** A customer was sent to self-service (counted as triage to self-service). */
  | { type: 'kiosk.self_service'; choice: string; device: string; help: boolean }
  /**
   * A check-in's ticket was issued in the same commit. A VIP's: `customer` (the register id) and
   * `customerKey`, the keyed hash of the number they checked in with, sealed under the VIP's
   * subject. An appointment's: its `appointment` code.
   */
  | { type: 'kiosk.checked_in'; ticket: string; kind: 'vip' | 'appointment'; customer?: string; customerKey?: string; appointment?: string }
  /**
   * The whole register, as written: it replaces the previous one. `register` is absent from the
   * events of an earlier release, which carried the counts only.
   */
  | { type: 'vip.register_imported'; customers: number; keys: number; batch?: string; register?: VipRegisterEntry[] }
  /**
   * `phoneKey`: the keyed hash of the phone it was booked with, sealed under subject.appointment(code).
   * `appointmentAt`: the time booked. Events of an earlier release named it `at`, which the
   * stored event's own `at` (the time of booking) hides on reading: their projection keeps
   * the booking time, as it always did.
   */
  | { type: 'appointment.booked'; code: string; service: string; appointmentAt?: number; phoneKey?: string }
  /** Staff cancelled it: its code (and phone) no longer check in. */
  | { type: 'appointment.cancelled'; code: string }
  | { type: 'printer.assigned'; device: string; uri: string | null }
  /** `uncertain`: the printer took every byte but never confirmed; `reprint`: a manager asked for it again. */
  | { type: 'ticket.printed'; ticket: string; printer: string; uncertain?: boolean; reprint?: boolean }
  | { type: 'kiosk.exited'; device: string | null; staffId: string }
  /**
   * Written before a ticket's first byte goes out: a hub that dies mid-job never sends it again.
   * `first`: no print of this ticket was recorded before, so this one is recorded as pending.
   */
  | { type: 'ticket.print_started'; ticket: string; printer: string; reprint?: boolean; first?: boolean }
  /**
   * The job certainly did not print (cut mid-way, or a fault): the next try may send it whole.
   * `first`: it was the ticket's first print, so its pending record goes (a reprint of a recorded print leaves that record).
   */
  | { type: 'ticket.print_failed'; ticket: string; printer: string; reason: string; first?: boolean };

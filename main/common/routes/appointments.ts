// The day's appointments on the manager console: the list, a cancellation, and the
// confirmation slip printed for the customer. Booking is POST /api/appointments (kiosk.ts).
import { z } from 'zod';
import { CalendarDate } from '../dates.js';
import { APPOINTMENT_READERS } from './access.js';
import { route } from './define.js';

export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** One appointment as the console lists it: never the phone, only whether one was given. */
export const ApiAppointmentSchema = z.strictObject({
  code: z.string(),
  service: z.string(),
  at: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  phone: z.boolean(),
});
export type ApiAppointment = z.infer<typeof ApiAppointmentSchema>;

const CodeParams = z.object({ code: z.string() });

export const listAppointments = route({
  method: 'GET',
  path: '/api/appointments',
  access: { grants: APPOINTMENT_READERS },
  summary: "The appointments of one day (`?date=YYYY-MM-DD`, the business day's by default): `{code, service, at, status, phone}`, `phone` only says whether one was given.",
  query: z.object({ date: CalendarDate.optional() }),
  answer: z.strictObject({ date: z.string(), appointments: z.array(ApiAppointmentSchema) }),
});

export const cancelAppointment = route({
  method: 'POST',
  path: '/api/appointments/:code/cancel',
  access: { grants: APPOINTMENT_READERS },
  summary: 'Cancels an appointment: its code and phone no longer check in (409 `appointment_cancelled` at the kiosk); 404 `unknown_appointment`, 409 `appointment_checked_in`.',
  params: CodeParams,
  answer: z.strictObject({ appointment: ApiAppointmentSchema }),
});

export const PrintAppointmentBody = z.strictObject({ printer: z.string().min(1).max(64).nullable().default(null) }).default({ printer: null });

export const printAppointment = route({
  method: 'POST',
  path: '/api/appointments/:code/print',
  access: { grants: APPOINTMENT_READERS },
  summary: "Prints the confirmation slip (code, service, time) on the hub's own printer, or `printer` (a device of GET /api/printing/printers); 404 `unknown_printer`, 503 `printer_*` as for tickets.",
  params: CodeParams,
  body: PrintAppointmentBody,
  answer: z.strictObject({ printed: z.literal(true), printer: z.string(), uncertain: z.boolean() }),
});

export const appointmentRoutes = [listAppointments, cancelAppointment, printAppointment];

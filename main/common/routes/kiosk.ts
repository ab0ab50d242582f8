// The kiosk beyond tickets, check-in, appointments, the VIP register, a ticket's customer,
// and printers.
import { z } from 'zod';
import { AppointmentCheckInBody, BookAppointmentBody, GreenChannelBody, KioskChoice, KioskHelpBody, VipCheckInBody, type TicketCustomerAnswer } from '../kiosk.js';
import { ImportFile } from '../imports.js';
import { PRINTER_CONDITIONS, type PrinterView } from '../print.js';
import { PrinterUri } from '../settings.js';
import { ANY_TOKEN, APPOINTMENT_READERS, CUSTOMER_READERS, KIOSK_EXIT_READERS, PRINTER_READERS } from './access.js';
import { ApiTicketSchema, Ok, PrinterStatusSchema, TicketAnswer } from './answers.js';
import { IdCardCheckInBody } from '../elderly.js';
import { route } from './define.js';
import { IMPORT_BODY_LIMIT } from './imports.js';

export const KioskExitBody = z.strictObject({ device: z.string().min(1).max(64).nullable().default(null) });
export const EraseBody = z.strictObject({ kind: z.enum(['card', 'phone']), number: z.string().regex(/^[+\d][\d\s-]{5,30}$/, 'a card or phone number is digits') });
export const AssignPrinterBody = z.strictObject({ uri: PrinterUri.nullable() });
/** What a kiosk's Electron shell reads from the printer cabled to it (DLE EOT). */
export const UnconfirmedBody = z.strictObject({ ticketId: z.string().min(1).max(64), uri: PrinterUri, statusRead: z.boolean() });
export const LocalStatusBody = z.strictObject({
  uri: PrinterUri,
  reachable: z.boolean(),
  conditions: z.array(z.enum(PRINTER_CONDITIONS)).max(PRINTER_CONDITIONS.length),
});
const AlertRaised = z.strictObject({ alert: z.string() });

export const kioskConfig = route({
  method: 'GET',
  path: '/api/kiosk/config',
  access: { grants: ANY_TOKEN },
  summary: "The kiosk's home choices: `{id, nameZh, nameEn, service, selfService, fraudPrompt}`.",
  answer: z.strictObject({ choices: z.array(KioskChoice) }),
});

export const kioskSelfService = route({
  method: 'POST',
  path: '/api/kiosk/self-service',
  access: { grants: ['kiosk'] },
  summary: 'Records `kiosk.self_service` (triage to self-service).',
  body: KioskHelpBody,
  answer: Ok,
});

export const kioskHelp = route({
  method: 'POST',
  path: '/api/kiosk/help',
  access: { grants: ['kiosk'] },
  summary: '"I need help": one open `kiosk_help` alert per kiosk.',
  body: KioskHelpBody,
  answer: AlertRaised,
});

export const greenChannel = route({
  method: 'POST',
  path: '/api/kiosk/green-channel',
  access: { grants: ['kiosk'] },
  summary: 'Reason `elderly`, `disability`, `pregnancy` or `urgent`: a `green_channel_request` alert.',
  body: GreenChannelBody,
  answer: AlertRaised,
});

export const vipCheckIn = route({
  method: 'POST',
  path: '/api/kiosk/check-in/vip',
  access: { grants: ['kiosk', 'manager'] },
  summary: 'A ticket with priority VIP, and a `vip_arrived` alert; 404 `not_registered`.',
  body: VipCheckInBody,
  answer: TicketAnswer,
});

export const appointmentCheckIn = route({
  method: 'POST',
  path: '/api/kiosk/check-in/appointment',
  access: { grants: ['kiosk', 'manager'] },
  summary: 'A ticket with priority `appointment`, from 2 hours before the appointment to 1 hour after; 404 `no_appointment`.',
  body: AppointmentCheckInBody,
  answer: TicketAnswer,
});

export const idCardCheckIn = route({
  method: 'POST',
  path: '/api/kiosk/check-in/id-card',
  access: { grants: ['kiosk', 'manager'] },
  summary:
    "An older customer's check-in by the 18-character resident ID number (read, never stored or logged): aged `elderly.age` or over, a ticket with priority `elderly`, else `normal`; `elderly` says which. `choice` (a kiosk choice id) is recorded on `ticket.issued`. 400 `invalid_id_number` (format, check character, impossible or future birth date), `unknown_choice`, `choice_service_mismatch`.",
  body: IdCardCheckInBody,
  answer: z.strictObject({ ticket: ApiTicketSchema, elderly: z.boolean() }),
});

export const kioskExit = route({
  method: 'POST',
  path: '/api/kiosk/exit',
  access: { grants: KIOSK_EXIT_READERS },
  summary: 'Records `kiosk.exited`: who took a kiosk out of kiosk mode.',
  body: KioskExitBody,
  answer: Ok,
});

export const vipImport = route({
  method: 'POST',
  path: '/api/customers/vip-import',
  access: { grants: ['admin'] },
  summary:
    'Replaces the VIP register from a CSV (UTF-8 or GBK) or .xlsx (`{file}` base64, or `{csv}` text): a problem writes nothing (400 `invalid_rows` "line N: …") unless `onlyValid`; the keys of the register it replaces are shredded.',
  body: ImportFile,
  answer: z.strictObject({ imported: z.number().int(), skipped: z.number().int() }),
  bodyLimit: IMPORT_BODY_LIMIT,
});

export const eraseCustomer = route({
  method: 'POST',
  path: '/api/customers/erase',
  access: { grants: ['admin'] },
  summary: "A customer's deletion request (PIPL): deletes the rows that find them by number and shreds the keys of their VIP entry, notebook entry and opinions; recorded as `customer.erased` (a count, never the keyed hash).",
  body: EraseBody,
  answer: z.strictObject({ erased: z.number().int() }),
});

export const bookAppointment = route({
  method: 'POST',
  path: '/api/appointments',
  access: { grants: APPOINTMENT_READERS },
  summary: 'Books an appointment; its code checks the customer in.',
  body: BookAppointmentBody,
  answer: z.strictObject({ code: z.string(), service: z.string(), at: z.string() }),
});

export const ticketCustomer = route({
  method: 'GET',
  path: '/api/tickets/:id/customer',
  access: { grants: CUSTOMER_READERS },
  summary: "The customer behind a ticket (title, VIP, notes, tags) or null; a teller only at the ticket's counter (403 `not_your_ticket`).",
  params: z.object({ id: z.string() }),
  answer: z.strictObject({
    customer: z.strictObject({ title: z.string(), vip: z.boolean(), notes: z.array(z.string()), tags: z.array(z.string()) }).nullable(),
  }) satisfies z.ZodType<TicketCustomerAnswer>,
});

export const printers = route({
  method: 'GET',
  path: '/api/printing/printers',
  access: { grants: PRINTER_READERS },
  summary: "Every printer's health, and which kiosk prints where.",
  answer: z.strictObject({ printers: z.array(z.strictObject({ device: z.string(), uri: z.string(), status: PrinterStatusSchema.nullable() })) }) satisfies z.ZodType<{
    printers: PrinterView[];
  }>,
});

export const assignPrinter = route({
  method: 'PUT',
  path: '/api/printing/assignments/:device',
  access: { grants: ['admin'] },
  summary: 'Assigns a printer URI (or null) to a kiosk; 404 `unknown_device`, 400 `not_a_kiosk`.',
  params: z.object({ device: z.string() }),
  body: AssignPrinterBody,
  answer: z.strictObject({ device: z.string(), uri: z.string().nullable() }),
});

export const myPrinter = route({
  method: 'GET',
  path: '/api/printing/mine',
  access: { grants: ['kiosk'] },
  summary: "The calling kiosk's printer and its health.",
  answer: z.strictObject({ configured: z.boolean(), status: PrinterStatusSchema.nullable() }),
});

export const myPrinterStatus = route({
  method: 'POST',
  path: '/api/printing/mine/status',
  access: { grants: ['kiosk'] },
  summary: "The Electron shell's report of its cabled printer: printer alerts.",
  body: LocalStatusBody,
  answer: Ok,
});

export const myPrintUnconfirmed = route({
  method: 'POST',
  path: '/api/printing/mine/unconfirmed',
  access: { grants: ['kiosk'] },
  summary: "The shell's report that its cabled printer took a ticket but never confirmed it: a `printer_outcome_unknown` alert; 404 `unknown_ticket`.",
  body: UnconfirmedBody,
  answer: Ok,
});

export const printPreview = route({
  method: 'GET',
  path: '/api/printing/preview',
  access: { grants: PRINTER_READERS },
  summary: 'The ticket layout as SVG, as the printer prints it.',
  answer: z.strictObject({ svg: z.string() }),
});

export const kioskRoutes = [kioskConfig, kioskSelfService, kioskHelp, greenChannel, vipCheckIn, appointmentCheckIn, idCardCheckIn, kioskExit];
export const customerRoutes = [vipImport, eraseCustomer, bookAppointment, ticketCustomer];
export const printingRoutes = [printers, assignPrinter, myPrinter, myPrinterStatus, myPrintUnconfirmed, printPreview];

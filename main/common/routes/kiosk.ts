// The kiosk beyond tickets, check-in, appointments, the VIP register, a ticket's customer,
// and printers.
import { z } from 'zod';
import { AppointmentCheckInBody, BookAppointmentBody, GreenChannelBody, KioskChoice, KioskHelpBody, VipCheckInBody, type TicketCustomerAnswer } from '../kiosk.js';
import { PRINTER_CONDITIONS, type PrinterView } from '../print.js';
import { PrinterUri } from '../settings.js';
import { ANY_TOKEN, APPOINTMENT_READERS, CUSTOMER_READERS, KIOSK_EXIT_READERS, PRINTER_READERS } from './access.js';
import { Ok, PrinterStatusSchema, TicketAnswer } from './answers.js';
import { route } from './define.js';

export const KioskExitBody = z.strictObject({ device: z.string().min(1).max(64).nullable().default(null) });
export const VipImportBody = z.strictObject({ csv: z.string().min(1).max(2_000_000) });
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
  summary: "The kiosk's home choices.",
  answer: z.strictObject({ choices: z.array(KioskChoice) }),
});

export const kioskSelfService = route({
  method: 'POST',
  path: '/api/kiosk/self-service',
  access: { grants: ['kiosk'] },
  summary: 'A customer was shown the self-service machine (counted as triage).',
  body: KioskHelpBody,
  answer: Ok,
});

export const kioskHelp = route({
  method: 'POST',
  path: '/api/kiosk/help',
  access: { grants: ['kiosk'] },
  summary: '"I need help": alerts the lobby manager.',
  body: KioskHelpBody,
  answer: AlertRaised,
});

export const greenChannel = route({
  method: 'POST',
  path: '/api/kiosk/green-channel',
  access: { grants: ['kiosk'] },
  summary: 'Asks the lobby manager for the green channel.',
  body: GreenChannelBody,
  answer: AlertRaised,
});

export const vipCheckIn = route({
  method: 'POST',
  path: '/api/kiosk/check-in/vip',
  access: { grants: ['kiosk', 'manager'] },
  summary: 'Checks a VIP in by card or phone: a VIP ticket, and the manager alerted.',
  body: VipCheckInBody,
  answer: TicketAnswer,
});

export const appointmentCheckIn = route({
  method: 'POST',
  path: '/api/kiosk/check-in/appointment',
  access: { grants: ['kiosk', 'manager'] },
  summary: 'Checks an appointment in by code or phone: a priority ticket.',
  body: AppointmentCheckInBody,
  answer: TicketAnswer,
});

export const kioskExit = route({
  method: 'POST',
  path: '/api/kiosk/exit',
  access: { grants: KIOSK_EXIT_READERS },
  summary: 'Records who took a kiosk out of kiosk mode.',
  body: KioskExitBody,
  answer: Ok,
});

export const vipImport = route({
  method: 'POST',
  path: '/api/customers/vip-import',
  access: { grants: ['admin'] },
  summary: 'Imports the VIP register (CSV in JSON).',
  body: VipImportBody,
  answer: z.strictObject({ imported: z.number().int() }),
  bodyLimit: 2_500_000,
});

export const eraseCustomer = route({
  method: 'POST',
  path: '/api/customers/erase',
  access: { grants: ['admin'] },
  summary: "A customer's deletion request: shreds the keys of what the hub holds under that number.",
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
  summary: "The customer behind a ticket, for the counter it is at and the manager.",
  params: z.object({ id: z.string() }),
  answer: z.strictObject({
    customer: z.strictObject({ title: z.string(), vip: z.boolean(), notes: z.array(z.string()), tags: z.array(z.string()) }).nullable(),
  }) satisfies z.ZodType<TicketCustomerAnswer>,
});

export const printers = route({
  method: 'GET',
  path: '/api/printing/printers',
  access: { grants: PRINTER_READERS },
  summary: "Every printer's health and which kiosk prints where.",
  answer: z.strictObject({ printers: z.array(z.strictObject({ device: z.string(), uri: z.string(), status: PrinterStatusSchema.nullable() })) }) satisfies z.ZodType<{
    printers: PrinterView[];
  }>,
});

export const assignPrinter = route({
  method: 'PUT',
  path: '/api/printing/assignments/:device',
  access: { grants: ['admin'] },
  summary: 'Assigns a printer to a kiosk (null: none).',
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
  summary: "A kiosk reports the health of the printer cabled to it.",
  body: LocalStatusBody,
  answer: Ok,
});

export const myPrintUnconfirmed = route({
  method: 'POST',
  path: '/api/printing/mine/unconfirmed',
  access: { grants: ['kiosk'] },
  summary: 'A kiosk reports a ticket its printer took but never confirmed.',
  body: UnconfirmedBody,
  answer: Ok,
});

export const printPreview = route({
  method: 'GET',
  path: '/api/printing/preview',
  access: { grants: PRINTER_READERS },
  summary: 'A sample ticket as SVG, as the printers print it.',
  answer: z.strictObject({ svg: z.string() }),
});

export const kioskRoutes = [kioskConfig, kioskSelfService, kioskHelp, greenChannel, vipCheckIn, appointmentCheckIn, kioskExit];
export const customerRoutes = [vipImport, eraseCustomer, bookAppointment, ticketCustomer];
export const printingRoutes = [printers, assignPrinter, myPrinter, myPrinterStatus, myPrintUnconfirmed, printPreview];

// The kiosk's own bridge calls (see ipc.ts): leaving kiosk mode with a staff PIN that the hub
// checks, and the printer cabled to the kiosk, driven by Electron main. Answers are plain
// result objects rather than thrown errors: Electron flattens an error thrown in main into an
// untyped message, and the page must tell "wrong PIN" from "locked" from "paper out".
import { z } from 'zod';
import type { PrintErrorCode, PrinterStatus } from './print.js';

/** kiosk:exit — the staff member's ID and PIN, checked by the hub (throttled and audited). */
export const KioskExitRequest = z.strictObject({
  staffId: z.string().min(1).max(64),
  pin: z.string().min(1).max(32),
});
export type KioskExitRequest = z.infer<typeof KioskExitRequest>;

export type KioskExitAnswer = { ok: true; staffId: string } | { ok: false; code: string; message: string };

/** printer:print-ticket — only the ticket id: main reads the ticket from the hub itself. */
export const PrintTicketRequest = z.strictObject({ ticketId: z.string().min(1).max(64) });
export type PrintTicketRequest = z.infer<typeof PrintTicketRequest>;

/** `uncertain`: the printer took every byte but never confirmed the job (PrintAnswer.uncertain). */
export type LocalPrintAnswer = { ok: true; already: boolean; uncertain: boolean } | { ok: false; code: PrintErrorCode; message: string };

/** printer:status takes nothing. */
export const PrinterStatusRequest = z.undefined();

export interface LocalPrinterAnswer {
  /** False when no printer is cabled to this kiosk (settings.localPrinter is null). */
  configured: boolean;
  status: PrinterStatus | null;
}

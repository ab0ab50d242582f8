// What a print request does, decided from the ticket's recorded print and the request alone
// (no printer, no database): answer from the record, or send a job whose events say how the
// record changes. The printing service talks to the printer and commits these events.
import type { KioskEvent } from '../../common/kiosk.js';
import type { PrintAnswer } from '../../common/print.js';
import type { TicketPrint } from './printing-projector.js';

type Of<T extends KioskEvent['type']> = Extract<KioskEvent, { type: T }>;

export interface PrintJob {
  ticket: string;
  /** No print of this ticket was recorded: starting the job records it, failing it erases that. */
  first: boolean;
  /** A manager asked for it again; it leaves the earlier record alone until it prints. */
  reprint: boolean;
}

export type PrintPlan =
  /** `unconfirmed`: the hub stopped in the middle of this ticket's job, so the manager is asked. */
  | { kind: 'answer'; answer: PrintAnswer; unconfirmed: boolean }
  /** `device`: whose printer to use (null: the hub's own). */
  | { kind: 'send'; job: PrintJob; device: string | null };

export function planPrint(ticket: string, before: TicketPrint | null, reprint: boolean, device: string | null): PrintPlan {
  if (before && !reprint) {
    // Started and never finished, and no job is running now: the hub stopped in the middle
    // of it. Whether paper came out is unknown, so it is never sent again by itself.
    const uncertain = before.pending || before.uncertain;
    return { kind: 'answer', answer: { printed: true, already: true, printer: before.printer, uncertain }, unconfirmed: before.pending };
  }
  // A reprint comes out where the customer got (or did not get) the first one.
  return { kind: 'send', job: { ticket, first: before === null, reprint }, device: reprint && before ? before.printer : device };
}

/** Committed before the first byte leaves: a hub that dies mid-job never sends it again. */
export function printStarted(job: PrintJob, printer: string): Of<'ticket.print_started'> {
  return { type: 'ticket.print_started', ticket: job.ticket, printer, ...(job.reprint && { reprint: true }), ...(job.first && { first: true }) };
}

/** Nothing came out (cut mid-job, or a fault): the next try may send it whole. */
export function printFailed(job: PrintJob, printer: string, reason: string): Of<'ticket.print_failed'> {
  return { type: 'ticket.print_failed', ticket: job.ticket, printer, reason, ...(job.first && { first: true }) };
}

/** `uncertain`: the printer took every byte but never confirmed the job. */
export function ticketPrinted(job: PrintJob, printer: string, uncertain: boolean): Of<'ticket.printed'> {
  return { type: 'ticket.printed', ticket: job.ticket, printer, ...(uncertain && { uncertain: true }), ...(job.reprint && { reprint: true }) };
}

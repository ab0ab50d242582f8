// Printing, as every layer sees it: a printer's health (from DLE EOT), the data a queue
// ticket prints, and the error codes a failed print answers with (CONTRACT.md: 503, the
// ticket stays valid).

/** What can be wrong with a thermal printer; `offline` also covers "does not answer". */
export const PRINTER_CONDITIONS = ['paper_low', 'paper_out', 'cover_open', 'offline'] as const;
export type PrinterCondition = (typeof PRINTER_CONDITIONS)[number];

export interface PrinterStatus {
  /** False when the printer did not answer the status query at all (cable, power, network). */
  reachable: boolean;
  conditions: PrinterCondition[];
  /** Epoch ms of the last query. */
  checkedAt: number;
}

/** A printer can take a job when it answers and has no blocking condition (paper low is fine). */
export function canPrint(s: PrinterStatus): boolean {
  return s.reachable && s.conditions.every((c) => c === 'paper_low');
}

/** The worst condition first: what the kiosk and the 503 name. */
export function blockingCondition(s: PrinterStatus): Exclude<PrinterCondition, 'paper_low'> | null {
  if (!s.reachable) return 'offline';
  for (const c of ['cover_open', 'paper_out', 'offline'] as const) if (s.conditions.includes(c)) return c;
  return null;
}

/** Everything printed on a queue ticket: no customer data. */
export interface TicketPrintData {
  branchZh: string;
  branchEn: string;
  serviceZh: string;
  serviceEn: string;
  number: string;
  ahead: number;
  /**
   * Minutes until called, with its range; null when none (day closed, already called). With
   * `closed`, no counter serves the service now: the ticket says when it opens instead.
   */
  estimate: { minutes: number; low: number; high: number; closed?: { opensAt: string | null } } | null;
  /** Epoch ms of issue; printed in the branch's local time. */
  issuedAt: number;
  /** `<hub origin>/t/<ticket id>`: the customer's status page. */
  statusUrl: string;
}

/** The 503 codes of POST /api/tickets/:id/print and of the kiosk's local print channel. */
export type PrintErrorCode =
  | 'printer_not_configured'
  | 'printer_paper_out'
  | 'printer_cover_open'
  | 'printer_offline'
  | 'printer_interrupted';

export interface PrintAnswer {
  printed: true;
  /** True when this ticket had been printed before: a retry never prints it twice. */
  already: boolean;
  printer: string;
  /**
   * True when the printer took every byte but never confirmed the job (it held the connection
   * open): it counts as printed and is never sent again by itself, and the customer is told
   * to ask the lobby manager if no ticket came out.
   */
  uncertain: boolean;
}

/**
 * What became of one job, as far as the sender can know.
 * - `confirmed`: every byte taken and the printer ended the job (closed, or the port drained).
 * - `status_ok`: every byte taken, the printer held on, and its status then showed no fault.
 * - `unknown`: every byte taken, the printer held on, and its status could not be read.
 * - `fault`: every byte taken, the printer held on, and its status shows a fault: not printed.
 * - `interrupted`: the link failed or was reset before the printer ended the job: not printed,
 *   sent whole next time (`bytesSent`: what our side handed over; the printer may have read less).
 */
export type JobOutcome =
  | { kind: 'confirmed' }
  | { kind: 'status_ok' }
  | { kind: 'unknown' }
  | { kind: 'fault'; condition: Exclude<PrinterCondition, 'paper_low'> }
  | { kind: 'interrupted'; bytesSent: number };

/** A job counts as printed (and is never sent again by itself) unless it failed for sure. */
export function countsAsPrinted(o: JobOutcome): o is { kind: 'confirmed' } | { kind: 'status_ok' } | { kind: 'unknown' } {
  return o.kind === 'confirmed' || o.kind === 'status_ok' || o.kind === 'unknown';
}

export interface PrinterView {
  /** Device id, or 'hub' for the hub's own printer. */
  device: string;
  uri: string;
  status: PrinterStatus | null;
}

// The printer cabled to this kiosk (settings.localPrinter), driven from Electron main with
// the same layout and transports as the hub's printers (main/print). A ticket is printed at
// most once per run of the shell however often the page retries (after a restart the page
// no longer shows that ticket, so nothing asks for it again), and a printer that takes the
// bytes but holds the connection open counts as printed, never as a job to send again.
import type { LocalPrintAnswer, LocalPrinterAnswer } from '../../common/kiosk-bridge.js';
import { blockingCondition, type JobOutcome, type PrintErrorCode, type TicketPrintData } from '../../common/print.js';
import { ticketBytes } from '../../print/encode-ticket.js';
import { Printer } from '../../print/printer.js';

const SENTENCES: Record<PrintErrorCode, string> = {
  printer_not_configured: 'No printer is cabled to this kiosk.',
  printer_paper_out: 'The printer is out of paper; the ticket stays valid.',
  printer_cover_open: "The printer's cover is open; the ticket stays valid.",
  printer_offline: 'The printer is not answering; the ticket stays valid.',
  printer_interrupted: 'The printer stopped in the middle of the ticket; it will be printed again.',
};

export function printFailure(code: PrintErrorCode): LocalPrintAnswer {
  return { ok: false, code, message: SENTENCES[code] };
}

export class LocalPrinter {
  /** Ticket id → whether its print was uncertain (taken but never confirmed). */
  private readonly printed = new Map<string, boolean>();
  private readonly inFlight = new Map<string, Promise<LocalPrintAnswer>>();
  readonly printer: Printer;

  constructor(readonly uri: string, printer?: Printer) {
    this.printer = printer ?? new Printer(uri);
  }

  async status(): Promise<LocalPrinterAnswer> {
    return { configured: true, status: await this.printer.status() };
  }

  /**
   * `load` reads the ticket from the hub; it is called only when the ticket is to be printed
   * now. `onUncertain` hears of a ticket the printer took but never confirmed (the shell tells
   * the hub, which alerts the manager).
   */
  print(ticketId: string, load: () => Promise<TicketPrintData>, onUncertain?: (outcome: JobOutcome) => void): Promise<LocalPrintAnswer> {
    const before = this.printed.get(ticketId);
    if (before !== undefined) return Promise.resolve({ ok: true, already: true, uncertain: before });
    const running = this.inFlight.get(ticketId);
    if (running) return running;
    const job = this.printNow(ticketId, load, onUncertain).finally(() => this.inFlight.delete(ticketId));
    this.inFlight.set(ticketId, job);
    return job;
  }

  private async printNow(ticketId: string, load: () => Promise<TicketPrintData>, onUncertain?: (outcome: JobOutcome) => void): Promise<LocalPrintAnswer> {
    const blocking = blockingCondition(await this.printer.status());
    if (blocking) return printFailure(`printer_${blocking}`);
    const outcome = await this.printer.print(ticketBytes(await load()));
    // Not recorded as printed: the next try prints the whole ticket again (after a fault,
    // once the printer reports it cleared).
    if (outcome.kind === 'interrupted') return printFailure('printer_interrupted');
    if (outcome.kind === 'fault') return printFailure(`printer_${outcome.condition}`);
    const uncertain = outcome.kind !== 'confirmed';
    this.printed.set(ticketId, uncertain);
    if (uncertain) onUncertain?.(outcome);
    return { ok: true, already: false, uncertain };
  }
}

// The hub's printers: which printer serves which kiosk (else the hub's own --printer), a
// status poller that turns DLE EOT answers into the manager's alerts within a couple of
// seconds, and printing a ticket at most once however often it is retried: a printer that
// takes the bytes and holds the connection open counts as printed (it is asked its status,
// never sent the job again), and the manager hears of it.
import type { PrintAnswer, PrinterStatus, PrinterView, TicketPrintData } from '../../common/print.js';
import { blockingCondition, countsAsPrinted } from '../../common/print.js';
import { ticketBytes } from '../../print/encode-ticket.js';
import { Printer } from '../../print/printer.js';
import { parsePrinterUri } from '../../print/printer-uri.js';
import { DomainError } from '../../common/errors.js';
import { toApiTicket } from '../lobby/views.js';
import { planPrint, printFailed, printStarted, ticketPrinted } from './print-job.js';
import { raiseUnconfirmed, syncPrinterAlerts } from './printer-alerts.js';
import type { PrintingContext } from './printing-context.js';
import { readPrinterAssignments, readTicketPrint, type TicketPrint } from './printing-projector.js';

/** Once a second: a fault reaches the manager well within the 5 seconds the issue asks. */
export const POLL_MS = 1000;
export const HUB_PRINTER = 'hub';

export class PrintingService {
  private readonly printers = new Map<string, Printer>();
  private readonly inFlight = new Map<string, Promise<PrintAnswer>>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  /** Set by stop(): a status that comes back after the hub closed its ledger is dropped. */
  private stopped = false;

  constructor(private readonly ctx: PrintingContext) {}

  start(): void {
    if (this.timer) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.pollOnce(), POLL_MS);
    this.timer.unref();
    void this.pollOnce();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Device → printer URI: each kiosk's own, plus the hub's. */
  assignments(): Map<string, string> {
    const map = readPrinterAssignments(this.ctx.hub.ledger.db);
    if (this.ctx.hubPrinter) map.set(HUB_PRINTER, this.ctx.hubPrinter);
    return map;
  }

  /** Gives a kiosk its own printer, or (null) sends it back to the hub's. */
  assign(device: string, uri: string | null, actor: string): void {
    const role = this.ctx.deviceRole(device);
    if (role === undefined) throw new DomainError('not_found', 'unknown_device', `There is no device ${device}.`);
    if (role !== 'kiosk') throw new DomainError('invalid', 'not_a_kiosk', 'Only kiosks print tickets.');
    if (uri !== null) parsePrinterUri(uri);
    this.ctx.hub.audit({ type: 'printer.assigned', device, uri }, actor);
  }

  /** The printer a device prints on: its own, else the hub's; null when there is none. */
  printerFor(device: string | null): { device: string; uri: string } | null {
    const map = this.assignments();
    const own = device ? map.get(device) : undefined;
    if (own && device) return { device, uri: own };
    const hubs = map.get(HUB_PRINTER);
    return hubs ? { device: HUB_PRINTER, uri: hubs } : null;
  }

  views(): PrinterView[] {
    return [...this.assignments()].map(([device, uri]) => ({ device, uri, status: this.printer(uri).last }));
  }

  statusOf(device: string | null): PrinterStatus | null {
    const p = this.printerFor(device);
    return p ? this.printer(p.uri).last : null;
  }

  private printer(uri: string): Printer {
    let p = this.printers.get(uri);
    if (!p) {
      p = new Printer(uri, this.ctx.hub.clock);
      this.printers.set(uri, p);
    }
    return p;
  }

  async pollOnce(): Promise<void> {
    if (this.polling) return; // a slow printer must not stack polls up
    this.polling = true;
    try {
      const byUri = new Map<string, string[]>();
      for (const [device, uri] of this.assignments()) byUri.set(uri, [...(byUri.get(uri) ?? []), device]);
      await Promise.all(
        [...byUri].map(async ([uri, devices]) => {
          const status = await this.printer(uri).status();
          if (this.stopped) return;
          for (const device of devices) syncPrinterAlerts(this.ctx.alerts, device, uri, status);
        }),
      );
    } finally {
      this.polling = false;
    }
  }

  printedOn(ticketId: string): TicketPrint | null {
    return readTicketPrint(this.ctx.hub.ledger.db, ticketId);
  }

  /**
   * Prints once: a ticket already printed answers `already`, a concurrent retry waits for the
   * first. Only `reprint` (a manager asking for it) sends a printed ticket's bytes again.
   */
  print(ticketId: string, device: string | null, origin: string, actor: string, opts: { reprint?: boolean } = {}): Promise<PrintAnswer> {
    const running = this.inFlight.get(ticketId);
    if (running) return running;
    const job = this.printNow(ticketId, device, origin, actor, opts.reprint ?? false).finally(() => this.inFlight.delete(ticketId));
    this.inFlight.set(ticketId, job);
    return job;
  }

  private async printNow(ticketId: string, device: string | null, origin: string, actor: string, reprint: boolean): Promise<PrintAnswer> {
    const plan = planPrint(ticketId, this.printedOn(ticketId), reprint, device);
    if (plan.kind === 'answer') {
      const { printer } = plan.answer;
      if (plan.unconfirmed) raiseUnconfirmed(this.ctx, ticketId, printer, this.printerFor(printer)?.uri ?? '', false);
      return plan.answer;
    }
    const { job } = plan;
    const target = this.printerFor(plan.device);
    if (!target) throw new DomainError('unavailable', 'printer_not_configured', 'No printer is set up for this kiosk or the hub; the ticket stays valid.');
    const printer = this.printer(target.uri);
    const status = await printer.status();
    syncPrinterAlerts(this.ctx.alerts, target.device, target.uri, status);
    const blocking = blockingCondition(status);
    if (blocking) throw printerError(blocking);
    const bytes = ticketBytes(this.ticketData(ticketId, origin));
    // A reprint leaves the first print's row alone until it succeeds: a reprint that fails
    // must not make the ticket look never printed to the kiosk's next retry.
    this.ctx.hub.audit(printStarted(job, target.device), actor);
    const outcome = await printer.print(bytes);
    if (!countsAsPrinted(outcome)) {
      // Cut mid-job, or held and then a fault: nothing stays recorded as printed, so the next
      // try prints it whole (once the fault clears: every try asks the status first).
      this.ctx.hub.audit(printFailed(job, target.device, outcome.kind === 'fault' ? outcome.condition : 'interrupted'), actor);
      const after = outcome.kind === 'fault' && printer.last ? printer.last : await printer.status();
      syncPrinterAlerts(this.ctx.alerts, target.device, target.uri, after);
      if (outcome.kind === 'fault') throw printerError(outcome.condition);
      throw new DomainError('unavailable', 'printer_interrupted', 'The printer stopped in the middle of the ticket; the ticket stays valid and will be printed again.');
    }
    const uncertain = outcome.kind !== 'confirmed';
    this.ctx.hub.audit(ticketPrinted(job, target.device, uncertain), actor);
    if (uncertain) raiseUnconfirmed(this.ctx, ticketId, target.device, target.uri, outcome.kind === 'status_ok');
    else if (reprint) this.ctx.alerts.resolve(`print:${ticketId}`);
    return { printed: true, already: false, printer: target.device, uncertain };
  }

  /**
   * Prints a slip that is not a ticket (an appointment's confirmation) on a chosen printer of
   * the list (a device of views(): a kiosk's own, or `hub`), else the hub's own. A slip is
   * printed when asked, once per request: the manager sees the answer and can ask again.
   */
  async printSlip(device: string | null, bytes: Buffer): Promise<{ printer: string; uncertain: boolean }> {
    const map = this.assignments();
    const chosen = device ?? HUB_PRINTER;
    const uri = map.get(chosen);
    if (!uri) {
      if (device === null) throw new DomainError('unavailable', 'printer_not_configured', 'The hub has no printer of its own: choose a printer of the list.');
      throw new DomainError('not_found', 'unknown_printer', `There is no printer ${device}.`);
    }
    const printer = this.printer(uri);
    const status = await printer.status();
    syncPrinterAlerts(this.ctx.alerts, chosen, uri, status);
    const blocking = blockingCondition(status);
    if (blocking) throw printerError(blocking);
    const outcome = await printer.print(bytes);
    if (outcome.kind === 'fault') throw printerError(outcome.condition);
    if (!countsAsPrinted(outcome)) throw new DomainError('unavailable', 'printer_interrupted', 'The printer stopped in the middle of the slip: check what came out, then print it again.');
    return { printer: chosen, uncertain: outcome.kind !== 'confirmed' };
  }

  ticketData(ticketId: string, origin: string): TicketPrintData {
    const { hub, branch } = this.ctx;
    const t = hub.state.tickets[ticketId];
    if (!t) throw new DomainError('not_found', 'unknown_ticket', `There is no ticket ${ticketId} today.`);
    const api = toApiTicket(t, hub.state, hub.estimates, hub.clock());
    const service = hub.state.services[t.service];
    return {
      branchZh: branch.nameZh,
      branchEn: branch.nameEn,
      serviceZh: service?.nameZh ?? t.service,
      serviceEn: service?.nameEn ?? t.service,
      number: t.number,
      ahead: api.ahead,
      estimate: api.estimate,
      issuedAt: t.issuedAt,
      statusUrl: `${origin}/t/${encodeURIComponent(t.id)}`,
    };
  }
}

function printerError(condition: 'cover_open' | 'paper_out' | 'offline'): DomainError {
  const sentence = {
    paper_out: 'The printer is out of paper; the ticket stays valid.',
    cover_open: "The printer's cover is open; the ticket stays valid.",
    offline: 'The printer is not answering; the ticket stays valid.',
  }[condition];
  return new DomainError('unavailable', `printer_${condition}`, sentence);
}

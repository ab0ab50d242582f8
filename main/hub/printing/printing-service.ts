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
import type { PrintingContext } from './printing-context.js';
import { toApiTicket } from '../lobby/views.js';
import { raiseUnconfirmed, syncPrinterAlerts } from './printer-alerts.js';

/** Once a second: a fault reaches the manager well within the 5 seconds the issue asks. */
export const POLL_MS = 1000;
export const HUB_PRINTER = 'hub';

export class PrintingService {
  private readonly printers = new Map<string, Printer>();
  private readonly inFlight = new Map<string, Promise<PrintAnswer>>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(private readonly ctx: PrintingContext) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.pollOnce(), POLL_MS);
    this.timer.unref();
    void this.pollOnce();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Device → printer URI: each kiosk's own, plus the hub's. */
  assignments(): Map<string, string> {
    const rows = this.ctx.db.prepare('SELECT device_id, uri FROM printer_assignments').all() as { device_id: string; uri: string }[];
    const map = new Map(rows.map((r) => [r.device_id, r.uri]));
    if (this.ctx.options.printer) map.set(HUB_PRINTER, this.ctx.options.printer);
    return map;
  }

  assign(device: string, uri: string | null, actor: string): void {
    if (uri !== null) parsePrinterUri(uri);
    this.ctx.hub.audit({ type: 'printer.assigned', device, uri }, actor, (db) => {
      if (uri === null) db.prepare('DELETE FROM printer_assignments WHERE device_id = ?').run(device);
      else db.prepare('INSERT OR REPLACE INTO printer_assignments (device_id, uri) VALUES (?, ?)').run(device, uri);
    });
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
          for (const device of devices) syncPrinterAlerts(this.ctx.alerts, device, uri, status);
        }),
      );
    } finally {
      this.polling = false;
    }
  }

  printedOn(ticketId: string): { printer: string; pending: boolean; uncertain: boolean } | null {
    const row = this.ctx.db.prepare('SELECT printer, pending, uncertain FROM ticket_prints WHERE ticket_id = ?').get(ticketId) as
      | { printer: string; pending: number; uncertain: number }
      | undefined;
    return row ? { printer: row.printer, pending: row.pending === 1, uncertain: row.uncertain === 1 } : null;
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
    const before = this.printedOn(ticketId);
    if (before?.pending && !reprint) {
      // Started and never finished, and no job is running now: the hub stopped in the middle
      // of it. Whether paper came out is unknown, so it is never sent again by itself.
      raiseUnconfirmed(this.ctx, ticketId, before.printer, this.printerFor(before.printer)?.uri ?? '', false);
      return { printed: true, already: true, printer: before.printer, uncertain: true };
    }
    if (before && !reprint) return { printed: true, already: true, printer: before.printer, uncertain: before.uncertain };
    // A reprint comes out where the customer got (or did not get) the first one.
    const target = this.printerFor(reprint && before ? before.printer : device);
    if (!target) throw new DomainError('unavailable', 'printer_not_configured', 'No printer is set up for this kiosk or the hub; the ticket stays valid.');
    const printer = this.printer(target.uri);
    const status = await printer.status();
    syncPrinterAlerts(this.ctx.alerts, target.device, target.uri, status);
    const blocking = blockingCondition(status);
    if (blocking) throw printerError(blocking);
    const bytes = ticketBytes(this.ticketData(ticketId, origin));
    // A reprint leaves the first print's row alone until it succeeds: a reprint that fails
    // must not make the ticket look never printed to the kiosk's next retry.
    const firstPrint = before === null;
    this.ctx.hub.audit({ type: 'ticket.print_started', ticket: ticketId, printer: target.device, ...(reprint && { reprint }) }, actor, (db) => {
      if (firstPrint) {
        db.prepare('INSERT INTO ticket_prints (ticket_id, printer, printed_at, pending, uncertain) VALUES (?, ?, ?, 1, 0)').run(ticketId, target.device, this.ctx.hub.clock());
      }
    });
    const outcome = await printer.print(bytes);
    if (!countsAsPrinted(outcome)) {
      // Cut mid-job, or held and then a fault: nothing stays recorded as printed, so the next
      // try prints it whole (once the fault clears: every try asks the status first).
      this.ctx.hub.audit({ type: 'ticket.print_failed', ticket: ticketId, printer: target.device, reason: outcome.kind === 'fault' ? outcome.condition : 'interrupted' }, actor, (db) =>
        firstPrint ? db.prepare('DELETE FROM ticket_prints WHERE ticket_id = ?').run(ticketId) : undefined,
      );
      const after = outcome.kind === 'fault' && printer.last ? printer.last : await printer.status();
      syncPrinterAlerts(this.ctx.alerts, target.device, target.uri, after);
      if (outcome.kind === 'fault') throw printerError(outcome.condition);
      throw new DomainError('unavailable', 'printer_interrupted', 'The printer stopped in the middle of the ticket; the ticket stays valid and will be printed again.');
    }
    const uncertain = outcome.kind !== 'confirmed';
    this.ctx.hub.audit({ type: 'ticket.printed', ticket: ticketId, printer: target.device, ...(uncertain && { uncertain }), ...(reprint && { reprint }) }, actor, (db) =>
      db
        .prepare('UPDATE ticket_prints SET printer = ?, pending = 0, uncertain = ?, printed_at = ? WHERE ticket_id = ?')
        .run(target.device, uncertain ? 1 : 0, this.ctx.hub.clock(), ticketId),
    );
    if (uncertain) raiseUnconfirmed(this.ctx, ticketId, target.device, target.uri, outcome.kind === 'status_ok');
    else if (reprint) this.ctx.alerts.resolve(`print:${ticketId}`);
    return { printed: true, already: false, printer: target.device, uncertain };
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

const services = new WeakMap<PrintingContext, PrintingService>();

/** The one PrintingService of a running hub (made by the printing routes). */
export function printingOf(ctx: PrintingContext): PrintingService {
  let s = services.get(ctx);
  if (!s) {
    s = new PrintingService(ctx);
    services.set(ctx, s);
  }
  return s;
}

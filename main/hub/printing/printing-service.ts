// The hub's printers: which printer serves which kiosk (else the hub's own --printer), a
// status poller that turns DLE EOT answers into the manager's alerts within a couple of
// seconds, and printing a ticket at most once however often it is retried.
import type { PrintAnswer, PrinterStatus, PrinterView, TicketPrintData } from '../../common/print.js';
import { blockingCondition } from '../../common/print.js';
import { ticketBytes } from '../../print/encode-ticket.js';
import { Printer } from '../../print/printer.js';
import { parsePrinterUri } from '../../print/printer-uri.js';
import { HttpError } from '../server/http-error.js';
import type { ServerContext } from '../server/context.js';
import { toApiTicket } from '../lobby/views.js';
import { syncPrinterAlerts } from './printer-alerts.js';

/** Once a second: a fault reaches the manager well within the 5 seconds the issue asks. */
export const POLL_MS = 1000;
export const HUB_PRINTER = 'hub';

export class PrintingService {
  private readonly printers = new Map<string, Printer>();
  private readonly inFlight = new Map<string, Promise<PrintAnswer>>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(private readonly ctx: ServerContext) {}

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

  printedOn(ticketId: string): string | null {
    const row = this.ctx.db.prepare('SELECT printer FROM ticket_prints WHERE ticket_id = ?').get(ticketId) as { printer: string } | undefined;
    return row?.printer ?? null;
  }

  /** Prints once: a ticket already printed answers `already`, a concurrent retry waits for the first. */
  print(ticketId: string, device: string | null, origin: string, actor: string): Promise<PrintAnswer> {
    const running = this.inFlight.get(ticketId);
    if (running) return running;
    const job = this.printNow(ticketId, device, origin, actor).finally(() => this.inFlight.delete(ticketId));
    this.inFlight.set(ticketId, job);
    return job;
  }

  private async printNow(ticketId: string, device: string | null, origin: string, actor: string): Promise<PrintAnswer> {
    const before = this.printedOn(ticketId);
    if (before) return { printed: true, already: true, printer: before };
    const target = this.printerFor(device);
    if (!target) throw new HttpError(503, 'printer_not_configured', 'No printer is set up for this kiosk or the hub; the ticket stays valid.');
    const printer = this.printer(target.uri);
    const status = await printer.status();
    syncPrinterAlerts(this.ctx.alerts, target.device, target.uri, status);
    const blocking = blockingCondition(status);
    if (blocking) throw printerError(blocking);
    try {
      await printer.send(ticketBytes(this.ticketData(ticketId, origin)));
    } catch {
      // The cable went mid-job: nothing is recorded as printed, so the next try prints it whole.
      const after = await printer.status();
      syncPrinterAlerts(this.ctx.alerts, target.device, target.uri, after);
      throw new HttpError(503, 'printer_interrupted', 'The printer stopped in the middle of the ticket; the ticket stays valid and will be printed again.');
    }
    this.ctx.hub.audit({ type: 'ticket.printed', ticket: ticketId, printer: target.device }, actor, (db) =>
      db.prepare('INSERT INTO ticket_prints (ticket_id, printer, printed_at) VALUES (?, ?, ?)').run(ticketId, target.device, this.ctx.hub.clock()),
    );
    return { printed: true, already: false, printer: target.device };
  }

  ticketData(ticketId: string, origin: string): TicketPrintData {
    const { hub, branch } = this.ctx;
    const t = hub.state.tickets[ticketId];
    if (!t) throw new HttpError(404, 'unknown_ticket', `There is no ticket ${ticketId} today.`);
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

function printerError(condition: 'cover_open' | 'paper_out' | 'offline'): HttpError {
  const sentence = {
    paper_out: 'The printer is out of paper; the ticket stays valid.',
    cover_open: "The printer's cover is open; the ticket stays valid.",
    offline: 'The printer is not answering; the ticket stays valid.',
  }[condition];
  return new HttpError(503, `printer_${condition}`, sentence);
}

const services = new WeakMap<ServerContext, PrintingService>();

/** The one PrintingService of a running hub (made by the printing routes). */
export function printingOf(ctx: ServerContext): PrintingService {
  let s = services.get(ctx);
  if (!s) {
    s = new PrintingService(ctx);
    services.set(ctx, s);
  }
  return s;
}

// Printing's two tables, from its events alone: which printer serves which kiosk
// (printer_assignments, from printer.assigned) and what became of each ticket's print
// (ticket_prints, from ticket.print_started / print_failed / printed). A row in ticket_prints
// is what makes a retry answer `already` instead of sending the ticket again.
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../common/events.js';
import type { Projector } from '../ledger/projector.js';

export const printingProjector: Projector = {
  name: 'printing',
  tables: ['printer_assignments', 'ticket_prints'],
  apply(db: Database.Database, event: StoredEvent): void {
    switch (event.type) {
      case 'printer.assigned':
        if (event.uri === null) db.prepare('DELETE FROM printer_assignments WHERE device_id = ?').run(event.device);
        else db.prepare('INSERT OR REPLACE INTO printer_assignments (device_id, uri) VALUES (?, ?)').run(event.device, event.uri);
        return;
      case 'ticket.print_started':
        // Recorded before the first byte leaves: a hub that dies now finds it pending on restart.
        if (event.first) writePrint(db, event.ticket, event.printer, event.at, { pending: true, uncertain: false });
        return;
      case 'ticket.print_failed':
        // Nothing came out: the first print's pending record goes, so the next try prints it whole.
        if (event.first) db.prepare('DELETE FROM ticket_prints WHERE ticket_id = ?').run(event.ticket);
        return;
      case 'ticket.printed':
        writePrint(db, event.ticket, event.printer, event.at, { pending: false, uncertain: event.uncertain ?? false });
        return;
    }
  },
};

function writePrint(db: Database.Database, ticket: string, printer: string, at: number, flags: { pending: boolean; uncertain: boolean }): void {
  db.prepare(
    `INSERT INTO ticket_prints (ticket_id, printer, printed_at, pending, uncertain) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (ticket_id) DO UPDATE SET printer = excluded.printer, printed_at = excluded.printed_at, pending = excluded.pending, uncertain = excluded.uncertain`,
  ).run(ticket, printer, at, flags.pending ? 1 : 0, flags.uncertain ? 1 : 0);
}

/** Device → printer URI, for each kiosk that has its own printer, the latest assigned last. */
export function readPrinterAssignments(db: Database.Database): Map<string, string> {
  const rows = db.prepare('SELECT device_id, uri FROM printer_assignments ORDER BY rowid').all() as { device_id: string; uri: string }[];
  return new Map(rows.map((r) => [r.device_id, r.uri]));
}

/** The ticket's recorded print: the device it came out of, still pending (the hub stopped mid-job), or never confirmed. */
export interface TicketPrint {
  printer: string;
  pending: boolean;
  uncertain: boolean;
}

export function readTicketPrint(db: Database.Database, ticketId: string): TicketPrint | null {
  const row = db.prepare('SELECT printer, pending, uncertain FROM ticket_prints WHERE ticket_id = ?').get(ticketId) as
    | { printer: string; pending: number; uncertain: number }
    | undefined;
  return row ? { printer: row.printer, pending: row.pending === 1, uncertain: row.uncertain === 1 } : null;
}

// What printing takes from the running hub: the ledger and state (to record prints and read the
// ticket), the alert book (printer faults), the branch's name (on the ticket), the hub's own
// printer, and the database for printer_assignments and ticket_prints. The server's context
// has all of it; printing names only these so that it need not know the server.
import type Database from 'better-sqlite3';
import type { AlertBook } from '../alerts/alert-book.js';
import type { Hub } from '../lobby/hub.js';
import type { Branch } from '../lobby/views.js';

export interface PrintingContext {
  hub: Hub;
  alerts: AlertBook;
  db: Database.Database;
  branch: Branch;
  options: { printer: string | null };
}

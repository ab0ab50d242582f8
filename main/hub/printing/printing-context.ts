// What printing takes from the running hub, and nothing else: the hub (its ledger for the
// print events and the printing tables' reads, the lobby for the ticket, the clock), the alert
// book (printer faults), the branch's name (on the ticket), the hub's own printer, and which
// devices are kiosks (only a kiosk is given a printer).
import type { AlertBook } from '../alerts/alert-book.js';
import type { Hub } from '../lobby/hub.js';
import type { Branch } from '../lobby/views.js';

export interface PrintingContext {
  hub: Hub;
  alerts: AlertBook;
  branch: Branch;
  /** The printer URI the hub was started with (--printer): every kiosk without its own prints there. */
  hubPrinter: string | null;
  /** The role a device was registered with; undefined when there is no such device. */
  deviceRole(device: string): string | undefined;
}

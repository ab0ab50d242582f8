// A printer's conditions as the manager's alerts: one open alert per device and condition
// (key printer:<device>:<condition>), resolved as soon as the condition clears; and one alert
// per ticket the printer took but never confirmed, which a person closes.
import type { AlertKind } from '../../common/alerts.js';
import { PRINTER_CONDITIONS, type PrinterStatus } from '../../common/print.js';
import type { AlertBook } from '../alerts/alert-book.js';
import type { PrintingContext } from './printing-context.js';

export function syncPrinterAlerts(alerts: AlertBook, device: string, uri: string, status: PrinterStatus): void {
  for (const condition of PRINTER_CONDITIONS) {
    const key = `printer:${device}:${condition}`;
    if (status.conditions.includes(condition)) {
      alerts.raise({ kind: `printer_${condition}` as AlertKind, key, device, details: { printer: uri, checkedAt: status.checkedAt } }, null);
    } else if (alerts.isOpen(key)) alerts.resolve(key);
  }
}

/**
 * The printer took every byte of this ticket and never said it was done: the manager may be
 * asked for it, and reprints it if no ticket came out (nothing else sends it again).
 * `statusRead`: the printer answered its status afterwards with no fault.
 */
export function raiseUnconfirmed(ctx: Pick<PrintingContext, 'hub' | 'alerts'>, ticketId: string, device: string, uri: string, statusRead: boolean): void {
  const number = ctx.hub.state.tickets[ticketId]?.number ?? null;
  ctx.alerts.raise(
    { kind: 'printer_outcome_unknown', key: `print:${ticketId}`, ticket: number, device, details: { printer: uri, ticketId, statusRead } },
    null,
  );
}

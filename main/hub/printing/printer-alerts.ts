// A printer's conditions as the manager's alerts: one open alert per device and condition
// (key printer:<device>:<condition>), resolved as soon as the condition clears.
import type { AlertKind } from '../../common/alerts.js';
import { PRINTER_CONDITIONS, type PrinterStatus } from '../../common/print.js';
import type { AlertBook } from '../alerts/alert-book.js';

export function syncPrinterAlerts(alerts: AlertBook, device: string, uri: string, status: PrinterStatus): void {
  for (const condition of PRINTER_CONDITIONS) {
    const key = `printer:${device}:${condition}`;
    if (status.conditions.includes(condition)) {
      alerts.raise({ kind: `printer_${condition}` as AlertKind, key, device, details: { printer: uri, checkedAt: status.checkedAt } }, null);
    } else if (alerts.isOpen(key)) alerts.resolve(key);
  }
}

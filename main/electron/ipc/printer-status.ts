// printer:status — the health of the printer cabled to this kiosk (DLE EOT now), so the page
// can say why a ticket did not print and print it again by itself once the printer is back.
import { PrinterStatusRequest, type LocalPrinterAnswer } from '../../common/kiosk-bridge.js';
import type { LocalPrinter } from '../kiosk/local-printer.js';
import { assertFromHub } from './sender.js';
import type { IpcHandler, SettingsAccess } from './types.js';

export const CHANNEL = 'printer:status';

export function printerStatusHandler(settings: SettingsAccess, localPrinter: () => LocalPrinter | null): IpcHandler<typeof CHANNEL> {
  return async (event, request): Promise<LocalPrinterAnswer> => {
    assertFromHub(CHANNEL, event, settings.get().hubUrl);
    PrinterStatusRequest.parse(request);
    const printer = localPrinter();
    return printer ? printer.status() : { configured: false, status: null };
  };
}

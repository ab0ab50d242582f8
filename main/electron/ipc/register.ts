// Wires every channel of the bridge to its handler. The map type makes a channel that has no
// handler (or a handler on an unknown channel) a compile error.
import { ipcMain } from 'electron';
import type { IpcChannel } from '../../common/ipc.js';
import type { TerminalSettings } from '../../common/settings.js';
import type { CertificatePins } from '../cert-pin.js';
import type { FetchLike } from '../hub-call.js';
import type { LocalPrinter } from '../kiosk/local-printer.js';
import { appInfoHandler } from './app-info.js';
import { kioskExitHandler } from './kiosk-exit.js';
import { printerPrintTicketHandler } from './printer-print-ticket.js';
import { printerStatusHandler } from './printer-status.js';
import { settingsGetHandler } from './settings-get.js';
import { settingsSetPairingHandler } from './settings-set-pairing.js';
import type { IpcHandler, SettingsAccess } from './types.js';

export interface IpcDeps {
  settings: SettingsAccess;
  appVersion: () => string;
  onPaired: (settings: TerminalSettings) => void;
  /** The printer cabled to this kiosk, or null to print through the hub. */
  localPrinter?: () => LocalPrinter | null;
  /** Called once the hub has accepted a staff member's exit from kiosk mode. */
  onKioskExit?: (staffId: string) => void;
  fetch?: FetchLike;
  /** The certificates the hub presented, so pairing can pin the right one. */
  certificates?: CertificatePins;
}

export function ipcHandlers(deps: IpcDeps): { [C in IpcChannel]: IpcHandler<C> } {
  return {
    'settings:get': settingsGetHandler(deps.settings),
    'settings:set-pairing': settingsSetPairingHandler(deps.settings, deps.fetch ?? fetch, deps.onPaired, deps.certificates),
    'app:info': appInfoHandler(deps.settings, deps.appVersion),
    'kiosk:exit': kioskExitHandler(deps.settings, deps.fetch ?? fetch, deps.onKioskExit ?? (() => undefined)),
    'printer:print-ticket': printerPrintTicketHandler(deps.settings, deps.localPrinter ?? (() => null), deps.fetch ?? fetch),
    'printer:status': printerStatusHandler(deps.settings, deps.localPrinter ?? (() => null)),
  };
}

export function registerIpc(deps: IpcDeps): void {
  for (const [channel, handler] of Object.entries(ipcHandlers(deps))) {
    ipcMain.handle(channel, handler);
  }
}

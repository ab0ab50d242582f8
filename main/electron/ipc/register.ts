// Wires every channel of the bridge to its handler. The map type makes a channel that has no
// handler (or a handler on an unknown channel) a compile error.
import { ipcMain } from 'electron';
import type { IpcChannel } from '../../common/ipc.js';
import type { TerminalSettings } from '../../common/settings.js';
import { appInfoHandler } from './app-info.js';
import { settingsGetHandler } from './settings-get.js';
import { settingsSetPairingHandler } from './settings-set-pairing.js';
import type { IpcHandler, SettingsAccess } from './types.js';

export interface IpcDeps {
  settings: SettingsAccess;
  appVersion: () => string;
  onPaired: (settings: TerminalSettings) => void;
}

export function ipcHandlers(deps: IpcDeps): { [C in IpcChannel]: IpcHandler<C> } {
  return {
    'settings:get': settingsGetHandler(deps.settings),
    'settings:set-pairing': settingsSetPairingHandler(deps.settings, deps.onPaired),
    'app:info': appInfoHandler(deps.settings, deps.appVersion),
  };
}

export function registerIpc(deps: IpcDeps): void {
  for (const [channel, handler] of Object.entries(ipcHandlers(deps))) {
    ipcMain.handle(channel, handler);
  }
}

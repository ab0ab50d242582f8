// The bridge between the hub's page and this terminal's main process, exposed as
// `window.atrium`: one method per IPC channel of main/common/ipc.ts, each a single
// ipcRenderer.invoke with exactly one argument, and nothing else (no ipcRenderer, no Node).
//
// Why the channel names are written out here instead of imported: this preload runs in a
// sandboxed renderer, whose `require` knows only 'electron' and a few built-ins, not our
// files. Importing main/common at run time would need a bundler; instead the table is
// inlined and tied to the contract by types only (erased from the CommonJS output), so a
// renamed or missing channel fails to compile, and preload/index.test.ts checks the table
// equals BRIDGE_CHANNELS and that the compiled file requires nothing but 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import type { AtriumBridge, BRIDGE_CHANNELS, SetPairingRequest } from '../main/common/ipc.js';
import type { KioskExitRequest, PrintTicketRequest } from '../main/common/kiosk-bridge.js';

type ContractTable = typeof BRIDGE_CHANNELS; // a type only: erased from the output

const CHANNELS = {
  getSettings: 'settings:get',
  setPairing: 'settings:set-pairing',
  appInfo: 'app:info',
  exitKiosk: 'kiosk:exit',
  printTicket: 'printer:print-ticket',
  printerStatus: 'printer:status',
} as const satisfies ContractTable;

const bridge: AtriumBridge = {
  getSettings: () => ipcRenderer.invoke(CHANNELS.getSettings),
  setPairing: (request: SetPairingRequest) => ipcRenderer.invoke(CHANNELS.setPairing, request),
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo),
  exitKiosk: (request: KioskExitRequest) => ipcRenderer.invoke(CHANNELS.exitKiosk, request),
  printTicket: (request: PrintTicketRequest) => ipcRenderer.invoke(CHANNELS.printTicket, request),
  printerStatus: () => ipcRenderer.invoke(CHANNELS.printerStatus),
};

contextBridge.exposeInMainWorld('atrium', bridge);

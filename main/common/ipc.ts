// The typed bridge between a terminal's page and its Electron main process: channel names,
// request schemas (zod, checked in main: the page is never trusted) and response types.
// The preload exposes it as `window.atrium` (type AtriumBridge); the renderer imports the
// types from here. Each channel has one handler in main/electron/ipc/<channel>.ts.
import { z } from 'zod';
import { PairBody } from './api.js';
import type { TerminalSettings } from './settings.js';
import type { KioskExitAnswer, KioskExitRequest, LocalPrintAnswer, LocalPrinterAnswer, PrintTicketRequest } from './kiosk-bridge.js';

export const IPC_CHANNELS = ['settings:get', 'settings:set-pairing', 'app:info', 'kiosk:exit', 'printer:print-ticket', 'printer:status'] as const;
export type IpcChannel = (typeof IPC_CHANNELS)[number];

/** settings:get takes nothing. */
export const SettingsGetRequest = z.undefined();

/**
 * settings:set-pairing: the one-time pairing code a person typed or scanned. Main itself
 * trades it with its own hub (POST /api/devices/pair) and keeps only the token and role the
 * hub answers: a page can neither name a role nor point the terminal at another hub.
 */
export const SetPairingRequest = z.strictObject({
  pairingCode: PairBody.shape.pairingCode,
  /**
   * The hub certificate's fingerprint from the pairing QR or code (whole, or its first
   * groups as a person types them); main pins it only if it is the certificate it sees.
   */
  certFingerprint: z.string().max(128).optional(),
});
export type SetPairingRequest = z.infer<typeof SetPairingRequest>;

/** The terminal's settings once the hub accepted the code, else the hub's refusal. */
export type SetPairingAnswer = { ok: true; settings: TerminalSettings } | { ok: false; code: string; message: string };

/** app:info takes nothing. */
export const AppInfoRequest = z.undefined();

export interface AppInfo {
  version: string;
  electron: string;
  chrome: string;
  platform: string;
  arch: string;
  hostsHub: boolean;
}

/** Request and response of every channel: handlers and the preload are typed against it. */
export interface IpcContract {
  'settings:get': { request: undefined; response: TerminalSettings };
  'settings:set-pairing': { request: SetPairingRequest; response: SetPairingAnswer };
  'app:info': { request: undefined; response: AppInfo };
  'kiosk:exit': { request: KioskExitRequest; response: KioskExitAnswer };
  'printer:print-ticket': { request: PrintTicketRequest; response: LocalPrintAnswer };
  'printer:status': { request: undefined; response: LocalPrinterAnswer };
}

/** `window.atrium` as the preload exposes it: one method per channel, nothing else. */
export interface AtriumBridge {
  getSettings(): Promise<IpcContract['settings:get']['response']>;
  setPairing(request: SetPairingRequest): Promise<IpcContract['settings:set-pairing']['response']>;
  appInfo(): Promise<IpcContract['app:info']['response']>;
  exitKiosk(request: KioskExitRequest): Promise<IpcContract['kiosk:exit']['response']>;
  printTicket(request: PrintTicketRequest): Promise<IpcContract['printer:print-ticket']['response']>;
  printerStatus(): Promise<IpcContract['printer:status']['response']>;
}

/** Which channel each bridge method invokes; the preload inlines the same table (see there). */
export const BRIDGE_CHANNELS = {
  getSettings: 'settings:get',
  setPairing: 'settings:set-pairing',
  appInfo: 'app:info',
  exitKiosk: 'kiosk:exit',
  printTicket: 'printer:print-ticket',
  printerStatus: 'printer:status',
} as const satisfies Record<keyof AtriumBridge, IpcChannel>;

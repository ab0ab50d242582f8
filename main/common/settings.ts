// The terminal's own settings, kept by the Electron shell (electron-store) and shown to the
// page through the `settings:get` bridge call. Isomorphic: no Node or Electron imports,
// so the renderer can import the types and the schema too.
import { z } from 'zod';

/** The screens a terminal can open: the web app's role routes (CONTRACT.md "Web app"). */
export const TERMINAL_ROLES = ['kiosk', 'counter', 'manager', 'display', 'supervisor', 'admin'] as const;
export type TerminalRole = (typeof TERMINAL_ROLES)[number];

export const DEFAULT_HUB_PORT = 4180;

/** An http(s) origin-style URL, with no credentials: the page is loaded from it. */
export const HubUrl = z
  .url({ protocol: /^https?$/ })
  .refine((u) => {
    const parsed = new URL(u);
    return parsed.username === '' && parsed.password === '';
  }, 'a hub URL carries no credentials');

/** A printer URI as `atrium print-test --printer` takes it (CONTRACT.md "Command line"). */
export const PrinterUri = z.string().regex(/^(tcp:\/\/[^\s/]+:\d+|serial:\/dev\/\S+|file:\/dev\/\S+)$/, 'a printer URI is tcp://HOST:PORT, serial:/dev/… or file:/dev/…');

/** A certificate's SHA-256 fingerprint as browsers show it: AA:BB:… (32 groups). */
export const CertFingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'a SHA-256 fingerprint AA:BB:…');

export const TerminalSettings = z.strictObject({
  /** null until the terminal is paired with a hub: the window then shows the pairing page. */
  role: z.enum(TERMINAL_ROLES).nullable(),
  /** Where the screens and the API are served; the only origin the window may navigate to. */
  hubUrl: HubUrl,
  /** The device token the hub gave at pairing; null before pairing. */
  deviceToken: z.string().min(1).max(512).nullable(),
  /**
   * The hub's certificate, pinned at pairing: the shell accepts exactly this certificate for
   * the hub and no other (null: an http hub, or not yet paired).
   */
  hubFingerprint: CertFingerprint.nullable(),
  /** True on the one terminal that runs the branch hub (in a utility process). */
  hostsHub: z.boolean(),
  hubPort: z.number().int().min(1).max(65535),
  /** The hub's data directory, used only when hostsHub. */
  dataDir: z.string().min(1),
  /** A printer cabled to this terminal (kiosk), or null to print through the hub. */
  localPrinter: PrinterUri.nullable(),
});
export type TerminalSettings = z.infer<typeof TerminalSettings>;

/** Settings of a terminal that was never configured: it talks to a hub on this machine. */
export function defaultSettings(dataDir: string): TerminalSettings {
  return {
    role: null,
    hubUrl: `http://127.0.0.1:${DEFAULT_HUB_PORT}`,
    deviceToken: null,
    hubFingerprint: null,
    hostsHub: false,
    hubPort: DEFAULT_HUB_PORT,
    dataDir,
    localPrinter: null,
  };
}

/** A terminal is paired once it knows both its role and its token. */
export function isPaired(s: TerminalSettings): s is TerminalSettings & { role: TerminalRole; deviceToken: string } {
  return s.role !== null && s.deviceToken !== null;
}

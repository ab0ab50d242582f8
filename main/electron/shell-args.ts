// First-time set-up from the command line, so an installer or a desktop shortcut can point a
// terminal at its hub without a local settings page:
//   atrium --hub-url=http://10.1.2.3:4180      this terminal uses the hub there
//   atrium --hosts-hub [--hub-port=4180]        this terminal runs the branch hub itself
//   atrium --hub-fingerprint=AA:BB:…            pins the hub's certificate before the first
//                                               pairing (from `atrium tls fingerprint` on the hub)
// Values are checked with the settings schema; a bad one is ignored and reported.
import { CertFingerprint, HubUrl, TerminalSettings } from '../common/settings.js';
import { normaliseFingerprint } from './cert-pin.js';

export interface ShellArgs {
  patch: Partial<TerminalSettings>;
  problems: string[];
}

export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const patch: Partial<TerminalSettings> = {};
  const problems: string[] = [];
  for (const arg of argv) {
    const [flag, value] = splitFlag(arg);
    if (flag === '--hub-url' && value !== undefined) {
      const parsed = HubUrl.safeParse(value);
      if (parsed.success) patch.hubUrl = new URL(parsed.data).origin;
      else problems.push(`--hub-url: not an http(s) URL: ${value}`);
    } else if (flag === '--hub-fingerprint' && value !== undefined) {
      const parsed = CertFingerprint.safeParse(normaliseFingerprint(value));
      if (parsed.success) patch.hubFingerprint = parsed.data;
      else problems.push(`--hub-fingerprint: not a SHA-256 fingerprint: ${value}`);
    } else if (flag === '--hosts-hub') {
      patch.hostsHub = value === undefined || value === 'true';
    } else if (flag === '--hub-port' && value !== undefined) {
      const parsed = TerminalSettings.shape.hubPort.safeParse(Number(value));
      if (parsed.success) patch.hubPort = parsed.data;
      else problems.push(`--hub-port: not a port number: ${value}`);
    }
  }
  return { patch, problems };
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq === -1 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

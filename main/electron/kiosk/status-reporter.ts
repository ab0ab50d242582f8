// Polls the printer cabled to this kiosk (DLE EOT) and reports each change of its health to
// the hub (POST /api/printing/mine/status), which turns it into the manager's printer alerts,
// as it does for the printers it polls itself. Once a second, as the hub polls: a fault
// reaches the manager well within the 5 seconds the issue asks.
import type { PrinterStatus } from '../../common/print.js';
import { hubCall, type FetchLike } from '../hub-call.js';
import type { SettingsAccess } from '../ipc/types.js';
import type { LocalPrinter } from './local-printer.js';

export const REPORT_MS = 1000;
/** Reported again even without a change, so a hub restarted in between learns it too. */
export const REFRESH_MS = 60_000;

const signature = (s: PrinterStatus) => `${s.reachable}:${[...s.conditions].sort().join(',')}`;

export function startPrinterStatusReporter(
  settings: SettingsAccess,
  localPrinter: () => LocalPrinter | null,
  fetchImpl: FetchLike,
  opts: { intervalMs?: number; log?: (line: string) => void } = {},
): () => void {
  let last = '';
  let lastAt = 0;
  let busy = false;
  const tick = async () => {
    const printer = localPrinter();
    const current = settings.get();
    if (!printer || busy || current.role !== 'kiosk' || !current.deviceToken) return;
    busy = true;
    try {
      const { status } = await printer.status();
      if (!status) return;
      const sig = `${printer.uri}|${signature(status)}`;
      if (sig === last && Date.now() - lastAt < REFRESH_MS) return;
      const reply = await hubCall(fetchImpl, current.hubUrl, '/api/printing/mine/status', {
        token: current.deviceToken,
        body: { uri: printer.uri, reachable: status.reachable, conditions: status.conditions },
      });
      // Only a report the hub took counts: otherwise the next tick tries again.
      if (reply.error) opts.log?.(`printer status not reported: ${reply.error.message}`);
      else {
        last = sig;
        lastAt = Date.now();
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? REPORT_MS);
  timer.unref?.(); // never what keeps a quitting shell (or a test run) alive
  void tick();
  return () => clearInterval(timer);
}

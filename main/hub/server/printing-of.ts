// The one PrintingService of a running hub, shared by the ticket and printing routes: it holds
// the jobs in flight (a retry waits for the running job instead of sending it again) and the
// printers' last status. It is given the parts of the server's context that printing uses.
import { readDevice } from '../devices/device-projector.js';
import { PrintingService } from '../printing/printing-service.js';
import type { ServerContext } from './context.js';

const services = new WeakMap<ServerContext, PrintingService>();

export function printingOf(ctx: ServerContext): PrintingService {
  let s = services.get(ctx);
  if (!s) {
    s = new PrintingService({
      hub: ctx.hub,
      alerts: ctx.alerts,
      branch: ctx.branch,
      hubPrinter: ctx.options.printer,
      deviceRole: (device) => readDevice(ctx.hub.ledger, device)?.role,
    });
    services.set(ctx, s);
  }
  return s;
}

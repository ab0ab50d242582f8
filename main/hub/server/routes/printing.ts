// The hub's printers: the admin assigns a printer to a kiosk, staff see every printer's
// health, a kiosk asks after its own (to print again by itself once it is back), and the
// admin screen's print preview (the same receiptline layout as SVG).
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { ticketSvg } from '../../../print/encode-ticket.js';
import { sampleTicket } from '../../../print/sample.js';
import { raiseUnconfirmed, syncPrinterAlerts } from '../../printing/printer-alerts.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { printingOf } from '../printing-of.js';
import { registerRoute } from '../register-route.js';
import { findTicket, requestOrigin } from './tickets.js';

export function registerPrintingRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const printing = printingOf(ctx);
  app.addHook('onReady', async () => printing.start());
  app.addHook('onClose', async () => printing.stop());

  registerRoute(app, api.printers, async () => ({ printers: printing.views() }));

  registerRoute(app, api.assignPrinter, async (request, _reply, input) => {
    const { device } = input.params;
    const { uri } = input.body;
    printing.assign(device, uri, principalOf(request).id);
    return { device, uri };
  });

  registerRoute(app, api.myPrinter, async (request) => {
    const id = principalOf(request).id;
    return { configured: printing.printerFor(id) !== null, status: printing.statusOf(id) };
  });

  // A printer cabled to a kiosk is polled by the kiosk's shell, not the hub: the shell reports
  // each change here so the manager gets the same printer alerts as for the hub's printers.
  registerRoute(app, api.myPrinterStatus, async (request, _reply, input) => {
    const body = input.body;
    const device = principalOf(request).id;
    const conditions = body.reachable ? body.conditions : [...new Set([...body.conditions, 'offline' as const])];
    syncPrinterAlerts(ctx.alerts, device, body.uri, { reachable: body.reachable, conditions, checkedAt: ctx.hub.clock() });
    return { ok: true };
  });

  // A printer cabled to a kiosk took a ticket but never confirmed it (the kiosk's shell says
  // so): the manager gets the same alert as for the hub's own printers.
  registerRoute(app, api.myPrintUnconfirmed, async (request, _reply, input) => {
    const body = input.body;
    findTicket(ctx, body.ticketId);
    raiseUnconfirmed(ctx, body.ticketId, principalOf(request).id, body.uri, body.statusRead);
    return { ok: true };
  });

  registerRoute(app, api.printPreview, async (request) => {
    const sample = { ...sampleTicket(ctx.hub.clock()), branchZh: ctx.branch.nameZh, branchEn: ctx.branch.nameEn, statusUrl: `${requestOrigin(request)}/t/preview` };
    const first = Object.values(ctx.hub.state.services)[0];
    return { svg: ticketSvg(first ? { ...sample, serviceZh: first.nameZh, serviceEn: first.nameEn, number: `${first.prefix}001` } : sample) };
  });
}

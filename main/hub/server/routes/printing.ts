// The hub's printers: the admin assigns a printer to a kiosk, staff see every printer's
// health, a kiosk asks after its own (to print again by itself once it is back), and the
// admin screen's print preview (the same receiptline layout as SVG).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PRINTER_CONDITIONS, type PrinterStatus, type PrinterView } from '../../../common/print.js';
import { PrinterUri } from '../../../common/settings.js';
import { ticketSvg } from '../../../print/encode-ticket.js';
import { sampleTicket } from '../../../print/sample.js';
import { raiseUnconfirmed, syncPrinterAlerts } from '../../printing/printer-alerts.js';
import type { ServerContext } from '../context.js';
import { allow, principalOf } from '../guard.js';
import { printingOf } from '../printing-of.js';
import { findTicket, requestOrigin } from './tickets.js';

const AssignBody = z.strictObject({ uri: PrinterUri.nullable() });
/** What a kiosk's Electron shell reads from the printer cabled to it (DLE EOT). */
const UnconfirmedBody = z.strictObject({ ticketId: z.string().min(1).max(64), uri: PrinterUri, statusRead: z.boolean() });
const LocalStatusBody = z.strictObject({
  uri: PrinterUri,
  reachable: z.boolean(),
  conditions: z.array(z.enum(PRINTER_CONDITIONS)).max(PRINTER_CONDITIONS.length),
});

export function registerPrintingRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const printing = printingOf(ctx);
  app.addHook('onReady', async () => printing.start());
  app.addHook('onClose', async () => printing.stop());

  app.get('/api/printing/printers', { preHandler: allow('admin', 'manager') }, async (): Promise<{ printers: PrinterView[] }> => ({ printers: printing.views() }));

  app.put('/api/printing/assignments/:device', { preHandler: allow('admin') }, async (request) => {
    const { device } = request.params as { device: string };
    const { uri } = AssignBody.parse(request.body ?? {});
    printing.assign(device, uri, principalOf(request).id);
    return { device, uri };
  });

  app.get('/api/printing/mine', { preHandler: allow('kiosk') }, async (request): Promise<{ configured: boolean; status: PrinterStatus | null }> => {
    const id = principalOf(request).id;
    return { configured: printing.printerFor(id) !== null, status: printing.statusOf(id) };
  });

  // A printer cabled to a kiosk is polled by the kiosk's shell, not the hub: the shell reports
  // each change here so the manager gets the same printer alerts as for the hub's printers.
  app.post('/api/printing/mine/status', { preHandler: allow('kiosk') }, async (request) => {
    const body = LocalStatusBody.parse(request.body ?? {});
    const device = principalOf(request).id;
    const conditions = body.reachable ? body.conditions : [...new Set([...body.conditions, 'offline' as const])];
    syncPrinterAlerts(ctx.alerts, device, body.uri, { reachable: body.reachable, conditions, checkedAt: ctx.hub.clock() });
    return { ok: true };
  });

  // A printer cabled to a kiosk took a ticket but never confirmed it (the kiosk's shell says
  // so): the manager gets the same alert as for the hub's own printers.
  app.post('/api/printing/mine/unconfirmed', { preHandler: allow('kiosk') }, async (request) => {
    const body = UnconfirmedBody.parse(request.body ?? {});
    findTicket(ctx, body.ticketId);
    raiseUnconfirmed(ctx, body.ticketId, principalOf(request).id, body.uri, body.statusRead);
    return { ok: true };
  });

  app.get('/api/printing/preview', { preHandler: allow('admin', 'manager') }, async (request): Promise<{ svg: string }> => {
    const sample = { ...sampleTicket(ctx.hub.clock()), branchZh: ctx.branch.nameZh, branchEn: ctx.branch.nameEn, statusUrl: `${requestOrigin(request)}/t/preview` };
    const first = Object.values(ctx.hub.state.services)[0];
    return { svg: ticketSvg(first ? { ...sample, serviceZh: first.nameZh, serviceEn: first.nameEn, number: `${first.prefix}001` } : sample) };
  });
}

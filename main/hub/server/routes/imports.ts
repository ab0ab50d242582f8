// The imports' previews and the appointments import (the VIP register's import itself is in
// customers.ts, with the rest of the register). Each reads the file, then hands the rows on;
// a preview writes nothing.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { importAppointments, previewAppointmentImport } from '../../customers/appointment-import.js';
import { previewVipImport } from '../../customers/vip-register.js';
import { bytesOf, readTable } from '../../imports/read-table.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { registerRoute } from '../register-route.js';

export function registerImportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;

  registerRoute(app, api.vipImportPreview, async (_request, _reply, input) => previewVipImport(hub, await readTable(bytesOf(input.body))));

  registerRoute(app, api.appointmentImportPreview, async (_request, _reply, input) => previewAppointmentImport(hub, await readTable(bytesOf(input.body))));

  registerRoute(app, api.appointmentImport, async (request, _reply, input) => {
    const table = await readTable(bytesOf(input.body));
    return importAppointments(hub, table, input.body.onlyValid, principalOf(request).id);
  });
}

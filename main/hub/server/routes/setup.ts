// The first start of a branch without --demo: GET says whether it needs setting up, POST sets
// it up with the code the hub printed (hub/setup/).
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { signIn } from '../../auth/sessions.js';
import { setUpBranch } from '../../setup/branch-setup.js';
import { needsSetup } from '../../setup/setup-gate.js';
import type { ServerContext } from '../context.js';
import { registerRoute } from '../register-route.js';

export function registerSetupRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub, options } = ctx;

  registerRoute(app, api.setupStatus, async () => ({ needed: needsSetup(hub) }));

  registerRoute(app, api.setUp, async (request, _reply, input) => {
    const body = input.body;
    await setUpBranch(hub, body, request.ip);
    // Screens and tickets read the names from here: the new ones hold from now on, without a restart.
    Object.assign(ctx.branch, { nameZh: body.branch.nameZh, nameEn: body.branch.nameEn });
    const now = hub.clock();
    const token = signIn(hub, { staffId: body.admin.staffId, role: 'admin' }, now, now + options.staffSessionHours * 3_600_000);
    return { token, role: 'admin' as const, staffId: body.admin.staffId, demoPin: false };
  });
}

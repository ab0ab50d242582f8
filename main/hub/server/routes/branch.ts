// The branch's set-up from the admin's branch tab. Every change is an event committed through
// the hub with the admin as actor, and takes effect at once: services and counters are queue
// events (the lobby and its live feed carry them), the rest settings read at each use.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { DomainError } from '../../../common/errors.js';
import { own } from '../../../common/own.js';
import { countersView, toApiService } from '../../lobby/views.js';
import { serviceFromDefinition } from '../../lobby/service-definition.js';
import { recordsSettings } from '../../records/settings.js';
import { settingChanged } from '../../settings/settings-projector.js';
import { kioskChoicesChanged, kioskChoicesOf } from '../../kiosk/choices.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { registerRoute } from '../register-route.js';
import { registerCustomerSecretRoutes } from './customer-secret.js';

export function registerBranchRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;

  registerRoute(app, api.defineService, async (request, _reply, input) => {
    const body = input.body;
    const service = serviceFromDefinition(hub.state, body);
    hub.execute({ type: 'service.define', service }, principalOf(request).id);
    return { service: toApiService(hub.state.services[body.code]!) };
  });

  registerRoute(app, api.defineCounter, async (request, _reply, input) => {
    const { counter, services, label } = input.body;
    // The engine answers an unknown service with 404 (a ticket naming one); here it is the form's mistake.
    const unknown = services.find((s) => !own(hub.state.services, s));
    if (unknown !== undefined) throw new DomainError('invalid', 'unknown_service', `There is no service "${unknown}": define it first.`);
    const cleanLabel = label === undefined ? undefined : label === null || label === '' ? null : label;
    hub.execute({ type: 'counter.define', counter, services, ...(cleanLabel === undefined ? {} : { label: cleanLabel }) }, principalOf(request).id);
    return { counter: countersView(hub.state).find((c) => c.id === counter)! };
  });

  registerRoute(app, api.branchNames, async () => ({ nameZh: ctx.branch.nameZh, nameEn: ctx.branch.nameEn }));

  registerRoute(app, api.setBranchNames, async (request, _reply, input) => {
    const { nameZh, nameEn } = input.body;
    const events = [
      ...(nameZh === ctx.branch.nameZh ? [] : [settingChanged('branch.nameZh', nameZh)]),
      ...(nameEn === ctx.branch.nameEn ? [] : [settingChanged('branch.nameEn', nameEn)]),
    ];
    if (events.length > 0) hub.commit(events, principalOf(request).id);
    // The snapshot, the feed and the printer read these fields at each use: changed in place, they apply at once.
    ctx.branch.nameZh = nameZh;
    ctx.branch.nameEn = nameEn;
    return { nameZh, nameEn };
  });

  registerRoute(app, api.openingHours, async () => {
    const { openingTime, closingTime, patrolTimes } = recordsSettings(hub.ledger.db);
    return { openingTime, closingTime, patrolTimes };
  });

  registerRoute(app, api.setOpeningHours, async (request, _reply, input) => {
    const body = { ...input.body, patrolTimes: [...input.body.patrolTimes].sort() };
    const now = recordsSettings(hub.ledger.db);
    // records.* settings hold JSON (recordsSettings parses them): '"09:00"', '["11:00"]'.
    const events = (['openingTime', 'closingTime', 'patrolTimes'] as const)
      .filter((k) => JSON.stringify(body[k]) !== JSON.stringify(now[k]))
      .map((k) => settingChanged(`records.${k}`, JSON.stringify(body[k])));
    if (events.length > 0) hub.commit(events, principalOf(request).id);
    return body;
  });

  registerRoute(app, api.setKioskChoices, async (request, _reply, input) => {
    const { choices } = input.body;
    const ids = new Set(choices.map((c) => c.id));
    if (ids.size !== choices.length) throw new DomainError('invalid', 'duplicate_choice', 'Two kiosk choices have the same id.');
    const unknown = choices.find((c) => c.service !== null && !own(hub.state.services, c.service));
    if (unknown) throw new DomainError('invalid', 'unknown_service', `Choice "${unknown.nameZh}" names service "${unknown.service}", which the branch does not have.`);
    const both = choices.find((c) => c.service !== null && c.selfService !== null);
    if (both) throw new DomainError('invalid', 'invalid_choice', `Choice "${both.nameZh}" either issues a ticket or sends to self-service, not both.`);
    hub.commit([kioskChoicesChanged(choices)], principalOf(request).id);
    return { choices: kioskChoicesOf(hub) };
  });

  registerCustomerSecretRoutes(app, ctx);
}

// What a service definition (POST /api/services, or head office's services document) makes
// of the service with that code: the code is its identity, everything else is as given.
import type { LobbyState, Service } from '../../common/domain.js';
import { own } from '../../common/own.js';
import type { DefineServiceBody } from '../../common/routes/branch.js';
import type { z } from 'zod';

/** The estimator's guess of a service's length before the day has served anyone of it. */
const DEFAULT_PRIOR_SERVICE_MINUTES = 5;

/** `priorServiceMinutes` keeps the service's current value when omitted, 5 minutes for a new one. */
export function serviceFromDefinition(state: LobbyState, body: z.infer<typeof DefineServiceBody>): Service {
  const existing = own(state.services, body.code);
  return {
    code: body.code,
    prefix: body.prefix,
    nameZh: body.nameZh,
    nameEn: body.nameEn,
    targetWaitMinutes: body.targetWaitMinutes,
    maxWaitMinutes: body.maxWaitMinutes,
    priorServiceMinutes: body.priorServiceMinutes ?? existing?.priorServiceMinutes ?? DEFAULT_PRIOR_SERVICE_MINUTES,
  };
}

// Sharing the customer secret between branches, as `atrium customer-secret` does, from the
// admin's screen. Decisions (what is safe):
// - the admin re-enters their own PIN before the secret is shown or set: a sign-in left open
//   on the admin terminal is not enough to carry the secret away. The PIN goes through the
//   same guard as signing (its failures count towards the same locks) and these routes have
//   the PIN routes' per-address rate limit (pin-rate-limit.ts);
// - the secret travels only in the answer to the admin's own request (no-store), never in an
//   event, a log line (request bodies are not logged) or the live feed: showing it records
//   `customer_secret.shown` and setting it records its fingerprint, each with the admin as actor;
// - setting a different secret once customers are keyed is refused, as the CLI refuses it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { api } from '../../../common/routes/index.js';
import { checkStaffPin } from '../../auth/staff-pin.js';
import { branchSecret } from '../../customers/customer-key.js';
import { tablesHoldingCustomerKeys } from '../../customers/customers-projector.js';
import { fingerprintOf, writeSharedSecret } from '../../customers/shared-secret.js';
import type { ServerContext } from '../context.js';
import { principalOf } from '../guard.js';
import { registerRoute } from '../register-route.js';

function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

export function registerCustomerSecretRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;
  const state = () => ({ fingerprint: fingerprintOf(branchSecret(hub.ledger.db)), customersKeyed: tablesHoldingCustomerKeys(hub.ledger.db).length > 0 });

  registerRoute(app, api.customerSecret, async () => state());

  registerRoute(app, api.showCustomerSecret, async (request, reply, input) => {
    const me = principalOf(request).id;
    await checkStaffPin(hub, me, input.body.pin, 'sign', request.ip);
    const secret = branchSecret(hub.ledger.db);
    const fingerprint = fingerprintOf(secret);
    hub.audit({ type: 'customer_secret.shown', fingerprint }, me);
    noStore(reply);
    return { secret, fingerprint };
  });

  registerRoute(app, api.setCustomerSecret, async (request, reply, input) => {
    const me = principalOf(request).id;
    await checkStaffPin(hub, me, input.body.pin, 'sign', request.ip);
    const { event } = writeSharedSecret(hub.ledger.db, input.body.secret);
    hub.audit(event, me);
    noStore(reply);
    return state();
  });
}

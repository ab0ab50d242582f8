// One guard per hub for every PIN check (login and signing): the attempt counter that locks
// an ID and the audit of failures. Signing code reaches it through the hub alone, so that a
// wrong PIN at the signature pad counts towards the same lock, with the same policy, as at login.
import type { Hub } from '../lobby/hub.js';
import { AttemptCounter } from './attempts.js';
import { DEFAULT_FAILURE_AUDIT, FailureAudit, type FailureAuditPolicy } from './failure-audit.js';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from '../../common/throttle.js';

export interface PinGuardPolicy {
  throttle: ThrottlePolicy;
  failureAudit: FailureAuditPolicy;
}

export class PinGuard {
  readonly attempts: AttemptCounter;
  readonly audit: FailureAudit;

  constructor(
    readonly hub: Hub,
    readonly policy: PinGuardPolicy,
  ) {
    this.attempts = new AttemptCounter(hub.ledger, policy.throttle, policy.failureAudit.maxUnknownIds);
    this.audit = new FailureAudit(hub, policy.failureAudit);
  }

  /** An admin lifts every lock of an ID early; false for an unknown ID (nothing written). */
  unlock(staffId: string, actor: string): boolean {
    if (!this.attempts.knows(staffId)) return false;
    this.hub.audit({ type: 'auth.unlocked', staffId }, actor);
    this.attempts.forget(staffId);
    return true;
  }

  /** Writes the failures still tallied; call before the ledger closes. */
  close(): void {
    this.audit.close();
  }
}

const guards = new WeakMap<Hub, PinGuard>();

/** The server attaches its guard (with the hub's options and a timer that writes ended windows). */
export function attachPinGuard(hub: Hub, policy: PinGuardPolicy): PinGuard {
  const guard = new PinGuard(hub, policy);
  guard.audit.startTimer();
  guards.set(hub, guard);
  return guard;
}

/** The hub's guard; a hub with no server (a script, a unit test) gets the default policy. */
export function pinGuardOf(hub: Hub): PinGuard {
  let guard = guards.get(hub);
  if (!guard) {
    guard = new PinGuard(hub, { throttle: DEFAULT_THROTTLE, failureAudit: DEFAULT_FAILURE_AUDIT });
    guards.set(hub, guard);
  }
  return guard;
}

// The setup code of a hub started with no admin: printed once at start, kept in this hub's
// memory only (a restart before setup prints a new one; no file or ledger ever holds a code
// that still works), spent by the first successful setup. Whoever can read the hub's console
// sets the branch up; guessing from the network is slowed and locked like PINs (the same
// throttle policy, per address and over every address), on top of the per-address rate limit.
import { createHash, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '../../common/errors.js';
import { enabledAdminCount } from '../auth/staff-projector.js';
import { pinGuardOf } from '../auth/pin-guard.js';
import { RecentMap } from '../../common/recent-map.js';
import { failureDelayMs, lockEverywhereAfter, NO_ATTEMPTS, reserveAttempt, type AttemptState } from '../../common/throttle.js';
import { newPairingCode, normalisePairingCode } from '../../node/tokens.js';
import type { Hub } from '../lobby/hub.js';

const digest = (code: string) => createHash('sha256').update(normalisePairingCode(code)).digest();

/** Whether the branch still lacks an admin who can sign in: the hub offers /setup until one exists. */
export function needsSetup(hub: Hub): boolean {
  return enabledAdminCount(hub.ledger) === 0;
}

export class SetupGate {
  private readonly codeDigest: Buffer;
  private state: 'open' | 'claimed' | 'spent' = 'open';
  private everywhere: AttemptState = NO_ATTEMPTS;
  private readonly bySource = new RecentMap<string, AttemptState>(10_000);

  constructor(
    private readonly hub: Hub,
    /** Shown once, on the hub's console. */
    readonly code: string = newPairingCode(8),
  ) {
    this.codeDigest = digest(code);
  }

  /** Refuses (409 `already_set_up`) once an admin exists, or while another setup is being written. */
  requireOpen(): void {
    if (this.state !== 'open' || !needsSetup(this.hub)) throw new DomainError('conflict', 'already_set_up', 'This branch is already set up: sign in instead.');
  }

  /**
   * Checks a code: 403 `wrong_setup_code` after a delay growing with each failure; 429
   * `setup_locked` while locked (the right code included). The attempt is counted before the
   * code is compared, with no await in between, so parallel guesses count one each.
   */
  async check(code: string, source: string | null): Promise<void> {
    const policy = pinGuardOf(this.hub).policy.throttle;
    const now = this.hub.clock();
    const key = source ?? '';
    const all = reserveAttempt(lockEverywhereAfter(policy), policy.lockMs, this.everywhere, now);
    const here = all.refused ? all : reserveAttempt(policy.lockAfter, policy.lockMs, this.bySource.get(key) ?? NO_ATTEMPTS, now);
    if (all.refused || here.refused) {
      const until = all.refused ? all.lockedUntil : here.refused ? here.lockedUntil : now;
      const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
      throw new DomainError('too_many', 'setup_locked', `Too many wrong setup codes; try again in ${minutes} minute(s).`);
    }
    this.everywhere = all.state;
    this.bySource.set(key, here.state);
    if (timingSafeEqual(digest(code), this.codeDigest)) {
      this.bySource.delete(key);
      return;
    }
    await sleep(failureDelayMs(policy, here.attempt));
    throw new DomainError('forbidden', 'wrong_setup_code', 'That setup code is not right: copy it from the window where the hub was started.');
  }

  /** Taken before the PIN is hashed, so two setups at once cannot both write: the second is 409. */
  claim(): void {
    this.requireOpen();
    this.state = 'claimed';
  }

  release(): void {
    if (this.state === 'claimed') this.state = 'open';
  }

  spend(): void {
    this.state = 'spent';
  }
}

const gates = new WeakMap<Hub, SetupGate>();

/** The hub's gate, made (with a fresh code) the first time it is asked for. */
export function setupGateOf(hub: Hub): SetupGate {
  let gate = gates.get(hub);
  if (!gate) gates.set(hub, (gate = new SetupGate(hub)));
  return gate;
}

/** At start: the code to print when the branch has no admin yet, else null (and no gate). */
export function openSetupGate(hub: Hub): string | null {
  return needsSetup(hub) ? setupGateOf(hub).code : null;
}

// Sessions as the hub decides them: a sign-in or a pairing starts one (a bearer token shown
// once, its SHA-256 in the event), signing out or an idle time ends one. Expired sessions
// (past expiresAt) are simply refused: their end is already known, so nothing is written.
import type { Hub } from '../lobby/hub.js';
import { lifeMarksOf } from './life-marks.js';
import { readSession, staffSessionStarted, type SessionRow } from './session-projector.js';
import { hashSecret, newToken } from '../../node/tokens.js';

export type TokenCheck = { session: SessionRow } | { refused: 'invalid_token' | 'session_expired' };

/** Idle ends being written, so a check meanwhile still refuses them. */
const ending = new WeakMap<Hub, Set<string>>();

/**
 * The session a token opens at `now`. A staff session unused for `staffIdleMs` has ended (a
 * terminal left signed in is not a teller at it); devices never idle out. `touch` false checks
 * without counting as use (a live feed that only listens).
 */
export function checkToken(hub: Hub, token: string, now: number, staffIdleMs: number, touch: boolean): TokenCheck {
  const tokenHash = hashSecret(token);
  const session = readSession(hub.ledger, tokenHash);
  if (!session) return { refused: 'invalid_token' };
  const marks = lifeMarksOf(hub);
  if (session.expires_at <= now) {
    marks.sessionEnded(tokenHash);
    return { refused: 'invalid_token' };
  }
  if (session.staff_id === null) return { session };
  if (ending.get(hub)?.has(tokenHash)) return { refused: 'session_expired' };
  if (now - marks.sessionLastUsed(tokenHash, session.staff_id, session.created_at) > staffIdleMs) {
    endIdle(hub, tokenHash);
    return { refused: 'session_expired' };
  }
  if (touch) marks.sessionUsed(tokenHash, now);
  return { session };
}

/**
 * Records an idle end once, after the current task: the check may run while the hub tells its
 * listeners of another commit (a feed checked before a delivery), and a commit there would
 * reach some listeners before the one being told. A failed write (a full disk) is tried again
 * at the next check; the session is refused meanwhile all the same.
 */
function endIdle(hub: Hub, tokenHash: string): void {
  let pending = ending.get(hub);
  if (!pending) ending.set(hub, (pending = new Set()));
  if (pending.has(tokenHash)) return;
  pending.add(tokenHash);
  setImmediate(() => {
    try {
      if (readSession(hub.ledger, tokenHash)) hub.commit([{ type: 'session.ended', tokenHash, reason: 'idle' }], null);
      lifeMarksOf(hub).sessionEnded(tokenHash);
    } catch {
      // a full or closed database: the next check tries again
    } finally {
      pending.delete(tokenHash);
    }
  });
}

/** Signing out: the token's session ends now (a token whose session is gone writes nothing). */
export function signOut(hub: Hub, token: string, actor: string): void {
  const tokenHash = hashSecret(token);
  if (!readSession(hub.ledger, tokenHash)) return;
  hub.commit([{ type: 'session.ended', tokenHash, reason: 'signed_out' }], actor);
  lifeMarksOf(hub).sessionEnded(tokenHash);
}

/** A staff member signs in: the sign-in and its session in one commit; the token is shown once. */
export function signIn(hub: Hub, staff: { staffId: string; role: string }, now: number, expiresAt: number): string {
  const token = newToken();
  const tokenHash = hashSecret(token);
  hub.commit([{ type: 'auth.login', staffId: staff.staffId, ok: true, reason: null }, staffSessionStarted(tokenHash, staff.staffId, staff.role, expiresAt)], staff.staffId, now);
  lifeMarksOf(hub).sessionUsed(tokenHash, now);
  return token;
}

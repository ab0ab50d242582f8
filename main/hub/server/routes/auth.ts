// Staff sign-in: scrypt-hashed PINs, failures slowed then locked, every attempt audited.
import type { FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { LoginBody, type LoginAnswer } from '../../../common/api.js';
import { hashPin, verifyPin } from '../../auth/pin.js';
import { afterFailure, failureDelayMs } from '../../auth/throttle.js';
import { hashSecret, newToken } from '../../auth/tokens.js';
import type { ServerContext } from '../context.js';
import { allow, bearerToken, principalOf } from '../guard.js';
import { HttpError } from '../http-error.js';
import { ANY_TOKEN } from '../principal.js';

interface StaffRow {
  staff_id: string;
  role: string;
  pin_hash: string;
  demo_pin: number;
  failed_attempts: number;
  locked_until: number | null;
}

// Verifying against a fixed hash when the staff ID is unknown keeps both answers equally slow.
const unknownStaffHash = hashPin('unknown-staff');

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { db, hub, options } = ctx;
  const findStaff = db.prepare('SELECT staff_id, role, pin_hash, demo_pin, failed_attempts, locked_until FROM staff WHERE staff_id = ?');
  const setFailures = db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE staff_id = ?');
  const insertSession = db.prepare(
    'INSERT INTO sessions (token_hash, staff_id, device_id, role, created_at, expires_at) VALUES (?, ?, NULL, ?, ?, ?)',
  );
  // Unknown IDs are slowed too, in memory: they have no row to count in.
  const unknownFailures = new Map<string, number>();

  app.post('/api/auth/login', async (request): Promise<LoginAnswer> => {
    const { staffId, pin } = LoginBody.parse(request.body);
    const now = hub.clock();
    const staff = findStaff.get(staffId) as StaffRow | undefined;
    if (staff?.locked_until && staff.locked_until > now) {
      hub.audit({ type: 'auth.login', staffId, ok: false, reason: 'locked' }, null);
      const minutes = Math.ceil((staff.locked_until - now) / 60_000);
      throw new HttpError(429, 'account_locked', `This staff ID is locked after repeated wrong PINs; try again in ${minutes} minute(s).`);
    }
    const ok = await verifyPin(pin, staff?.pin_hash ?? (await unknownStaffHash));
    if (!staff || !ok) {
      const before = staff ? staff.failed_attempts : (unknownFailures.get(staffId) ?? 0);
      const { failures, lockedUntil } = afterFailure(options.throttle, before, now);
      if (staff) {
        hub.audit({ type: 'auth.login', staffId, ok: false, reason: 'wrong_pin' }, null, () => setFailures.run(failures, lockedUntil, staffId));
        if (lockedUntil) hub.audit({ type: 'auth.locked', staffId, until: lockedUntil }, null);
      } else {
        unknownFailures.set(staffId, failures);
        hub.audit({ type: 'auth.login', staffId, ok: false, reason: 'unknown_staff' }, null);
      }
      await sleep(failureDelayMs(options.throttle, failures));
      throw new HttpError(401, 'wrong_pin', 'The staff ID or the PIN is wrong.');
    }
    const token = newToken();
    const expires = now + options.staffSessionHours * 3_600_000;
    hub.audit({ type: 'auth.login', staffId, ok: true, reason: null }, staffId, () => {
      setFailures.run(0, null, staffId);
      insertSession.run(hashSecret(token), staffId, staff.role, now, expires);
    });
    return { token, role: staff.role as LoginAnswer['role'], staffId, demoPin: staff.demo_pin === 1 };
  });

  app.post('/api/auth/logout', { preHandler: allow(...ANY_TOKEN) }, async (request) => {
    const token = bearerToken(request);
    if (token) db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashSecret(token));
    return { ok: true };
  });

  app.get('/api/me', { preHandler: allow(...ANY_TOKEN) }, async (request) => {
    const p = principalOf(request);
    const demo = p.kind === 'staff' ? (findStaff.get(p.id) as StaffRow | undefined)?.demo_pin === 1 : false;
    return { kind: p.kind, id: p.id, role: p.role, demoPin: demo };
  });
}

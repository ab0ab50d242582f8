// The lobby tablet: a manager signs in over its device token to act, and signing out (or the
// session ending) puts the tablet back on its token, read-only, without pairing it again.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSession, getSession, setSession } from './session';

beforeEach(() => {
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
});

const device = { token: 'dev', role: 'manager' as const, deviceId: 'tablet-1' };
const person = { token: 'staff', role: 'manager' as const, staffId: 'manager' };

describe('a person signing in on a paired terminal', () => {
  it('goes back to the device token on sign-out', () => {
    setSession('manager', device);
    setSession('manager', person);
    expect(getSession('manager')?.staffId).toBe('manager');
    clearSession('manager');
    expect(getSession('manager')).toEqual(device);
    // Signing out of the device itself (unpairing) leaves nothing.
    clearSession('manager');
    expect(getSession('manager')).toBeNull();
  });

  it('a browser where only a person ever signed in is simply signed out', () => {
    setSession('manager', person);
    clearSession('manager');
    expect(getSession('manager')).toBeNull();
  });

  it('pairing again replaces the kept token', () => {
    setSession('manager', device);
    setSession('manager', person);
    setSession('manager', { ...device, token: 'dev2' });
    expect(getSession('manager')?.token).toBe('dev2');
    clearSession('manager');
    expect(getSession('manager')).toBeNull();
  });
});

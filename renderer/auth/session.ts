// The token each screen holds, kept in localStorage under its own key so that one browser
// can run several role screens side by side (e.g. a demo laptop), and a small store so that
// signing in or out re-renders the screen.
import type { Role } from '../../main/common/domain';

export type Screen = 'kiosk' | 'counter' | 'manager' | 'display' | 'supervisor' | 'admin' | 'records';

export interface Session {
  token: string;
  role: Role;
  staffId?: string;
  deviceId?: string;
  /** Set by the hub when the staff member signed in with a demo PIN. */
  demoPin?: boolean;
}

const key = (screen: Screen) => `atrium.session.${screen}`;
const listeners = new Set<() => void>();

export function getSession(screen: Screen): Session | null {
  const raw = localStorage.getItem(key(screen));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Session;
    return typeof parsed.token === 'string' ? parsed : null;
  } catch {
    return null; // a corrupt entry is treated as "not signed in"
  }
}

export function setSession(screen: Screen, session: Session): void {
  localStorage.setItem(key(screen), JSON.stringify(session));
  notify();
}

export function clearSession(screen: Screen): void {
  localStorage.removeItem(key(screen));
  notify();
}

export function subscribeSessions(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const l of listeners) l();
}

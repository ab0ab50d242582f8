// The token each screen holds, kept in localStorage under its own key so that one browser
// can run several role screens side by side (e.g. a demo laptop), and a small store so that
// signing in or out re-renders the screen.
import type { Role } from '../../main/common/domain';

export type Screen = 'kiosk' | 'counter' | 'manager' | 'display' | 'supervisor' | 'admin' | 'records' | 'rating';

/** Where a screen lives: its own name, but the satisfaction pad (role `rating`) opens /rate. */
export function screenPath(screen: Screen): string {
  return screen === 'rating' ? '/rate' : `/${screen}`;
}

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

// A paired terminal where a person signs in (the manager on the lobby tablet, "sign in to
// act") keeps its device token aside; when the person signs out or their session ends, the
// terminal goes back to it instead of having to be paired again.
const deviceKey = (screen: Screen) => `atrium.device.${screen}`;

export function setSession(screen: Screen, session: Session): void {
  const current = getSession(screen);
  if (session.staffId && current && !current.staffId) localStorage.setItem(deviceKey(screen), JSON.stringify(current));
  if (!session.staffId) localStorage.removeItem(deviceKey(screen));
  localStorage.setItem(key(screen), JSON.stringify(session));
  notify();
}

export function clearSession(screen: Screen): void {
  const device = getSession(screen)?.staffId ? localStorage.getItem(deviceKey(screen)) : null;
  localStorage.removeItem(deviceKey(screen));
  if (device) localStorage.setItem(key(screen), device);
  else localStorage.removeItem(key(screen));
  notify();
}

export function subscribeSessions(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const l of listeners) l();
}

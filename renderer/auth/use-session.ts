// React view of a screen's session. The raw localStorage string is the snapshot (stable
// between renders), parsed afterwards.
import { useMemo, useSyncExternalStore } from 'react';
import { getSession, subscribeSessions, type Screen, type Session } from './session';

export function useSession(screen: Screen): Session | null {
  const raw = useSyncExternalStore(subscribeSessions, () => localStorage.getItem(`atrium.session.${screen}`));
  return useMemo(() => getSession(screen), [raw, screen]);
}

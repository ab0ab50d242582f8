// In the Electron shell the terminal's identity lives in main (its settings: role and device
// token), written by main itself once the hub accepted a pairing code. A device screen the
// shell opens takes that token as its session, so no token has to cross the window main
// reopens after pairing, and a re-paired terminal stops using the token it had before.
// A staff member's own sign-in on the screen is left alone.
import { useEffect, useState } from 'react';
import type { Role } from '../../main/common/domain';
import { getSession, setSession, type Screen } from './session';

/** False while the shell is being asked; true at once in a plain browser. */
export function useShellSession(screen: Screen, enabled: boolean): boolean {
  const bridge = enabled && typeof window.atrium?.getSettings === 'function' ? window.atrium : null;
  const [ready, setReady] = useState(bridge === null);
  useEffect(() => {
    if (!bridge) return;
    let live = true;
    bridge
      .getSettings()
      .then((s) => {
        const current = getSession(screen);
        if (s.role === screen && s.deviceToken && current?.token !== s.deviceToken && !current?.staffId) {
          setSession(screen, { token: s.deviceToken, role: s.role as Role });
        }
      })
      .catch(() => undefined) // a refused bridge call leaves the page's own pairing form
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [screen, bridge]);
  return ready;
}

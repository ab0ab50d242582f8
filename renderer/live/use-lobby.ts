// useLobby(screen): the live lobby for a signed-in or paired screen, plus the connection
// state each screen shows. If the feed keeps failing because the token was revoked (or the
// hub's data was reset), the session is dropped so the screen shows its login/pairing form.
import { useEffect, useState } from 'react';
import { api } from '../../main/common/routes/index';
import { ApiError, callHub } from '../hub-client';
import { clearSession, type Screen } from '../auth/session';
import { useSession } from '../auth/use-session';
import { LiveFeed, type Connection } from './live-feed';
import type { LobbyView } from './lobby-state';

export interface Lobby {
  lobby: LobbyView | null;
  connection: Connection;
  /** Counts the hub's notices of alerts held in memory (a full disk), so alert lists reload. */
  alertsHeld: number;
}

export function useLobby(screen: Screen): Lobby {
  const token = useSession(screen)?.token ?? null;
  const [lobby, setLobby] = useState<LobbyView | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [alertsHeld, setAlertsHeld] = useState(0);

  useEffect(() => {
    if (!token) return;
    const feed = new LiveFeed({
      token,
      onState: setLobby,
      onConnection: setConnection,
      onAlertHeld: () => setAlertsHeld((n) => n + 1),
      // A refused token will never work again: back to the login or pairing form.
      onRejected: () => clearSession(screen),
      onRepeatedFailure: () => {
        // /api/services takes any token, so a 401 there means the token itself is bad.
        callHub(api.services, token).catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 401) clearSession(screen);
        });
      },
    });
    feed.start();
    return () => feed.stop();
  }, [token, screen]);

  return { lobby, connection, alertsHeld };
}

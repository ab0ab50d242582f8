// The manager's alert list: fetched at start and again whenever the live feed moves on
// (alert.raised/acknowledged/resolved are feed events, so the lobby's seq moves with them),
// and when the hub says it holds an alert in memory (`held`: its disk is full, no seq moves).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Alert } from '../../main/common/alerts';
import { hubFor } from '../hub-client';

export function useAlerts(seq: number | null, held = 0): { alerts: Alert[]; acknowledge: (id: string) => Promise<void>; error: unknown } {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);
  const again = useRef(false);

  const load = useCallback(async () => {
    // One request at a time; a change during it asks for one more afterwards.
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      do {
        again.current = false;
        const answer = await hubFor('manager').get<{ alerts: Alert[] }>('/api/alerts');
        setAlerts(answer?.alerts ?? []);
        setError(null);
      } while (again.current);
    } catch (e) {
      setError(e);
    } finally {
      inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    if (seq !== null) void load();
  }, [seq, held, load]);

  const acknowledge = useCallback(
    async (id: string) => {
      await hubFor('manager').post(`/api/alerts/${encodeURIComponent(id)}/ack`);
      await load();
    },
    [load],
  );
  return { alerts, acknowledge, error };
}

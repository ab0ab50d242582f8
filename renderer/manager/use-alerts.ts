// The manager's alert list: fetched at start and again whenever the live feed moves on
// (alert.raised/acknowledged/resolved are feed events, so the lobby's seq moves with them),
// and when the hub says it holds an alert in memory (`held`: its disk is full, no seq moves).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Alert } from '../../main/common/alerts';
import type { PrintAnswer } from '../../main/common/print';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';

export interface AlertsView {
  alerts: Alert[];
  acknowledge: (id: string) => Promise<void>;
  /** A manager's reprint of a ticket whose print outcome is unknown (signed-in manager only). */
  reprint: (ticketId: string) => Promise<PrintAnswer | null>;
  error: unknown;
}

export function useAlerts(seq: number | null, held = 0): AlertsView {
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
        const answer = await hubFor('manager').call(api.alerts);
        setAlerts(answer.alerts);
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
      await hubFor('manager').call(api.ackAlert, { params: { id } });
      await load();
    },
    [load],
  );
  const reprint = useCallback(
    async (ticketId: string) => {
      try {
        return await hubFor('manager').call(api.printTicket, { params: { id: ticketId }, body: { reprint: true } });
      } finally {
        // A confirmed reprint resolves the alert; a failed one leaves it open: either way, reload.
        void load();
      }
    },
    [load],
  );
  return { alerts, acknowledge, reprint, error };
}

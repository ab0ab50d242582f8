// Prints the issued ticket: on the printer cabled to this kiosk when the Electron shell has
// one (printer:print-ticket), else through the hub (the kiosk in a plain browser, or a kiosk
// whose printer the hub drives). On a printer fault the ticket stays valid: the kiosk says so
// and tries again every few seconds, so it prints by itself once the printer is back (neither
// path ever prints a ticket twice).
import { useEffect, useState } from 'react';
import { ApiError, hubFor } from '../hub-client';
import { shellBridge } from './shell-bridge';

export type PrintState = { kind: 'printing' } | { kind: 'printed' } | { kind: 'failed'; code: string };

const RETRY_MS = 3000;

/** Resolves when printed; rejects with the error code otherwise. */
async function printOnce(ticketId: string): Promise<void> {
  const bridge = shellBridge();
  if (bridge && (await bridge.printerStatus()).configured) {
    const answer = await bridge.printTicket({ ticketId });
    if (!answer.ok) throw new ApiError(503, answer.code, answer.message);
    return;
  }
  await hubFor('kiosk').post(`/api/tickets/${encodeURIComponent(ticketId)}/print`);
}

export function useTicketPrint(ticketId: string): PrintState {
  const [state, setState] = useState<PrintState>({ kind: 'printing' });
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    async function attempt() {
      try {
        await printOnce(ticketId);
        if (alive) setState({ kind: 'printed' });
      } catch (e) {
        if (!alive) return;
        const code = e instanceof ApiError ? e.code : 'network';
        setState({ kind: 'failed', code });
        // No printer at all will not come back by itself.
        if (code !== 'printer_not_configured') timer = setTimeout(() => void attempt(), RETRY_MS);
      }
    }
    void attempt();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [ticketId]);
  return state;
}

// Prints the issued ticket: on the printer cabled to this kiosk when the Electron shell has
// one (printer:print-ticket), else through the hub (the kiosk in a plain browser, or a kiosk
// whose printer the hub drives). On a printer fault the ticket stays valid: the kiosk says so
// and tries again every few seconds, so it prints by itself once the printer is back (neither
// path ever prints a ticket twice). A ticket the printer took but never confirmed is not
// tried again: the kiosk tells the customer to ask the lobby manager if none came out.
import { useEffect, useState } from 'react';
import { api } from '../../main/common/routes/index';
import { ApiError, hubFor } from '../hub-client';
import { shellBridge } from './shell-bridge';

/** `uncertain`: the printer took the ticket but never confirmed it: tell the customer whom to ask. */
export type PrintState = { kind: 'printing' } | { kind: 'printed'; uncertain: boolean } | { kind: 'failed'; code: string };

const RETRY_MS = 3000;

/** Resolves with whether the print is uncertain; rejects with the error code when not printed. */
async function printOnce(ticketId: string): Promise<boolean> {
  const bridge = shellBridge();
  if (bridge && (await bridge.printerStatus()).configured) {
    const answer = await bridge.printTicket({ ticketId });
    if (!answer.ok) throw new ApiError(503, answer.code, answer.message);
    return answer.uncertain === true;
  }
  const answer = await hubFor('kiosk').call(api.printTicket, { params: { id: ticketId } });
  return answer.uncertain;
}

export function useTicketPrint(ticketId: string): PrintState {
  const [state, setState] = useState<PrintState>({ kind: 'printing' });
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    async function attempt() {
      try {
        const uncertain = await printOnce(ticketId);
        if (alive) setState({ kind: 'printed', uncertain });
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

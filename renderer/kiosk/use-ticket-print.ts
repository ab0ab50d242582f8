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

/**
 * What a print attempt leads to: the state to show, and whether to try again (only a fault
 * the printer may recover from; never a ticket the printer took, confirmed or not).
 */
export function afterAttempt(outcome: { uncertain: boolean } | { code: string }): { state: PrintState; retryInMs: number | null } {
  if ('uncertain' in outcome) return { state: { kind: 'printed', uncertain: outcome.uncertain }, retryInMs: null };
  // No printer at all will not come back by itself.
  return { state: { kind: 'failed', code: outcome.code }, retryInMs: outcome.code === 'printer_not_configured' ? null : RETRY_MS };
}

export function useTicketPrint(ticketId: string): PrintState {
  const [state, setState] = useState<PrintState>({ kind: 'printing' });
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    async function attempt() {
      let outcome: { uncertain: boolean } | { code: string };
      try {
        outcome = { uncertain: await printOnce(ticketId) };
      } catch (e) {
        outcome = { code: e instanceof ApiError ? e.code : 'network' };
      }
      if (!alive) return;
      const next = afterAttempt(outcome);
      setState(next.state);
      if (next.retryInMs !== null) timer = setTimeout(() => void attempt(), next.retryInMs);
    }
    void attempt();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [ticketId]);
  return state;
}

// printer:print-ticket — prints a ticket on the printer cabled to this kiosk. The page names
// the ticket only; main reads what to print from the hub (the public ticket and the branch
// name), so a page cannot make the kiosk print anything but a real ticket of its hub. A
// ticket the printer took but never confirmed is reported to the hub (the manager's alert).
import { PrintTicketRequest, type LocalPrintAnswer } from '../../common/kiosk-bridge.js';
import type { PublicTicketAnswer } from '../../common/api.js';
import type { JobOutcome, TicketPrintData } from '../../common/print.js';
import { hubCall, type FetchLike } from '../hub-call.js';
import { printFailure, type LocalPrinter } from '../kiosk/local-printer.js';
import { assertFromHub } from './sender.js';
import type { IpcHandler, SettingsAccess } from './types.js';

export const CHANNEL = 'printer:print-ticket';

export function printerPrintTicketHandler(
  settings: SettingsAccess,
  localPrinter: () => LocalPrinter | null,
  fetchImpl: FetchLike,
  clock: () => number = Date.now,
): IpcHandler<typeof CHANNEL> {
  return async (event, request): Promise<LocalPrintAnswer> => {
    const current = settings.get();
    const origin = assertFromHub(CHANNEL, event, current.hubUrl);
    const { ticketId } = PrintTicketRequest.parse(request);
    const printer = localPrinter();
    if (!printer) return printFailure('printer_not_configured');
    // The manager hears of a ticket this kiosk's printer took but never confirmed, as of the
    // hub's own printers; a hub that cannot be told now still shows the customer the sentence.
    const tellHub = (outcome: JobOutcome) =>
      void hubCall(fetchImpl, current.hubUrl, '/api/printing/mine/unconfirmed', {
        token: current.deviceToken,
        body: { ticketId, uri: printer.uri, statusRead: outcome.kind === 'status_ok' },
      });
    const load = async (): Promise<TicketPrintData> => {
      const path = `/api/public/tickets/${encodeURIComponent(ticketId)}`;
      const [ticket, lobby] = await Promise.all([
        hubCall<PublicTicketAnswer>(fetchImpl, current.hubUrl, path),
        hubCall<{ branch: { nameZh: string; nameEn: string } }>(fetchImpl, current.hubUrl, '/api/lobby', { token: current.deviceToken }),
      ]);
      if (!ticket.body) throw new Error(`${CHANNEL}: the hub does not know ticket ${ticketId}`);
      return {
        branchZh: lobby.body?.branch.nameZh ?? '',
        branchEn: lobby.body?.branch.nameEn ?? '',
        serviceZh: ticket.body.serviceNameZh,
        serviceEn: ticket.body.serviceNameEn,
        number: ticket.body.number,
        ahead: ticket.body.ahead,
        estimate: ticket.body.estimate,
        issuedAt: clock(),
        statusUrl: `${origin}/t/${encodeURIComponent(ticketId)}`,
      };
    };
    return printer.print(ticketId, load, tellHub);
  };
}

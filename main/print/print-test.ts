// `atrium print-test --printer URI`: the printer's status, then the sample ticket, then the
// status again (paper low shows up after a print). Exit 0 when it printed.
import { blockingCondition } from '../common/print.js';
import { ticketBytes } from './encode-ticket.js';
import { Printer } from './printer.js';
import { sampleTicket } from './sample.js';

export async function printTest(uri: string, log: (line: string) => void = console.log): Promise<number> {
  const printer = new Printer(uri);
  const before = await printer.status();
  const blocking = blockingCondition(before);
  if (blocking) {
    log(`${uri}: not printing, the printer reports ${blocking}`);
    return 1;
  }
  const outcome = await printer.print(ticketBytes(sampleTicket(Date.now())));
  if (outcome.kind === 'interrupted') {
    log(`${uri}: the printer stopped after ${outcome.bytesSent} bytes of the sample ticket`);
    return 1;
  }
  if (outcome.kind === 'fault') {
    log(`${uri}: the printer took the sample ticket but then reported ${outcome.condition}`);
    return 1;
  }
  const after = await printer.status();
  const held = outcome.kind === 'confirmed' ? '' : ' (the printer held the connection open: check that paper came out)';
  log(`${uri}: sample ticket printed${held}; status: ${after.reachable ? after.conditions.join(', ') || 'ready' : 'not answering'}`);
  return 0;
}

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
  await printer.send(ticketBytes(sampleTicket(Date.now())));
  const after = await printer.status();
  log(`${uri}: sample ticket printed; status: ${after.reachable ? after.conditions.join(', ') || 'ready' : 'not answering'}`);
  return 0;
}

// Child process of durability.test.ts: appends as fast as it can and reports each commit
// on stdout, until the test kills it with SIGKILL. Usage: node --import tsx this.ts DATA_DIR
import { openHubLedger } from '../projectors.js';
import type { LedgerEntry } from './ledger.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: durability.fixture.ts DATA_DIR');
const ledger = openHubLedger(dataDir);

for (let i = 1; ; i++) {
  // Batches of 1 to 3 events, the last a setting naming its own seq: its projection row,
  // written in the same transaction, tells the test the rows committed with the events.
  const entries: LedgerEntry[] = Array.from({ length: i % 3 }, (_, k) => ({
    event: { type: 'staff.defined' as const, staffId: `s${i}-${k}`, role: 'teller', name: `Teller ${i}` },
    actor: null,
  }));
  entries.push({ event: { type: 'settings.changed', key: 'last', value: String(ledger.lastSeq() + entries.length + 1) }, actor: null });
  const stored = ledger.append(entries, Date.now());
  // Writes to a pipe are synchronous on Linux: the line is out before the next append.
  process.stdout.write(`committed ${stored.at(-1)!.seq}\n`);
}

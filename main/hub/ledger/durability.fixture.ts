// Child process of durability.test.ts: appends as fast as it can and reports each commit
// on stdout, until the test kills it with SIGKILL. Usage: node --import tsx this.ts DATA_DIR
import { openLedger } from './ledger.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: durability.fixture.ts DATA_DIR');
const ledger = openLedger(dataDir);
// The projection write records the seq it sees, so the test can tell it committed with the events.
const setLast = ledger.db.prepare(
  "INSERT INTO settings (key, value) SELECT 'last', max(seq) FROM events WHERE true ON CONFLICT (key) DO UPDATE SET value = excluded.value",
);

for (let i = 1; ; i++) {
  // Batches of 1 to 3 events, with a projection write in the same transaction.
  const entries = Array.from({ length: (i % 3) + 1 }, (_, k) => ({
    event: { type: 'staff.defined' as const, staffId: `s${i}-${k}`, role: 'teller', name: `Teller ${i}` },
    actor: null,
  }));
  const stored = ledger.append(entries, Date.now(), () => setLast.run());
  // Writes to a pipe are synchronous on Linux: the line is out before the next append.
  process.stdout.write(`committed ${stored.at(-1)!.seq}\n`);
}

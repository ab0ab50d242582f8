// The registry of projectors: every table of atrium.db besides the ledger's own is written by
// exactly one of these, from the events alone. Adding a table means adding it to a projector
// here (projectors.test.ts fails on a table nobody owns); rebuild and verify follow.
import { openLedger, type Ledger } from './ledger/ledger.js';
import type { Projector } from './ledger/projector.js';
import { QueueProjector } from './ledger/queue-projector.js';
import { RECORD_KINDS } from './records/index.js';
import { loadState } from './ledger/replay.js';
import { settingsProjector } from './settings/settings-projector.js';

/** Fresh projectors, as a rebuild starts them: from no events at all. */
export function createProjectors(): Projector[] {
  return [new QueueProjector(), ...RECORD_KINDS.map((k) => k.projector), settingsProjector];
}

/** The ledger of a data folder with every projector, the lobby's state loaded from its events. */
export function openHubLedger(dataDir: string): Ledger {
  const projectors = createProjectors();
  const ledger = openLedger(dataDir, projectors);
  try {
    queueProjectorOf(ledger).state = loadState(ledger.db);
  } catch (err) {
    ledger.close();
    throw err;
  }
  return ledger;
}

export function queueProjectorOf(ledger: Pick<Ledger, 'projectors'>): QueueProjector {
  const queue = ledger.projectors.find((p): p is QueueProjector => p instanceof QueueProjector);
  if (!queue) throw new Error('this ledger was opened without the queue projector: open it with openHubLedger');
  return queue;
}

// The registry of projectors: every table of atrium.db besides the ledger's own is written by
// exactly one of these, from the events alone. Adding a table means adding it to a projector
// here (projectors.test.ts fails on a table nobody owns); rebuild and verify follow.
import type Database from 'better-sqlite3';
import { sessionProjector } from './auth/session-projector.js';
import { checkCredentials, CREDENTIAL_TABLES as STAFF_CREDENTIALS, staffProjector } from './auth/staff-projector.js';
import { customersProjector } from './customers/customers-projector.js';
import { deviceProjector } from './devices/device-projector.js';
import { fraudWatchProjector } from './fraud/watch-projector.js';
import { openLedger, type Ledger } from './ledger/ledger.js';
import { LEDGER_TABLES, type Projector } from './ledger/projector.js';
import { QueueProjector } from './ledger/queue-projector.js';
import { loadState } from './ledger/replay.js';
import type { VerifyProblem } from './ledger/verify-result.js';
import { printingProjector } from './printing/printing-projector.js';
import { ratingProjector } from './rating/rating-projector.js';
import { RECORD_KINDS } from './records/index.js';
import { settingsProjector } from './settings/settings-projector.js';

/** Fresh projectors, as a rebuild starts them: from no events at all. */
export function createProjectors(): Projector[] {
  // Staff and devices before sessions: a session's row refers to its staff member or device.
  return [new QueueProjector(), ...RECORD_KINDS.map((k) => k.projector), settingsProjector, printingProjector, ratingProjector, fraudWatchProjector, customersProjector, staffProjector, deviceProjector, sessionProjector];
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

/**
 * Tables that hold credentials by design, outside the events (a PIN's hash must never travel
 * with the ledger): rebuild copies them, verify checks them against what the events say.
 */
export const CREDENTIAL_TABLES: readonly string[] = [...STAFF_CREDENTIALS];

const KNOWN_TABLES: ReadonlySet<string> = new Set([...LEDGER_TABLES, ...createProjectors().flatMap((p) => p.tables), ...CREDENTIAL_TABLES]);

/** Is `table` one verify knows how to vouch for: the ledger's own, a projection, or credentials? */
export function isKnownTable(table: string): boolean {
  return KNOWN_TABLES.has(table);
}

/** Credential tables against the events that vouch for them. */
export function checkCopiedTables(db: Database.Database): VerifyProblem | null {
  const problem = checkCredentials(db);
  return problem && { ok: false, table: problem.table, key: problem.key, problem: `${problem.table} row ${problem.key}: ${problem.problem}` };
}

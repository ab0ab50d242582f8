// A customer erased at an enrolled hub must reach head office, which drops their shared note
// and passes the erasure to the other branches. The erasure event carries no keyed hash (see
// customers/erase.ts), so the organisation key of the erased number waits here, in its own
// file (DATA/office-erasures.json, 0600, beside the other office files), until the office has
// taken it, and is then deleted. The order is the shredding's (personal/shred-after.ts): the
// key is written with the erasure's token before the event is committed; the sync sends only
// keys whose token is in the ledger and drops the others (their erasure never got written).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './link-file.js';

export const ERASURES_FILE = 'office-erasures.json';

export interface PendingErasure {
  token: string;
  customerKey: string;
  at: number;
}

export function readPendingErasures(dataDir: string): PendingErasure[] {
  const file = path.join(dataDir, ERASURES_FILE);
  if (!existsSync(file)) return [];
  const list = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  return Array.isArray(list) ? (list as PendingErasure[]) : [];
}

export function writePendingErasures(dataDir: string, list: readonly PendingErasure[]): void {
  writeFileAtomically(path.join(dataDir, ERASURES_FILE), `${JSON.stringify(list)}\n`, 0o600);
}

export function addPendingErasure(dataDir: string, e: PendingErasure): void {
  writePendingErasures(dataDir, [...readPendingErasures(dataDir), e]);
}

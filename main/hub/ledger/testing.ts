// Helpers for the ledger's tests: real SQLite files in a fresh temp directory.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import type { QueueCommand } from '../../common/events.js';
import { decide, initialState } from '../queue/index.js';
import { service } from '../queue/test-support.js';
import { commitQueueEvents } from './commit.js';
import type { Ledger } from './ledger.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atrium-ledger-'));
  dirs.push(dir);
  return dir;
}

/**
 * A second connection, as a person with the sqlite3 shell would have: it can drop the
 * append-only triggers and edit rows behind the hub's back.
 */
export function tamper(dataDir: string, sql: string): void {
  const db = new Database(path.join(dataDir, 'atrium.db'));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}


export const MIN = 60_000;
export const T1 = Date.UTC(2025, 2, 3, 1, 0); // 09:00 Beijing, day one
export const T2 = Date.UTC(2025, 2, 4, 1, 0); // day two

/** What the hub does for a command: decide, then commit the events with their projection. */
export function step(ledger: Ledger, state: LobbyState, command: QueueCommand, at: number, actor: string | null = null): LobbyState {
  return commitQueueEvents(ledger, decide(state, command, at), at, actor).state;
}

/**
 * Two business days of a small branch, with audit events in between: day one ends with
 * tickets done, no-show, transferred and unserved; day two has one ticket called.
 */
export function twoDays(ledger: Ledger): LobbyState {
  let s = initialState();
  s = commitQueueEvents(ledger, [{ type: 'config.set', config: { maxRecalls: 1, appointmentEarlyMinutes: 10 } }], T1 - 60 * MIN, 'admin').state;
  const setup: QueueCommand[] = [
    { type: 'service.define', service: service('cash', 'A') },
    { type: 'service.define', service: service('noncash', 'B') },
    { type: 'counter.define', counter: '1', services: ['cash', 'noncash'] },
    { type: 'counter.define', counter: '2', services: ['noncash', 'cash'] },
    { type: 'day.open', date: '2025-03-03' },
    { type: 'counter.open', counter: '1', staffId: 'teller1' },
    { type: 'counter.open', counter: '2', staffId: 'teller2' },
  ];
  for (const c of setup) s = step(ledger, s, c, T1, 'admin');
  ledger.append([{ event: { type: 'auth.login', staffId: 'teller1', ok: true, reason: null }, actor: 'teller1' }], T1 + MIN);
  s = step(ledger, s, { type: 'ticket.issue', id: 'tk-a1', service: 'cash', priority: 'normal' }, T1 + 2 * MIN, 'kiosk1');
  s = step(ledger, s, { type: 'ticket.issue', id: 'tk-b1', service: 'noncash', priority: 'vip' }, T1 + 3 * MIN, 'kiosk1');
  s = step(ledger, s, { type: 'ticket.issue', id: 'tk-a2', service: 'cash', priority: 'normal' }, T1 + 4 * MIN, 'kiosk1');
  s = step(ledger, s, { type: 'ticket.issue', id: 'tk-a3', service: 'cash', priority: 'normal' }, T1 + 5 * MIN, 'kiosk1');
  s = step(ledger, s, { type: 'counter.call_ticket', counter: '1', ticket: 'tk-a1' }, T1 + 6 * MIN, 'teller1');
  s = step(ledger, s, { type: 'ticket.start', ticket: 'tk-a1' }, T1 + 7 * MIN, 'teller1');
  s = step(ledger, s, { type: 'ticket.finish', ticket: 'tk-a1', tags: ['withdrawal'] }, T1 + 12 * MIN, 'teller1');
  s = step(ledger, s, { type: 'counter.call_ticket', counter: '2', ticket: 'tk-b1' }, T1 + 13 * MIN, 'teller2');
  s = step(ledger, s, { type: 'ticket.no_show', ticket: 'tk-b1' }, T1 + 14 * MIN, 'teller2');
  s = step(ledger, s, { type: 'ticket.transfer', ticket: 'tk-a2', service: 'noncash', note: 'needs a card' }, T1 + 15 * MIN, 'manager');
  s = step(ledger, s, { type: 'counter.pause', counter: '2', reason: 'lunch' }, T1 + 16 * MIN, 'teller2');
  ledger.append([{ event: { type: 'device.paired', deviceId: 'kiosk1' }, actor: 'kiosk1' }], T1 + 17 * MIN);
  s = step(ledger, s, { type: 'day.close' }, T1 + 8 * 60 * MIN, 'manager');
  s = step(ledger, s, { type: 'day.open', date: '2025-03-04' }, T2, 'manager');
  s = step(ledger, s, { type: 'ticket.issue', id: 'tk2-a1', service: 'cash', priority: 'normal' }, T2 + MIN, 'kiosk1');
  s = step(ledger, s, { type: 'ticket.issue', id: 'tk2-b1', service: 'noncash', priority: 'green' }, T2 + 2 * MIN, 'kiosk1');
  s = step(ledger, s, { type: 'counter.call_ticket', counter: '1', ticket: 'tk2-b1' }, T2 + 3 * MIN, 'teller1');
  return s;
}

// Helpers for the ledger's tests: real SQLite files in a fresh temp directory.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { BusinessDay, Counter, LobbyState, QueueConfig, Service, Ticket } from '../../common/domain.js';
import type { QueueCommand, QueueEvent } from '../../common/events.js';
import { applyEvent, decide, initialState } from '../queue/index.js';
import { service } from '../queue/test-support.js';
import type { Ledger } from './ledger.js';
import type { StoredEvent } from '../../common/events.js';
import { queueProjectorOf } from '../projectors.js';
import type { ConfigRow, CounterRow, DayRow, ServiceRow, TicketRow } from './projection-rows.js';

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
  // The close closed both counters: teller1 opens counter 1 again on day two.
  s = step(ledger, s, { type: 'counter.open', counter: '1', staffId: 'teller1' }, T2, 'teller1');
  s = step(ledger, s, { type: 'ticket.issue', id: 'tk2-a1', service: 'cash', priority: 'normal' }, T2 + MIN, 'kiosk1');
  s = step(ledger, s, { type: 'ticket.issue', id: 'tk2-b1', service: 'noncash', priority: 'green' }, T2 + 2 * MIN, 'kiosk1');
  s = step(ledger, s, { type: 'counter.call_ticket', counter: '1', ticket: 'tk2-b1' }, T2 + 3 * MIN, 'teller1');
  return s;
}

// Reading the queue's tables back into a state: only tests need it (the hub loads its state
// by replaying the events, and verify compares the tables row by row).
const rowToConfig = (r: ConfigRow): QueueConfig => ({
  maxRecalls: r.max_recalls,
  appointmentEarlyMinutes: r.appointment_early_minutes,
  elderlyRank: r.elderly_rank as QueueConfig['elderlyRank'],
});
const rowToService = (r: ServiceRow): Service => ({
  code: r.code,
  prefix: r.prefix,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  targetWaitMinutes: r.target_wait_minutes,
  maxWaitMinutes: r.max_wait_minutes,
  priorServiceMinutes: r.prior_service_minutes,
});
const rowToCounter = (r: CounterRow): Counter => ({
  id: r.id,
  services: JSON.parse(r.services) as string[],
  status: r.status as Counter['status'],
  pauseReason: r.pause_reason as Counter['pauseReason'],
  staffId: r.staff_id,
  since: r.since,
  currentTicketId: r.current_ticket_id,
  label: r.label,
});
const rowToTicket = (r: TicketRow): Ticket => ({
  id: r.id,
  number: r.number,
  service: r.service,
  priority: r.priority as Ticket['priority'],
  status: r.status as Ticket['status'],
  businessDay: r.business_day,
  issuedAt: r.issued_at,
  calledAt: r.called_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  counter: r.counter,
  targetCounter: r.target_counter,
  appointmentAt: r.appointment_at,
  recalls: r.recalls,
  transfers: r.transfers,
  tags: JSON.parse(r.tags) as string[],
});
const rowToDay = (r: DayRow): BusinessDay => ({
  date: r.date,
  status: r.status as BusinessDay['status'],
  openedAt: r.opened_at,
  closedAt: r.closed_at,
});

/**
 * The live state as the tables hold it: the current (last opened) day and its tickets.
 * Start-up should prefer loadState (a replay of the events); this is for reads and for
 * checking that the tables agree with the events.
 */
export function readProjectionState(db: Database.Database): LobbyState {
  const empty = initialState();
  const configRow = db.prepare('SELECT max_recalls, appointment_early_minutes, elderly_rank FROM config WHERE id = 1').get() as ConfigRow | undefined;
  const dayRow = db
    .prepare('SELECT date, status, opened_at, closed_at FROM business_days ORDER BY opened_at DESC, rowid DESC LIMIT 1')
    .get() as DayRow | undefined;
  const day = dayRow ? rowToDay(dayRow) : null;

  const services: LobbyState['services'] = {};
  for (const r of db.prepare('SELECT * FROM services ORDER BY rowid').iterate() as Iterable<ServiceRow>) {
    services[r.code] = rowToService(r);
  }
  const counters: LobbyState['counters'] = {};
  for (const r of db.prepare('SELECT * FROM counters ORDER BY rowid').iterate() as Iterable<CounterRow>) {
    counters[r.id] = rowToCounter(r);
  }
  const tickets: LobbyState['tickets'] = {};
  if (day) {
    const rows = db.prepare('SELECT * FROM tickets WHERE business_day = ? ORDER BY rowid').iterate(day.date) as Iterable<TicketRow>;
    for (const r of rows) tickets[r.id] = rowToTicket(r);
  }
  const lastNumber: LobbyState['lastNumber'] = {};
  for (const r of db.prepare('SELECT prefix, last FROM numbering ORDER BY prefix').iterate() as Iterable<{ prefix: string; last: number }>) {
    lastNumber[r.prefix] = r.last;
  }
  return {
    ...empty,
    config: configRow ? rowToConfig(configRow) : empty.config,
    day,
    services,
    counters,
    tickets,
    lastNumber,
  };
}

/**
 * A replay that also remembers every ticket and day it has seen: the live state keeps only
 * the current day, but the projection tables keep them all, and verify compares them all.
 */
export class HistoryReplay {
  state: LobbyState = initialState();
  readonly tickets = new Map<string, Ticket>();
  readonly days = new Map<string, BusinessDay>();

  apply(event: QueueEvent, at: number): void {
    const before = this.state;
    // Tickets leave the live state only when a day opens (the engine's openDay): take the
    // last versions of the day's tickets just before. Copying them after every event instead
    // would make verifying years of events quadratic. Were the engine to drop tickets
    // elsewhere, verify would say so loudly ("in the table but not in the events").
    if (event.type === 'day.opened') for (const t of Object.values(before.tickets)) this.tickets.set(t.id, t);
    const after = applyEvent(before, event, at);
    if (after.day && after.day !== before.day) this.days.set(after.day.date, after.day);
    this.state = after;
  }

  /** Call once after the last event: the current day's tickets in their final versions. */
  finish(): void {
    for (const t of Object.values(this.state.tickets)) this.tickets.set(t.id, t);
  }
}

/** Queue events committed with their projection, as the hub commits them: the new state and the stored events. */
export function commitQueueEvents(ledger: Ledger, events: readonly QueueEvent[], at: number, actor: string | null): { state: LobbyState; stored: StoredEvent[] } {
  const stored = ledger.append(
    events.map((event) => ({ event, actor })),
    at,
  );
  return { state: queueProjectorOf(ledger).state, stored };
}

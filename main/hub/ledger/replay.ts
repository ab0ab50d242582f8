// Replaying the events through the pure engine: the events are the truth, so start-up
// rebuilds the lobby from them rather than trusting the tables.
import type Database from 'better-sqlite3';
import type { LobbyState } from '../../common/domain.js';
import type { QueueEvent, QueueEventType } from '../../common/events.js';
import { applyEvent, initialState } from '../queue/index.js';
import type { Ledger } from './ledger.js';
import { iterateEventRows, type EventRow } from './rows.js';

// Listed here because the union type does not exist at run time; the Record type makes the
// compiler fail when a queue event type is added to events.ts and not here.
const QUEUE_EVENT_TYPES: Record<QueueEventType, true> = {
  'config.set': true,
  'service.defined': true,
  'counter.defined': true,
  'counter.services_set': true,
  'counter.opened': true,
  'counter.paused': true,
  'counter.resumed': true,
  'counter.closed': true,
  'day.opened': true,
  'day.closed': true,
  'ticket.issued': true,
  'ticket.called': true,
  'ticket.recalled': true,
  'ticket.started': true,
  'ticket.finished': true,
  'ticket.no_show': true,
  'ticket.cancelled': true,
  'ticket.transferred': true,
  'ticket.priority_set': true,
};

/** Audit events (auth.*, staff.*, device.*) and later non-queue records are not replayed. */
export function isQueueEventType(type: string): type is QueueEventType {
  return Object.hasOwn(QUEUE_EVENT_TYPES, type);
}

/** The queue event a row holds, exactly as it was appended (no seq/at/actor), or null. */
export function queueEventOf(row: Pick<EventRow, 'type' | 'data'>): QueueEvent | null {
  if (!isQueueEventType(row.type)) return null;
  return { ...(JSON.parse(row.data) as object), type: row.type } as QueueEvent;
}

/**
 * The lobby state the events lead to. Use it at start-up.
 *
 * Ticket events before the last day opened are not replayed: opening a day clears the
 * tickets, the numbering and every counter's current ticket (the engine's openDay), which
 * is all a ticket event touches, so the state is the same as a replay of every event
 * (replay.test.ts compares them). Why: the engine copies the day's tickets on every change,
 * so replaying a year of them took 7 of the 9.5 seconds a hub on a year's ledger needed to
 * start (bench/records.ts).
 */
export function loadState(source: Ledger | Database.Database): LobbyState {
  const db = 'db' in source ? source.db : source;
  const lastOpened = (db.prepare("SELECT MAX(seq) AS seq FROM events WHERE type = 'day.opened'").get() as { seq: number | null }).seq ?? 0;
  let state = initialState();
  for (const row of iterateEventRows(db)) {
    if (row.seq < lastOpened && row.type.startsWith('ticket.')) continue;
    const event = queueEventOf(row);
    if (event) state = applyEvent(state, event, row.at);
  }
  return state;
}

// The tickets of given business days, replayed from the ledger's queue events through the
// engine (so a report can never disagree with what happened). Only the stretch of the
// ledger from the first wanted day's opening is replayed, after the definitions and counter
// sign-ins before it (a teller often opens the counter before the day's first ticket opens
// the day; the counters' states do not change any ticket).
import type Database from 'better-sqlite3';
import type { IssuedEstimate, LobbyState, Service, Ticket } from '../../common/domain.js';
import type { QueueEvent } from '../../common/events.js';
import { isQueueEventType } from '../ledger/index.js';
import { iterateEventRows } from '../ledger/rows.js';
import { dayOpenings, eventsOfTypesBefore } from '../ledger/event-reads.js';
import { applyEvent, initialState } from '../queue/index.js';

export interface DayTickets {
  tickets: Ticket[];
  services: Service[];
  openedAt: number;
  closedAt: number | null;
  /** The estimate each ticket was given at issue, by ticket id, as its `ticket.issued` recorded it (older events: none). */
  issuedEstimates: ReadonlyMap<string, IssuedEstimate>;
}

const DEFINITIONS = ['config.set', 'service.defined', 'counter.defined', 'counter.services_set', 'counter.opened', 'counter.paused', 'counter.resumed', 'counter.closed'];

/** Sees every replayed queue event with the states before and after it (teller figures). */
export type ReplayObserver = (before: LobbyState, event: QueueEvent, at: number, after: LobbyState) => void;

export function ticketsOfDays(db: Database.Database, dates: string[], observe?: ReplayObserver): Map<string, DayTickets> {
  const wanted = new Set(dates);
  const out = new Map<string, DayTickets>();
  const opens = dayOpenings(db);
  const wantedOpens = opens.filter((o) => wanted.has(o.date));
  if (wantedOpens.length === 0) return out;
  const from = wantedOpens[0]!.seq;
  const lastWanted = wantedOpens.at(-1)!;
  const to = opens.find((o) => o.seq > lastWanted.seq)?.seq ?? Number.MAX_SAFE_INTEGER;

  const issuedEstimates = new Map<string, IssuedEstimate>();
  let state: LobbyState = initialState();
  for (const row of eventsOfTypesBefore(db, DEFINITIONS, from)) {
    state = applyEvent(state, { ...(JSON.parse(row.data) as object), type: row.type } as QueueEvent, row.at);
  }
  const keep = (s: LobbyState) => {
    if (s.day && wanted.has(s.day.date)) {
      out.set(s.day.date, { tickets: Object.values(s.tickets), services: Object.values(s.services), openedAt: s.day.openedAt, closedAt: s.day.closedAt, issuedEstimates });
    }
  };
  for (const row of iterateEventRows(db, from)) {
    if (row.seq >= to) break;
    if (!isQueueEventType(row.type)) continue;
    if (row.type === 'day.opened') keep(state);
    const event = { ...(JSON.parse(row.data) as object), type: row.type } as QueueEvent;
    if (event.type === 'ticket.issued' && event.estimate) issuedEstimates.set(event.ticket.id, event.estimate);
    const before = state;
    state = applyEvent(state, event, row.at);
    observe?.(before, event, row.at, state);
  }
  keep(state);
  return out;
}

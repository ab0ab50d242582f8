// The pure part of the live feed: the lobby as a screen holds it, built from a snapshot and
// advanced one FeedEvent at a time. No I/O here, so the seq/gap/merge rules are unit-tested.
import type { ApiCounter, ApiQueue, ApiTicket, DisplayTicket, FeedEvent, FeedMessage, LobbySnapshot } from '../../main/common/api';

export type LobbyTicket = ApiTicket | DisplayTicket;

/** The lobby as a screen holds it (not the engine's LobbyState in main/common/domain.ts). */
export interface LobbyView {
  seq: number;
  branch: LobbySnapshot['branch'];
  day: LobbySnapshot['day'];
  queues: ApiQueue[];
  counters: ApiCounter[];
  /** Keyed by ticketKey(). */
  tickets: Record<string, LobbyTicket>;
}

/** What happened when an event was applied. A gap means: drop the state, get a new snapshot. */
export type ApplyResult =
  | { kind: 'applied'; state: LobbyView }
  | { kind: 'stale'; state: LobbyView }
  | { kind: 'gap'; expected: number; got: number };

/** Tickets that left the queue are kept only this many, newest first, for "recent calls". */
export const KEEP_FINISHED = 50;
const LIVE_STATUSES = new Set(['waiting', 'called', 'recalled', 'serving']);

/** A display's tickets have no id; the number is unique within the business day. */
export function ticketKey(t: LobbyTicket): string {
  return 'id' in t ? t.id : t.number;
}

export function fromSnapshot(s: LobbySnapshot): LobbyView {
  const tickets: Record<string, LobbyTicket> = {};
  for (const t of s.tickets) tickets[ticketKey(t)] = t;
  return { seq: s.seq, branch: s.branch, day: s.day, queues: [...s.queues], counters: [...s.counters], tickets: prune(tickets) };
}

export function applyEvent(state: LobbyView, e: FeedEvent): ApplyResult {
  // An event we already hold (e.g. sent again across a reconnect) changes nothing.
  if (e.seq <= state.seq) return { kind: 'stale', state };
  if (e.seq !== state.seq + 1) return { kind: 'gap', expected: state.seq + 1, got: e.seq };

  let tickets: Record<string, LobbyTicket> = { ...state.tickets };
  let day = state.day;
  if (e.type === 'day.opened' && typeof e.data.date === 'string') {
    // A new business day restarts the numbering: yesterday's tickets would clash by number.
    tickets = {};
    day = { date: e.data.date, status: 'open' };
  } else if (e.type === 'day.closed' && day) {
    day = { ...day, status: 'closed' };
  }
  for (const t of e.tickets) tickets[ticketKey(t)] = t;
  if (e.estimates) tickets = withEstimates(tickets, e.estimates);

  return {
    kind: 'applied',
    state: {
      ...state,
      seq: e.seq,
      day,
      // Merged by key rather than replaced, so the rule holds whether the hub sends every
      // queue and counter or only those the event changed.
      queues: mergeBy(state.queues, e.queues ?? [], (q) => q.service),
      counters: mergeBy(state.counters, e.counters ?? [], (c) => c.id),
      tickets: prune(tickets),
    },
  };
}

function withEstimates(
  tickets: Record<string, LobbyTicket>,
  estimates: NonNullable<FeedEvent['estimates']>,
): Record<string, LobbyTicket> {
  const out = { ...tickets };
  for (const [id, est] of Object.entries(estimates)) {
    const t = out[id];
    if (t && 'id' in t && t.status === 'waiting') {
      // `closed` rides along: a service nobody serves now says when it opens, not a number.
      out[id] = { ...t, ahead: est.ahead, estimate: { minutes: est.minutes, low: est.low, high: est.high, ...(est.closed ? { closed: est.closed } : {}) } };
    }
  }
  return out;
}

function mergeBy<T>(old: T[], updates: T[], key: (x: T) => string): T[] {
  if (updates.length === 0) return old;
  const byKey = new Map(updates.map((u) => [key(u), u]));
  const merged = old.map((o) => byKey.get(key(o)) ?? o);
  const known = new Set(old.map(key));
  for (const u of updates) if (!known.has(key(u))) merged.push(u);
  return merged;
}

/** Keep every live ticket and only the newest finished ones, so a long day stays small. */
function prune(tickets: Record<string, LobbyTicket>): Record<string, LobbyTicket> {
  const finished = Object.entries(tickets).filter(([, t]) => !LIVE_STATUSES.has(t.status));
  if (finished.length <= KEEP_FINISHED) return tickets;
  finished.sort(([, a], [, b]) => lastTouched(b).localeCompare(lastTouched(a)));
  const out = { ...tickets };
  for (const [k] of finished.slice(KEEP_FINISHED)) delete out[k];
  return out;
}

function lastTouched(t: LobbyTicket): string {
  if ('finishedAt' in t && t.finishedAt) return t.finishedAt;
  return t.calledAt ?? ('issuedAt' in t ? t.issuedAt : '');
}

/**
 * One message off the socket. The first must be a snapshot; after that, events in seq order.
 * `resync` asks the caller to drop the connection and start again with a fresh snapshot.
 */
export function receive(state: LobbyView | null, msg: FeedMessage): { state: LobbyView | null; resync: boolean } {
  if (msg.type === 'snapshot') return { state: fromSnapshot(msg as LobbySnapshot), resync: false };
  if (!state) return { state: null, resync: true };
  const r = applyEvent(state, msg as FeedEvent);
  return r.kind === 'gap' ? { state, resync: true } : { state: r.state, resync: false };
}

/** A parsed frame if it looks like a feed message, else null (the caller resyncs). */
export function parseMessage(raw: string): FeedMessage | null {
  try {
    const m = JSON.parse(raw) as { type?: unknown; seq?: unknown };
    return m && typeof m.type === 'string' && typeof m.seq === 'number' ? (m as FeedMessage) : null;
  } catch {
    return null;
  }
}

/**
 * A ticket named by a counter's `currentTicket`. The hub sends the ticket's number there
 * (the display has no ids); an id is accepted too, so either form keeps working.
 */
export function ticketByRef(tickets: Record<string, LobbyTicket>, ref: string | null): LobbyTicket | undefined {
  if (!ref) return undefined;
  return tickets[ref] ?? Object.values(tickets).find((t) => t.number === ref);
}

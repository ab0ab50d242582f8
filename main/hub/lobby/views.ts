// What each audience may see of the lobby. Staff see tickets with estimates; customers'
// screens (display, kiosk) see numbers, services and counters only.
import type { ApiCounter, ApiQueue, ApiService, ApiTicket, DisplayTicket, LobbySnapshot } from '../../common/api.js';
import type { Estimate, LobbyState, Service, Ticket } from '../../common/domain.js';
import type { WaitPredictor } from '../estimate/index.js';
import { newTicketEstimate } from '../estimate/index.js';
import { waitingAhead, waitingAheadAll } from '../queue/index.js';

const LIVE = new Set(['waiting', 'called', 'recalled', 'serving']);
/** How many of the day's latest calls a snapshot carries, for the display's history. */
const RECENT_CALLS = 10;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** `ahead`, when given, holds every waiting ticket's people ahead (waitingAheadAll), for many tickets at once. */
export function toApiTicket(t: Ticket, state: LobbyState, estimates: Record<string, Estimate>, now: number, ahead?: Record<string, number>): ApiTicket {
  const waiting = t.status === 'waiting';
  return {
    id: t.id,
    number: t.number,
    service: t.service,
    priority: t.priority,
    status: t.status,
    issuedAt: new Date(t.issuedAt).toISOString(),
    calledAt: iso(t.calledAt),
    startedAt: iso(t.startedAt),
    finishedAt: iso(t.finishedAt),
    counter: t.counter,
    targetCounter: t.targetCounter,
    recalls: t.recalls,
    transfers: t.transfers,
    ahead: waiting ? (ahead?.[t.id] ?? waitingAhead(state, t.id, now)) : 0,
    estimate: waiting ? (estimates[t.id] ?? null) : null,
  };
}

/** A ticket as staff see it: with its fraud watch, which no customer's screen is given. */
export function staffTicket(t: ApiTicket, watched: (ticketId: string) => boolean): ApiTicket {
  return { ...t, fraudWatch: watched(t.id) };
}

export function toDisplayTicket(t: Ticket): DisplayTicket {
  return { number: t.number, service: t.service, status: t.status, counter: t.counter, calledAt: iso(t.calledAt), recalls: t.recalls };
}

export function queuesView(state: LobbyState, predictor: WaitPredictor, now: number): ApiQueue[] {
  const waiting = Object.values(state.tickets).filter((t) => t.status === 'waiting');
  return Object.values(state.services).map((s) => {
    const mine = waiting.filter((t) => t.service === s.code);
    const oldest = mine.reduce((min, t) => Math.min(min, t.issuedAt), now);
    return {
      service: s.code,
      prefix: s.prefix,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      waiting: mine.length,
      longestWaitMinutes: Math.round((now - oldest) / 6000) / 10,
      estimate: newTicketEstimate(predictor, state, s.code, 'normal', now),
    };
  });
}

/** A service as the API gives it: everything but the estimator's prior, which is the hub's own. */
export function toApiService(s: Service): ApiService {
  return { code: s.code, prefix: s.prefix, nameZh: s.nameZh, nameEn: s.nameEn, targetWaitMinutes: s.targetWaitMinutes, maxWaitMinutes: s.maxWaitMinutes };
}

export function countersView(state: LobbyState): ApiCounter[] {
  return Object.values(state.counters).map((c) => ({
    id: c.id,
    services: c.services,
    status: c.status,
    pauseReason: c.pauseReason,
    staffId: c.staffId,
    since: new Date(c.since).toISOString(),
    currentTicket: c.currentTicketId ? (state.tickets[c.currentTicketId]?.number ?? null) : null,
    label: c.label,
  }));
}

/** Live tickets plus the day's latest calls, newest call first. */
export function snapshotTickets(state: LobbyState): Ticket[] {
  const all = Object.values(state.tickets);
  const live = all.filter((t) => LIVE.has(t.status));
  const recent = all
    .filter((t) => t.calledAt !== null && !LIVE.has(t.status))
    .sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0))
    .slice(0, RECENT_CALLS);
  return [...live, ...recent];
}

function ticketsForStaff(tickets: Ticket[], state: LobbyState, estimates: Record<string, Estimate>, now: number, watched: (ticketId: string) => boolean): ApiTicket[] {
  const ahead = waitingAheadAll(state, now);
  return tickets.map((t) => staffTicket(toApiTicket(t, state, estimates, now, ahead), watched));
}

export interface Branch {
  nameZh: string;
  nameEn: string;
}

export function lobbySnapshot(
  seq: number,
  branch: Branch,
  state: LobbyState,
  predictor: WaitPredictor,
  estimates: Record<string, Estimate>,
  now: number,
  publicAudience: boolean,
  /** Whether a ticket is under fraud watch (fraud/watch-projector.ts): asked for staff audiences only. */
  watched: (ticketId: string) => boolean,
): LobbySnapshot {
  const tickets = snapshotTickets(state);
  return {
    seq,
    branch,
    day: state.day ? { date: state.day.date, status: state.day.status } : null,
    queues: queuesView(state, predictor, now),
    counters: publicAudience ? countersView(state).map((c) => ({ ...c, staffId: null })) : countersView(state),
    tickets: publicAudience ? tickets.map(toDisplayTicket) : ticketsForStaff(tickets, state, estimates, now, watched),
  };
}

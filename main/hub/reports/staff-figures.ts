// Teller figures (issue 14): what each teller did in a day, from the queue events alone. Pure:
// the caller replays the ledger through the engine and hands every event here with the state
// just before it, so the figures follow the same states the lobby went through.
//
// Decisions:
// - Attribution: an event counts for the staff member signed in at the event's counter just
//   before it (a manager finishing a ticket at a teller's counter counts for that teller); a
//   stretch of time counts for whoever was signed in at the counter during it.
// - Walk: first call at this counter → start (a recall is part of the walk the teller waited
//   through). A transfer forgets the call, so the next counter measures its own walk.
// - Service: start → finish at the finishing counter; a ticket transferred away mid-service
//   is not served by the first teller (it is finished by the second, from their own start).
// - Time is counted only while the business day is open, and never past `until` (the end of
//   the calendar day, or now for today): a counter left open overnight adds nothing.
// - Idle while waiting: open, not paused, no current ticket, while a waiting ticket that this
//   counter may call existed (its services, or a transfer addressed to it: dispatch's rule).
// - Month: raw sums and counts are added day by day and averaged once, so an average is
//   weighted by what it averages, never an average of daily averages.
import type { LobbyState, PauseReason } from '../../common/domain.js';
import { PAUSE_REASONS } from '../../common/domain.js';
import type { QueueEvent } from '../../common/events.js';
import type { StaffFigures } from '../../common/records.js';
import { canCall } from '../queue/dispatch.js';

const MIN = 60_000;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The raw sums behind one teller's row: what a month adds up before averaging. */
export interface StaffTally {
  staffId: string;
  counters: Set<string>;
  served: number;
  /** Finished tickets whose start the replay saw: what serviceMs averages over. */
  timed: number;
  serviceMs: number;
  walks: number;
  walkMs: number;
  pauseMs: Record<PauseReason, number>;
  idleWaitingMs: number;
  recalls: number;
  noShows: number;
  ratings: number;
  ratingSum: number;
}

export type StaffTallies = Map<string, StaffTally>;

function emptyTally(staffId: string): StaffTally {
  const pauseMs = Object.fromEntries(PAUSE_REASONS.map((r) => [r, 0])) as Record<PauseReason, number>;
  return { staffId, counters: new Set(), served: 0, timed: 0, serviceMs: 0, walks: 0, walkMs: 0, pauseMs, idleWaitingMs: 0, recalls: 0, noShows: 0, ratings: 0, ratingSum: 0 };
}

/** Accumulates one business day's tallies, event by event. */
export class StaffDay {
  readonly tallies: StaffTallies = new Map();
  private last: LobbyState | null = null;
  private lastAt: number | null = null;
  /** When the ticket was first called at its present counter (forgotten by a transfer). */
  private readonly calledAt = new Map<string, number>();
  /** When service of the ticket started at its present counter. */
  private readonly startedAt = new Map<string, number>();

  /** @param until no time is counted past this (the day's end, or now for today). */
  constructor(private readonly until: number) {}

  /** The state from which time starts counting (the day's opening), with no event to count. */
  start(state: LobbyState, at: number): void {
    this.last = state;
    this.lastAt = at;
  }

  /** One event, with the state just before it and the state it made. */
  observe(before: LobbyState, event: QueueEvent, at: number, after: LobbyState): void {
    this.countTime(before, at);
    this.count(before, event, at);
    this.last = after;
    this.lastAt = at;
  }

  /** Counts the time from the last event to `until` (a pause still running at the day's end). */
  finish(): StaffTallies {
    if (this.last) this.countTime(this.last, this.until);
    this.last = null;
    return this.tallies;
  }

  /** The ratings a teller got that day (the satisfaction pad's seam: none today). */
  addRatings(staffId: string, ratings: readonly number[]): void {
    if (ratings.length === 0) return;
    const t = this.tally(staffId);
    t.ratings += ratings.length;
    t.ratingSum += ratings.reduce((a, b) => a + b, 0);
  }

  private tally(staffId: string): StaffTally {
    let t = this.tallies.get(staffId);
    if (!t) this.tallies.set(staffId, (t = emptyTally(staffId)));
    return t;
  }

  /** The staff member at a counter in this state, with the counter noted on their row. */
  private at(state: LobbyState, counter: string | null): StaffTally | null {
    const staffId = counter === null ? null : (state.counters[counter]?.staffId ?? null);
    if (staffId === null) return null;
    const t = this.tally(staffId);
    t.counters.add(counter as string);
    return t;
  }

  /** The state held from lastAt to `to`: pauses and idle time of each signed-in counter. */
  private countTime(state: LobbyState, to: number): void {
    if (this.lastAt === null) return;
    const ms = Math.min(to, this.until) - this.lastAt;
    if (ms <= 0 || state.day?.status !== 'open') return;
    let waiting: LobbyState['tickets'][string][] | null = null;
    for (const counter of Object.values(state.counters)) {
      if (counter.staffId === null || counter.status === 'closed') continue;
      const t = this.at(state, counter.id) as StaffTally;
      if (counter.status === 'paused') {
        t.pauseMs[counter.pauseReason ?? 'other'] += ms;
      } else if (counter.currentTicketId === null) {
        waiting ??= Object.values(state.tickets).filter((x) => x.status === 'waiting');
        if (waiting.some((x) => canCall(counter, x))) t.idleWaitingMs += ms;
      }
    }
  }

  private count(before: LobbyState, event: QueueEvent, at: number): void {
    switch (event.type) {
      case 'counter.opened':
        this.tally(event.staffId).counters.add(event.counter);
        return;
      case 'ticket.called':
        this.at(before, event.counter);
        if (!this.calledAt.has(event.ticket)) this.calledAt.set(event.ticket, at);
        return;
      case 'ticket.recalled': {
        const t = this.at(before, event.counter);
        if (t) t.recalls += 1;
        return;
      }
      case 'ticket.started': {
        const t = this.at(before, event.counter);
        const called = this.calledAt.get(event.ticket);
        this.startedAt.set(event.ticket, at);
        if (t && called !== undefined) {
          t.walks += 1;
          t.walkMs += at - called;
        }
        return;
      }
      case 'ticket.finished': {
        const t = this.at(before, event.counter);
        const started = this.startedAt.get(event.ticket);
        if (t) {
          t.served += 1;
          if (started !== undefined) {
            t.timed += 1;
            t.serviceMs += at - started;
          }
        }
        return;
      }
      case 'ticket.no_show': {
        const t = this.at(before, event.counter ?? before.tickets[event.ticket]?.counter ?? null);
        if (t) t.noShows += 1;
        return;
      }
      case 'ticket.transferred':
        this.calledAt.delete(event.ticket);
        this.startedAt.delete(event.ticket);
        return;
      default:
        return;
    }
  }
}

/** Adds b's sums into a copy of a: a month is its days added. */
export function addTallies(a: StaffTallies, b: StaffTallies): StaffTallies {
  const out: StaffTallies = new Map([...a].map(([id, t]) => [id, { ...t, counters: new Set(t.counters), pauseMs: { ...t.pauseMs } }]));
  for (const [id, t] of b) {
    const s = out.get(id) ?? emptyTally(id);
    for (const c of t.counters) s.counters.add(c);
    s.served += t.served;
    s.timed += t.timed;
    s.serviceMs += t.serviceMs;
    s.walks += t.walks;
    s.walkMs += t.walkMs;
    for (const r of PAUSE_REASONS) s.pauseMs[r] += t.pauseMs[r];
    s.idleWaitingMs += t.idleWaitingMs;
    s.recalls += t.recalls;
    s.noShows += t.noShows;
    s.ratings += t.ratings;
    s.ratingSum += t.ratingSum;
    out.set(id, s);
  }
  return out;
}

/** The rows as the report gives them, by staff ID. */
export function staffRows(tallies: StaffTallies): StaffFigures[] {
  return [...tallies.values()].sort((a, b) => a.staffId.localeCompare(b.staffId)).map(rowOf);
}

function rowOf(t: StaffTally): StaffFigures {
  const pauseByReason = Object.fromEntries(PAUSE_REASONS.map((r) => [r, round1(t.pauseMs[r] / MIN)])) as Record<PauseReason, number>;
  const pauseMs = PAUSE_REASONS.reduce((a, r) => a + t.pauseMs[r], 0);
  return {
    staffId: t.staffId,
    counters: [...t.counters].sort(),
    served: t.served,
    avgServiceMinutes: t.timed ? round1(t.serviceMs / t.timed / MIN) : 0,
    walkMinutes: t.walks ? round1(t.walkMs / t.walks / MIN) : 0,
    pauseMinutes: round1(pauseMs / MIN),
    pauseByReason,
    idleWhileWaitingMinutes: round1(t.idleWaitingMs / MIN),
    recalls: t.recalls,
    noShows: t.noShows,
    ratings: t.ratings,
    avgRating: t.ratings ? Math.round((t.ratingSum / t.ratings) * 100) / 100 : null,
  };
}

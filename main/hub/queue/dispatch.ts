// The dispatch policy: which waiting ticket a counter calls next. The wait estimator replays
// this same policy forward in time, so the pieces it needs (eligibility, class at a given
// time, the ordering key) are exported on their own and kept cheap to evaluate.
import type { Counter, ElderlyRank, LobbyState, Priority, QueueConfig, Ticket } from '../../common/domain.js';
import { getCounter } from './lookup.js';
import { numberValue } from './numbering.js';

/**
 * Lower is called first. An elderly ticket takes one of two places around VIP, or normal's,
 * as the branch's `elderlyRank` says (main/hub/settings/elderly.ts). Decision: it never goes
 * above an aged ticket: aging is what keeps a long wait from growing without end, and a
 * morning of older customers must not hold a normal customer past the service's longest wait.
 */
export const CLASS_RANK = { green: 0, appointmentDue: 1, aged: 2, elderlyAboveVip: 3, vip: 4, elderlyBelowVip: 5, normal: 6 } as const;
export type ClassRank = (typeof CLASS_RANK)[keyof typeof CLASS_RANK];

const ELDERLY_CLASS: Record<ElderlyRank, ClassRank> = {
  above_vip: CLASS_RANK.elderlyAboveVip,
  below_vip: CLASS_RANK.elderlyBelowVip,
  normal: CLASS_RANK.normal,
};

/**
 * The class a ticket of this priority has while it is neither due nor aged; green channel and
 * appointments have their own moments (rankTimes). An appointment not yet due counts as normal.
 */
export function baseRank(priority: Priority, config: Pick<QueueConfig, 'elderlyRank'>): ClassRank {
  if (priority === 'vip') return CLASS_RANK.vip;
  if (priority === 'elderly') return ELDERLY_CLASS[config.elderlyRank] ?? CLASS_RANK.elderlyBelowVip;
  return CLASS_RANK.normal;
}

const MINUTE = 60_000;

/**
 * The two moments at which a ticket's class can change while it waits, so the class at any
 * time is a couple of comparisons (the estimator evaluates it many times per prediction).
 */
export interface RankTimes {
  green: boolean;
  /** The class while neither due nor aged (VIP, elderly or normal): baseRank. */
  base: ClassRank;
  /** From this time an appointment ticket is "appointment due"; +Infinity for other priorities. */
  dueAt: number;
  /** After this time the ticket is aged. */
  agedAt: number;
}

export function rankTimes(state: LobbyState, ticket: Ticket): RankTimes {
  const service = state.services[ticket.service];
  let dueAt = Number.POSITIVE_INFINITY;
  if (ticket.priority === 'appointment') {
    // An appointment with no time is due at once: the kiosk issued it for "now".
    dueAt = ticket.appointmentAt === null ? Number.NEGATIVE_INFINITY : ticket.appointmentAt - state.config.appointmentEarlyMinutes * MINUTE;
  }
  return {
    green: ticket.priority === 'green',
    base: baseRank(ticket.priority, state.config),
    dueAt,
    agedAt: service ? ticket.issuedAt + service.maxWaitMinutes * MINUTE : Number.POSITIVE_INFINITY,
  };
}

export function rankAt(times: RankTimes, now: number): ClassRank {
  if (times.green) return CLASS_RANK.green;
  if (now >= times.dueAt) return CLASS_RANK.appointmentDue;
  // An appointment not yet due counts as normal, so it can age like any other ticket.
  if (now > times.agedAt) return CLASS_RANK.aged;
  return times.base;
}

export function classRank(state: LobbyState, ticket: Ticket, now: number): ClassRank {
  return rankAt(rankTimes(state, ticket), now);
}

type CounterShape = Pick<Counter, 'id' | 'services'>;

/** Whether this counter may call the ticket, leaving its status aside. */
export function canCall(counter: CounterShape, ticket: Ticket): boolean {
  if (ticket.targetCounter !== null) return ticket.targetCounter === counter.id;
  return counter.services.includes(ticket.service);
}

/**
 * Position of the ticket's service in the counter's list. Decision: a ticket transferred to
 * this counter for a service it does not list ranks as the counter's first service; the
 * transfer was addressed to this counter, so it should not trail behind its own queue.
 */
export function servicePosition(counter: CounterShape, ticket: Ticket): number {
  const i = counter.services.indexOf(ticket.service);
  return i < 0 ? 0 : i;
}

/** Class, then service position, then longest wait, then lower number. */
export function compareKeys(
  a: { rank: number; position: number; ticket: Ticket },
  b: { rank: number; position: number; ticket: Ticket },
): number {
  return (
    a.rank - b.rank ||
    a.position - b.position ||
    a.ticket.issuedAt - b.ticket.issuedAt ||
    numberValue(a.ticket.number) - numberValue(b.ticket.number) ||
    (a.ticket.number < b.ticket.number ? -1 : a.ticket.number > b.ticket.number ? 1 : 0)
  );
}

/** The order for any counter shape, including a virtual one (see waitingAhead). */
export function orderFor(state: LobbyState, counter: CounterShape, now: number): Ticket[] {
  const keyed = Object.values(state.tickets)
    .filter((t) => t.status === 'waiting' && canCall(counter, t))
    .map((ticket) => ({ ticket, rank: classRank(state, ticket, now), position: servicePosition(counter, ticket) }));
  keyed.sort(compareKeys);
  return keyed.map((k) => k.ticket);
}

/** The waiting tickets this counter may call, in the order it would call them (any counter status). */
export function dispatchOrder(state: LobbyState, counterId: string, now: number): Ticket[] {
  return orderFor(state, getCounter(state, counterId), now);
}

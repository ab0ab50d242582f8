// "People ahead" for the ticket and the kiosk. Decision (the honest simple version): the
// number of waiting tickets that come before it in the dispatch order of the open counter
// where it ranks best (the counter most likely to call it first). With no open counter able
// to call it, the first counter in state.counters order that can; with none at all, a
// virtual counter serving only its service (or its target), i.e. its plain queue order.
import type { LobbyState, Ticket } from '../../common/domain.js';
import { canCall, orderFor } from './dispatch.js';
import { getTicket } from './lookup.js';

/** Each counter's dispatch order as ticket id → position, built once per question. */
type Orders = Map<string, Map<string, number>>;

function aheadOf(state: LobbyState, ticket: Ticket, now: number, orders: Orders): number {
  // Once called nobody is ahead any more (the API shows 0 from then on).
  if (ticket.status !== 'waiting') return 0;

  const able = Object.values(state.counters).filter((c) => canCall(c, ticket));
  const open = able.filter((c) => c.status === 'open');
  const candidates = open.length > 0 ? open : able.slice(0, 1);
  const virtual = { id: ticket.targetCounter ?? '', services: [ticket.service] };
  const counters = candidates.length > 0 ? candidates.map((c) => ({ key: `c:${c.id}`, counter: c })) : [{ key: `v:${ticket.service}:${virtual.id}`, counter: virtual }];

  let best = Number.POSITIVE_INFINITY;
  for (const { key, counter } of counters) {
    let positions = orders.get(key);
    if (!positions) {
      positions = new Map(orderFor(state, counter, now).map((t, i) => [t.id, i]));
      orders.set(key, positions);
    }
    const ahead = positions.get(ticket.id);
    if (ahead !== undefined && ahead < best) best = ahead;
  }
  return Number.isFinite(best) ? best : 0;
}

export function waitingAhead(state: LobbyState, ticketId: string, now: number): number {
  return aheadOf(state, getTicket(state, ticketId), now, new Map());
}

/** People ahead of every waiting ticket at once: each counter's order is sorted only once. */
export function waitingAheadAll(state: LobbyState, now: number): Record<string, number> {
  const orders: Orders = new Map();
  const out: Record<string, number> = {};
  for (const t of Object.values(state.tickets)) if (t.status === 'waiting') out[t.id] = aheadOf(state, t, now, orders);
  return out;
}

// "People ahead" for the ticket and the kiosk. Decision (the honest simple version): the
// number of waiting tickets that come before it in the dispatch order of the open counter
// where it ranks best (the counter most likely to call it first). With no open counter able
// to call it, the first counter in state.counters order that can; with none at all, a
// virtual counter serving only its service (or its target), i.e. its plain queue order.
import type { LobbyState } from '../../common/domain.js';
import { canCall, orderFor } from './dispatch.js';
import { getTicket } from './lookup.js';

export function waitingAhead(state: LobbyState, ticketId: string, now: number): number {
  const ticket = getTicket(state, ticketId);
  // Once called nobody is ahead any more (the API shows 0 from then on).
  if (ticket.status !== 'waiting') return 0;

  const able = Object.values(state.counters).filter((c) => canCall(c, ticket));
  const open = able.filter((c) => c.status === 'open');
  const candidates = open.length > 0 ? open : able.slice(0, 1);
  const virtual = { id: ticket.targetCounter ?? '', services: [ticket.service] };
  const counters = candidates.length > 0 ? candidates : [virtual];

  let best = Number.POSITIVE_INFINITY;
  for (const counter of counters) {
    const ahead = orderFor(state, counter, now).findIndex((t) => t.id === ticketId);
    if (ahead >= 0 && ahead < best) best = ahead;
  }
  return Number.isFinite(best) ? best : 0;
}

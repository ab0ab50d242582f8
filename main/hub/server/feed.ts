// Turns each committed change into feed messages, once per audience: thirty displays share
// one serialised string instead of each building its own.
import type { FeedEvent } from '../../common/api.js';
import type { StoredEvent } from '../../common/events.js';
import type { HubChange } from '../lobby/hub.js';
import { countersView, queuesView, toApiTicket, toDisplayTicket } from '../lobby/views.js';
import type { WaitPredictor } from '../estimate/index.js';
import { waitingAheadAll } from '../queue/index.js';

export type Audience = 'staff' | 'public';

/** The event's own fields as a customer-facing screen may see them. */
function publicData(event: StoredEvent): Record<string, unknown> {
  const { seq: _s, at: _a, actor: _actor, type, ...data } = event as StoredEvent & Record<string, unknown>;
  if (!isQueueType(type)) return {};
  if (event.type === 'ticket.issued') return { ticket: toDisplayTicket(event.ticket) };
  const { staffId: _staff, note: _note, ...rest } = data;
  return rest;
}

function staffData(event: StoredEvent): Record<string, unknown> {
  const { seq: _s, at: _a, type: _t, ...data } = event as StoredEvent & Record<string, unknown>;
  return data;
}

function isQueueType(type: string): boolean {
  return /^(config|service|counter|day|ticket)\./.test(type);
}

export class FeedFormatter {
  private cache = new WeakMap<HubChange, Record<Audience, string[]>>();

  /** `open` turns the sealed personal fields of a staff message back into text. */
  constructor(
    private readonly predictor: WaitPredictor,
    private readonly clock: () => number,
    private readonly open: <T>(value: T) => T = (v) => v,
  ) {}

  messages(change: HubChange, audience: Audience): string[] {
    let cached = this.cache.get(change);
    if (!cached) {
      cached = this.build(change);
      this.cache.set(change, cached);
    }
    return cached[audience];
  }

  private build(change: HubChange): Record<Audience, string[]> {
    const now = this.clock();
    const { state, estimates } = change;
    const queues = queuesView(state, this.predictor, now);
    const counters = countersView(state);
    const changed = change.ticketIds.map((id) => state.tickets[id]).filter((t) => t !== undefined);
    const ahead = waitingAheadAll(state, now);
    const staffTickets = changed.map((t) => toApiTicket(t, state, estimates, now, ahead));
    const publicTickets = changed.map(toDisplayTicket);
    const staffEstimates: NonNullable<FeedEvent['estimates']> = {};
    for (const [id, e] of Object.entries(estimates)) staffEstimates[id] = { ...e, ahead: ahead[id] ?? 0 };
    const publicCounters = counters.map((c) => ({ ...c, staffId: null }));
    const out: Record<Audience, string[]> = { staff: [], public: [] };
    for (const event of change.events) {
      const base = { type: event.type, seq: event.seq, at: new Date(event.at).toISOString(), queues };
      out.staff.push(JSON.stringify({ ...base, data: this.open(staffData(event)), counters, tickets: staffTickets, estimates: staffEstimates } satisfies FeedEvent));
      out.public.push(JSON.stringify({ ...base, data: publicData(event), counters: publicCounters, tickets: publicTickets } satisfies FeedEvent));
    }
    return out;
  }
}

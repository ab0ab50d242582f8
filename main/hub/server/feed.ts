// Turns each committed change into feed messages, once per audience: thirty displays share
// one serialised string, and so do all the tellers at one counter.
import type { ApiCounter, ApiQueue, ApiTicket, DisplayTicket, FeedEvent } from '../../common/api.js';
import type { HubChange } from '../lobby/hub.js';
import { countersView, queuesView, staffTicket, toApiTicket, toDisplayTicket } from '../lobby/views.js';
import type { WaitPredictor } from '../estimate/index.js';
import { waitingAheadAll } from '../queue/index.js';
import { eventDataFor } from './feed-cuts.js';
import { isPublicGrant, type Principal } from './principal.js';
import { viewerOf, type Viewer } from './readers.js';

/**
 * What decides a message's content: the grant, and for a teller the counters they are signed
 * in at. Everything else about a principal leaves the message alike.
 */
export function audienceKey(v: Viewer): string {
  return v.counters.length > 0 ? `${v.grant}@${v.counters.join(',')}` : v.grant;
}

/** What every audience's messages of one change are built from, computed once. */
interface Shared {
  queues: ApiQueue[];
  staff: { counters: ApiCounter[]; tickets: ApiTicket[]; estimates: NonNullable<FeedEvent['estimates']> };
  public: { counters: ApiCounter[]; tickets: DisplayTicket[] };
}

export class FeedFormatter {
  private shared = new WeakMap<HubChange, Shared>();
  private cache = new WeakMap<HubChange, Map<string, string[]>>();

  /** `open` turns the sealed personal fields of a message back into text, for those who may read them. */
  constructor(
    private readonly predictor: WaitPredictor,
    private readonly clock: () => number,
    private readonly open: <T>(value: T) => T = (v) => v,
    /** Whether a ticket is under fraud watch: staff tickets carry it, customers' screens never. */
    private readonly watched: (ticketId: string) => boolean = () => false,
  ) {}

  /** The change's messages for this principal, as the change left the lobby (a teller's counter then). */
  messages(change: HubChange, principal: Principal): string[] {
    const viewer = viewerOf(principal, change.state);
    const key = audienceKey(viewer);
    let byAudience = this.cache.get(change);
    if (!byAudience) {
      byAudience = new Map();
      this.cache.set(change, byAudience);
    }
    let out = byAudience.get(key);
    if (!out) {
      out = this.build(change, viewer);
      byAudience.set(key, out);
    }
    return out;
  }

  private sharedOf(change: HubChange): Shared {
    let shared = this.shared.get(change);
    if (shared) return shared;
    const now = this.clock();
    const { state, estimates } = change;
    const counters = countersView(state);
    const changed = change.ticketIds.map((id) => state.tickets[id]).filter((t) => t !== undefined);
    // A ticket put under fraud watch changed for staff alone: their message carries it, flagged;
    // a customer's screen gets no ticket with that event, so it cannot tell which one it was.
    const watchedNow = change.events.flatMap((e) => (e.type === 'ticket.fraud_watch' && !change.ticketIds.includes(e.ticket) ? [state.tickets[e.ticket]] : [])).filter((t) => t !== undefined);
    const ahead = waitingAheadAll(state, now);
    const staffEstimates: NonNullable<FeedEvent['estimates']> = {};
    for (const [id, e] of Object.entries(estimates)) staffEstimates[id] = { ...e, ahead: ahead[id] ?? 0 };
    shared = {
      queues: queuesView(state, this.predictor, now),
      staff: { counters, tickets: [...changed, ...watchedNow].map((t) => staffTicket(toApiTicket(t, state, estimates, now, ahead), this.watched)), estimates: staffEstimates },
      public: { counters: counters.map((c) => ({ ...c, staffId: null })), tickets: changed.map(toDisplayTicket) },
    };
    this.shared.set(change, shared);
    return shared;
  }

  private build(change: HubChange, viewer: Viewer): string[] {
    const { queues, staff, public: customerFacing } = this.sharedOf(change);
    const isPublic = isPublicGrant(viewer.grant);
    const lobby = isPublic ? customerFacing : staff;
    return change.events.map((event) => {
      // The cut decides who may read a field; only then is what remains opened.
      const data = eventDataFor(event, viewer, change.state);
      return JSON.stringify({
        type: event.type,
        seq: event.seq,
        at: new Date(event.at).toISOString(),
        data: isPublic ? data : this.open(data),
        queues,
        ...lobby,
      } satisfies FeedEvent);
    });
  }
}

// The hub's one writer: a command's events (the engine's, a feature's, or both) are committed
// with the rows the projectors derive from them in one transaction, and only then does the
// live state move on and the feed hear of it. Nothing is answered before it is on disk.
import { EventEmitter } from 'node:events';
import type { Estimate, IssuedEstimate, LobbyState } from '../../common/domain.js';
import type { LedgerEvent, QueueCommand, QueueEvent, RecordEvent, StoredEvent } from '../../common/events.js';
import { applyEvent, decide } from '../queue/index.js';
import type { WaitPredictor } from '../estimate/index.js';
import type { Ledger } from '../ledger/index.js';
import { isQueueEventType } from '../ledger/replay.js';
import { queueProjectorOf } from '../projectors.js';
import type { QueueProjector } from '../ledger/queue-projector.js';

export interface HubChange {
  events: StoredEvent[];
  state: LobbyState;
  estimates: Record<string, Estimate>;
  /** Ids of the tickets these events touched. */
  ticketIds: string[];
}

export class Hub {
  private readonly queue: QueueProjector;
  private currentEstimates: Record<string, Estimate> = {};
  private readonly emitter = new EventEmitter();
  private readonly pending: HubChange[] = [];
  private delivering = false;

  /** `ledger` must carry the registered projectors (openHubLedger): the lobby is the queue projector's state. */
  constructor(
    readonly ledger: Ledger,
    readonly predictor: WaitPredictor,
    readonly clock: () => number = Date.now,
  ) {
    this.queue = queueProjectorOf(ledger);
    this.emitter.setMaxListeners(0);
    this.currentEstimates = predictor.predict(this.queue.state, clock());
  }

  get state(): LobbyState {
    return this.queue.state;
  }

  /** Estimates for every waiting ticket, as of the last change. */
  get estimates(): Record<string, Estimate> {
    return this.currentEstimates;
  }

  /** Estimates as of now: waits grow while nothing happens, so snapshots recompute them. */
  freshEstimates(): Record<string, Estimate> {
    return this.predictor.predict(this.state, this.clock());
  }

  lastSeq(): number {
    return this.ledger.lastSeq();
  }

  /** Decide, commit, then apply. Throws DomainError (nothing written) when the command is illegal. */
  execute(command: QueueCommand, actor: string | null): HubChange {
    const now = this.clock();
    const events = decide(this.state, command, now);
    return this.commit(events, actor, now);
  }

  /**
   * One command's events, in one transaction: queue events decided by the engine and the
   * feature's own (a VIP check-in's ticket and its customer link) are written together or not at all.
   */
  commit(events: readonly LedgerEvent[], actor: string | null, now = this.clock()): HubChange {
    if (events.length === 0) return { events: [], state: this.state, estimates: this.currentEstimates, ticketIds: [] };
    const before = this.state;
    const { events: written, estimates } = this.withIssueEstimates(events, now);
    const stored = this.ledger.append(
      written.map((event) => ({ event, actor })),
      now,
    );
    if (this.state !== before) this.currentEstimates = estimates ?? this.predictor.predict(this.state, now);
    const queueEvents = written.filter((e): e is QueueEvent => isQueueEventType(e.type));
    const change: HubChange = { events: stored, state: this.state, estimates: this.currentEstimates, ticketIds: touchedTickets(queueEvents) };
    this.publish(change);
    return change;
  }

  /**
   * A new ticket's `ticket.issued` carries the estimate it is given (issue 17: the daily report
   * compares it with the wait that followed). The estimate is the one the hub would compute
   * right after the commit: the predictor is seeded by the state, so predicting on the state
   * these events lead to gives what the kiosk shows and the ticket prints, and that prediction
   * becomes the hub's current one (one Monte Carlo per issue, as before).
   */
  private withIssueEstimates(events: readonly LedgerEvent[], now: number): { events: readonly LedgerEvent[]; estimates: Record<string, Estimate> | null } {
    if (!events.some((e) => e.type === 'ticket.issued' && e.estimate === undefined)) return { events, estimates: null };
    let after = this.state;
    for (const e of events) if (isQueueEventType(e.type)) after = applyEvent(after, e as QueueEvent, now);
    const estimates = this.predictor.predict(after, now);
    const stamped = events.map((e) => {
      if (e.type !== 'ticket.issued' || e.estimate !== undefined) return e;
      const given = estimates[e.ticket.id];
      return given ? { ...e, estimate: issuedEstimate(given) } : e;
    });
    return { events: stamped, estimates };
  }

  /** One event outside the queue (a login, a device, an alert, a record). */
  audit(event: RecordEvent, actor: string | null): StoredEvent[] {
    return this.commit([event], actor, this.clock()).events;
  }

  /**
   * Listeners may write too (a watcher raising an alert on a change). A change committed
   * while another is being delivered waits its turn, so every listener sees changes in seq
   * order: the feed never sends seq 29 before seq 28.
   */
  private publish(change: HubChange): void {
    this.pending.push(change);
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) this.emitter.emit('change', next);
    } finally {
      this.delivering = false;
    }
  }

  onChange(listener: (change: HubChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }
}

function issuedEstimate(e: Estimate): IssuedEstimate {
  return { minutes: e.minutes, low: e.low, high: e.high, ...(e.closed ? { closed: true as const } : {}) };
}

function touchedTickets(events: QueueEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.type === 'ticket.issued') ids.add(e.ticket.id);
    else if (e.type === 'day.closed') e.unserved.forEach((id) => ids.add(id));
    else if ('ticket' in e && typeof e.ticket === 'string') ids.add(e.ticket);
  }
  return [...ids];
}

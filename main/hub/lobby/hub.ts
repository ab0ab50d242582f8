// The hub's one writer: commands go through the pure engine, the resulting events and the
// projections they change are committed in one transaction, and only then does the live
// state move on and the feed hear of it. Nothing is answered before it is on disk.
import { EventEmitter } from 'node:events';
import type { Estimate, LobbyState } from '../../common/domain.js';
import type { QueueCommand, QueueEvent, RecordEvent, StoredEvent } from '../../common/events.js';
import { decide } from '../queue/index.js';
import type { WaitPredictor } from '../estimate/index.js';
import { commitQueueEvents, type Ledger } from '../ledger/index.js';

export interface HubChange {
  events: StoredEvent[];
  state: LobbyState;
  estimates: Record<string, Estimate>;
  /** Ids of the tickets these events touched. */
  ticketIds: string[];
}

export class Hub {
  private current: LobbyState;
  private currentEstimates: Record<string, Estimate> = {};
  private readonly emitter = new EventEmitter();
  private readonly pending: HubChange[] = [];
  private delivering = false;

  constructor(
    readonly ledger: Ledger,
    initial: LobbyState,
    readonly predictor: WaitPredictor,
    readonly clock: () => number = Date.now,
  ) {
    this.current = initial;
    this.emitter.setMaxListeners(0);
    this.currentEstimates = predictor.predict(initial, clock());
  }

  get state(): LobbyState {
    return this.current;
  }

  /** Estimates for every waiting ticket, as of the last change. */
  get estimates(): Record<string, Estimate> {
    return this.currentEstimates;
  }

  /** Estimates as of now: waits grow while nothing happens, so snapshots recompute them. */
  freshEstimates(): Record<string, Estimate> {
    return this.predictor.predict(this.current, this.clock());
  }

  lastSeq(): number {
    return this.ledger.lastSeq();
  }

  /** Decide, commit, then apply. Throws DomainError (nothing written) when the command is illegal. */
  execute(command: QueueCommand, actor: string | null): HubChange {
    const now = this.clock();
    const events = decide(this.current, command, now);
    return this.commitQueueEvents(events, actor, now);
  }

  /** Events decided outside the engine's commands (definitions while seeding, imports). */
  commitQueueEvents(events: QueueEvent[], actor: string | null, now = this.clock()): HubChange {
    if (events.length === 0) return { events: [], state: this.current, estimates: this.currentEstimates, ticketIds: [] };
    const { state: after, stored } = commitQueueEvents(this.ledger, this.current, events, now, actor);
    this.current = after;
    this.currentEstimates = this.predictor.predict(after, now);
    const change: HubChange = {
      events: stored,
      state: after,
      estimates: this.currentEstimates,
      ticketIds: touchedTickets(events),
    };
    this.publish(change);
    return change;
  }

  /** Events outside the queue (logins, devices, alerts, records) share the ledger's chain and the feed's seq. */
  audit(event: RecordEvent, actor: string | null, alsoWrite?: Parameters<Ledger['append']>[2]): StoredEvent[] {
    const stored = this.ledger.append([{ event, actor }], this.clock(), alsoWrite);
    this.publish({ events: stored, state: this.current, estimates: this.currentEstimates, ticketIds: [] });
    return stored;
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

function touchedTickets(events: QueueEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.type === 'ticket.issued') ids.add(e.ticket.id);
    else if (e.type === 'day.closed') e.unserved.forEach((id) => ids.add(id));
    else if ('ticket' in e && typeof e.ticket === 'string') ids.add(e.ticket);
  }
  return [...ids];
}

// The lobby's projector: it follows the queue events through the pure engine, keeps the
// resulting state (the hub reads the live lobby from it) and writes the rows that changed.
import type Database from 'better-sqlite3';
import type { LobbyState } from '../../common/domain.js';
import type { QueueEvent, StoredEvent } from '../../common/events.js';
import { applyEvent, initialState } from '../queue/index.js';
import type { Projector } from './projector.js';
import { writeProjections } from './projections.js';
import { isQueueEventType } from './replay.js';

export class QueueProjector implements Projector {
  readonly name = 'queue';
  readonly tables = ['config', 'services', 'counters', 'tickets', 'business_days', 'numbering'] as const;

  /** Starts from the state the events so far lead to (loadState), or from nothing for a rebuild. */
  constructor(public state: LobbyState = initialState()) {}

  apply(db: Database.Database, event: StoredEvent): void {
    if (!isQueueEventType(event.type)) return;
    const { seq: _seq, at, actor: _actor, ...queueEvent } = event;
    const after = applyEvent(this.state, queueEvent as QueueEvent, at);
    writeProjections(db, this.state, after);
    this.state = after;
  }

  save(): LobbyState {
    return this.state;
  }

  restore(saved: unknown): void {
    this.state = saved as LobbyState;
  }
}

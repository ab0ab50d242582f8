// The hub's usual write: queue events decided by the engine, applied to the live state and
// appended with the projection of that change, all in one transaction. Returns the new
// state only once it is committed, so the live state never runs ahead of the ledger.
import type { LobbyState } from '../../common/domain.js';
import type { QueueEvent, StoredEvent } from '../../common/events.js';
import { applyEvent } from '../queue/index.js';
import type { Ledger } from './ledger.js';
import { writeProjections } from './projections.js';

export function commitQueueEvents(
  ledger: Ledger,
  state: LobbyState,
  events: readonly QueueEvent[],
  at: number,
  actor: string | null,
): { state: LobbyState; stored: StoredEvent[] } {
  const after = events.reduce((s, event) => applyEvent(s, event, at), state);
  const stored = ledger.append(
    events.map((event) => ({ event, actor })),
    at,
    (db) => writeProjections(db, state, after),
  );
  return { state: after, stored };
}

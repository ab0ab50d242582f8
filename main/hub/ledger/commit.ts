// The hub's usual write: queue events decided by the engine, appended with the rows the
// projectors derive from them, in one transaction. Returns the new state only once it is
// committed, so the live state never runs ahead of the ledger.
import type { LobbyState } from '../../common/domain.js';
import type { QueueEvent, StoredEvent } from '../../common/events.js';
import type { Ledger } from './ledger.js';
import { QueueProjector } from './queue-projector.js';

export function commitQueueEvents(
  ledger: Ledger,
  events: readonly QueueEvent[],
  at: number,
  actor: string | null,
): { state: LobbyState; stored: StoredEvent[] } {
  const queue = ledger.projectors.find((p): p is QueueProjector => p instanceof QueueProjector);
  if (!queue) throw new Error('this ledger was opened without the queue projector');
  const stored = ledger.append(
    events.map((event) => ({ event, actor })),
    at,
  );
  return { state: queue.state, stored };
}

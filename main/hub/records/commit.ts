// Committing one command's records events: the kinds' projectors write their rows in the same
// transaction, so the answer read back afterwards is what the ledger holds.
import type { RecordsEvent } from '../../common/records.js';
import type { Hub } from '../lobby/hub.js';

export function commitRecords(hub: Hub, events: readonly RecordsEvent[], actor: string | null): void {
  hub.commit(events, actor);
}

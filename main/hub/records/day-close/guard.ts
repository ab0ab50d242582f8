// What POST /api/day/close asks of the records before the engine closes the day: the events
// to commit with the close (none, or the admin's override), or the checklist's refusal.
import { DayCloseBody } from '../../../common/routes/lobby.js';
import type { RecordsEvent } from '../../../common/records.js';
import type { Hub } from '../../lobby/hub.js';
import { isSigned } from '../checklist/projector.js';
import type { Caller } from '../route.js';
import { decideDayClose } from './decide.js';

export function dayCloseRecords(hub: Hub, who: Caller, body: unknown): RecordsEvent[] {
  const { overrideReason } = DayCloseBody.parse(body ?? {});
  const day = hub.state.day && hub.state.day.status === 'open' ? hub.state.day : null;
  return decideDayClose(day, day !== null && isSigned(hub.ledger.db, 'closing', day.date), who, overrideReason);
}

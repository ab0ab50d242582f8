// What POST /api/day/close asks of the records before the engine closes the day.
import { DayCloseBody } from '../../../common/routes/lobby.js';
import type { Hub } from '../../lobby/hub.js';
import { isSigned } from '../checklist/projector.js';
import { commitRecords } from '../commit.js';
import type { Caller } from '../route.js';
import { decideDayClose } from './decide.js';

export function guardDayClose(hub: Hub, who: Caller, body: unknown): void {
  const { overrideReason } = DayCloseBody.parse(body ?? {});
  const day = hub.state.day && hub.state.day.status === 'open' ? hub.state.day : null;
  const events = decideDayClose(day, day !== null && isSigned(hub.ledger.db, 'closing', day.date), who, overrideReason);
  commitRecords(hub, events, who.id);
}

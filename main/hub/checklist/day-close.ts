// The business day cannot be closed until its closing checklist is signed, unless an admin
// overrides it with a reason, which is recorded in the ledger before the day closes.
import { DayCloseBody } from '../../common/routes/lobby.js';
import type { Hub } from '../lobby/hub.js';
import { HttpError } from '../server/http-error.js';
import type { Principal } from '../server/principal.js';
import { recordEvent } from '../journal/record.js';
import { isSigned } from './checklists.js';

export function guardDayClose(hub: Hub, principal: Principal, body: unknown): void {
  const { overrideReason } = DayCloseBody.parse(body ?? {});
  const day = hub.state.day;
  // No open day: the engine gives its own answer (409), and no override is recorded.
  if (!day || day.status !== 'open') return;
  if (isSigned(hub.ledger.db, 'closing', day.date)) return;
  if (principal.grant === 'admin' && overrideReason) {
    recordEvent(hub, { type: 'day.close_overridden', date: day.date, reason: overrideReason }, principal.id);
    return;
  }
  throw new HttpError(
    409,
    'closing_checklist_unsigned',
    principal.grant === 'admin'
      ? `The closing checklist of ${day.date} is not signed: give a reason to close the day anyway.`
      : `The closing checklist of ${day.date} is not signed yet: the supervisor signs it before the day is closed.`,
  );
}

// The business day cannot be closed until its closing checklist is signed, unless an admin
// overrides it with a reason, which is recorded in the ledger before the day closes.
import type { RecordsEvent } from '../../../common/records.js';
import { DomainError } from '../../../common/errors.js';

/**
 * `day`: the open business day, if any (with none, the engine gives its own answer and no
 * override is recorded). The events to commit before the close: none, or the override.
 */
export function decideDayClose(day: { date: string } | null, closingSigned: boolean, who: { grant: string }, overrideReason: string | undefined): RecordsEvent[] {
  if (!day || closingSigned) return [];
  if (who.grant === 'admin' && overrideReason) return [{ type: 'day.close_overridden', date: day.date, reason: overrideReason }];
  throw new DomainError(
    'conflict',
    'closing_checklist_unsigned',
    who.grant === 'admin'
      ? `The closing checklist of ${day.date} is not signed: give a reason to close the day anyway.`
      : `The closing checklist of ${day.date} is not signed yet: the supervisor signs it before the day is closed.`,
  );
}

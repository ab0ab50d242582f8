// The business day cannot be closed until its closing checklist is signed, unless an admin
// overrides it with a reason, which is recorded in the ledger before the day closes.
import { z } from 'zod';
import type { Hub } from '../lobby/hub.js';
import { DomainError } from '../../common/errors.js';
import type { Principal } from '../auth/principal.js';
import { recordEvent } from '../journal/record.js';
import { isSigned } from './checklists.js';

export const DayCloseBody = z.strictObject({ overrideReason: z.string().trim().min(1).max(500).optional() }).default({});

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
  throw new DomainError(
    'conflict',
    'closing_checklist_unsigned',
    principal.grant === 'admin'
      ? `The closing checklist of ${day.date} is not signed: give a reason to close the day anyway.`
      : `The closing checklist of ${day.date} is not signed yet: the supervisor signs it before the day is closed.`,
  );
}

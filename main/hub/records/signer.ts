// A signature needs the signer's own PIN, checked (and throttled) as at login: a borrowed
// session is not enough. `source` is the signing terminal's address, which the locks count by.
import type Database from 'better-sqlite3';
import { checkStaffPin } from '../auth/staff-pin.js';
import { SignBody } from '../../common/records.js';
import type { RouteDef } from '../../common/routes/define.js';
import type { Hub } from '../lobby/hub.js';
import { commitRecords } from './commit.js';
import type { RecordsEvent } from '../../common/records.js';
import { idParam, type RecordRoute } from './route.js';

export async function checkSignerPin(hub: Hub, staffId: string, pin: string, source: string | null): Promise<void> {
  await checkStaffPin(hub, staffId, pin, 'sign', source);
}

/** What a signed record kind gives its sign route. */
export interface SignableKind<T> {
  find(db: Database.Database, id: string): T | undefined;
  /** Throws the kind's refusal (not found, not ready, already signed, the signer's own record…). */
  checkSignable(found: T | undefined, signer: string): unknown;
  decideSign(found: T | undefined): RecordsEvent[];
  answer(hub: Hub, id: string): unknown;
}

/** `POST …/:id/sign {pin}` for a record kind: the same steps for every kind that is signed. */
export function signRoute<T>(def: RouteDef, kind: SignableKind<T>): RecordRoute {
  return {
    def,
    async handler(input, who, { hub }) {
      const id = idParam(input);
      const { pin } = SignBody.parse(input.body);
      kind.checkSignable(kind.find(hub.ledger.db, id), who.id);
      await checkSignerPin(hub, who.id, pin, input.ip);
      // Read again after the await: the PIN check yields, and another request may have signed it.
      commitRecords(hub, kind.decideSign(kind.find(hub.ledger.db, id)), who.id);
      return kind.answer(hub, id);
    },
  };
}

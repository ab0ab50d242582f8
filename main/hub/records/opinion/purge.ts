// The purge of opinion phones past their retention: one event for the batch, and the phones'
// keys shredded once it is committed, so no copy of their ciphertext (the recording event, a
// backup, a free page) can be opened afterwards.
import type { Hub } from '../../lobby/hub.js';
import { commitThenShred } from '../../personal/shred-after.js';
import { subject } from '../../personal/vault.js';
import { commitRecords } from '../commit.js';
import { recordsSettings } from '../settings.js';
import { phonesDue } from './decide.js';
import { opinionsWithPhone } from './projector.js';

export function purgePhones(hub: Hub, now: number): string[] {
  const db = hub.ledger.db;
  const ids = phonesDue(opinionsWithPhone(db), now, recordsSettings(db).phoneRetentionDays);
  if (ids.length === 0) return [];
  commitThenShred(db, ids.map(subject.opinionPhone), (batch) => commitRecords(hub, [{ type: 'opinion.phone_purged', ids, batch }], null));
  return ids;
}

// Fraud interventions: the table, the rows each event makes, the reads.
import type Database from 'better-sqlite3';
import type { FraudIntervention } from '../../../common/fraud.js';
import { listRecords, sqlStore } from '../document-projector.js';
import { recordsProjector, update } from '../kind.js';

export const TABLE = 'fraud_interventions';

export const interventionProjector = recordsProjector({
  name: 'fraud_interventions',
  documents: [TABLE],
  reduce(store, e) {
    const { at, actor: by } = e;
    switch (e.type) {
      case 'intervention.recorded':
        store.put(TABLE, e.id, {
          id: e.id,
          date: e.date,
          ...e.fields,
          recordedAt: at,
          recordedBy: by,
          editedAt: null,
          editedBy: null,
          status: 'recorded',
          signedAt: null,
          signedBy: null,
          contentHash: null,
        } satisfies FraudIntervention);
        return;
      case 'intervention.edited':
        update<FraudIntervention>(store, TABLE, e.id, (i) => ({ ...i, ...e.fields, editedAt: at, editedBy: by }));
        return;
      case 'intervention.signed':
        update<FraudIntervention>(store, TABLE, e.id, (i) => ({ ...i, status: 'signed', signedAt: at, signedBy: by, contentHash: e.contentHash }));
        return;
    }
  },
});

export function findIntervention(db: Database.Database, id: string): FraudIntervention | undefined {
  return sqlStore(db).get<FraudIntervention>(TABLE, id);
}

/** One day's interventions, newest first. */
export function interventionsOf(db: Database.Database, date: string): FraudIntervention[] {
  return listRecords<FraudIntervention>(db, TABLE, { date });
}

/** Interventions awaiting a supervisor's signature, of any day. */
export function unsignedInterventions(db: Database.Database): FraudIntervention[] {
  return listRecords<FraudIntervention>(db, TABLE, { status: 'recorded' });
}

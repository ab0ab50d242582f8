// Device faults over HTTP: the repair's two steps (the faults are listed with the checklists).
import { FaultRepairBody } from '../../../common/records.js';
import { api } from '../../../common/routes/index.js';
import { commitRecords } from '../commit.js';
import { idParam, type RecordRoute } from '../route.js';
import { decideRepaired, decideRepairRequest, existing } from './decide.js';
import { findFault } from './projector.js';

export const faultRoutes: RecordRoute[] = [
  {
    def: api.repairRequested,
    handler(input, who, { hub }) {
      const id = idParam(input);
      commitRecords(hub, decideRepairRequest(findFault(hub.ledger.db, id)), who.id);
      return { fault: existing(findFault(hub.ledger.db, id)) };
    },
  },
  {
    def: api.repaired,
    handler(input, who, { hub }) {
      const id = idParam(input);
      const { note } = FaultRepairBody.parse(input.body ?? {});
      commitRecords(hub, decideRepaired(findFault(hub.ledger.db, id), note), who.id);
      return { fault: existing(findFault(hub.ledger.db, id)) };
    },
  },
];

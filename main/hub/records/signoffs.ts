// The supervisor's desk: every record the manager completed and nobody has signed yet, of
// every signed kind.
import { api } from '../../common/routes/index.js';
import { checklistsWith } from './checklist/projector.js';
import { complaintsWith } from './complaint/projector.js';
import { unsignedInterventions } from './intervention/projector.js';
import { opinionsWith } from './opinion/projector.js';
import type { RecordRoute } from './route.js';

export const signoffRoutes: RecordRoute[] = [
  {
    def: api.signoffs,
    handler: (_in, _who, { hub }) => ({
      checklists: checklistsWith(hub.ledger.db, 'completed'),
      opinions: opinionsWith(hub.ledger.db, 'replied'),
      complaints: complaintsWith(hub.ledger.db, 'resolved'),
      interventions: unsignedInterventions(hub.ledger.db),
    }),
  },
];

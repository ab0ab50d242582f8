// The record kinds, in one list. A kind is a folder: decide.ts (its rules: state and command
// in, events out), projector.ts (its tables and their reads) and routes.ts (its calls).
// Adding a kind is that folder and one line here; its projector joins createProjectors and
// its routes the server through this list. Order matters once: a fault's row names the
// device from its checklist's row, so checklists come before faults.
import { cardProjector } from './card/projector.js';
import { cardRoutes } from './card/routes.js';
import { checklistProjector } from './checklist/projector.js';
import { checklistRoutes } from './checklist/routes.js';
import { complaintProjector } from './complaint/projector.js';
import { complaintRoutes } from './complaint/routes.js';
import { dayCloseProjector } from './day-close/projector.js';
import { faultProjector } from './fault/projector.js';
import { faultRoutes } from './fault/routes.js';
import { interventionProjector } from './intervention/projector.js';
import { interventionRoutes } from './intervention/routes.js';
import type { RecordKind } from './kind.js';
import { notebookProjector } from './notebook/projector.js';
import { notebookRoutes } from './notebook/routes.js';
import { opinionProjector } from './opinion/projector.js';
import { opinionRoutes } from './opinion/routes.js';
import type { RecordRoute } from './route.js';
import { signoffRoutes } from './signoffs.js';
import { worklogProjector } from './worklog/projector.js';
import { worklogRoutes } from './worklog/routes.js';

export const RECORD_KINDS: readonly RecordKind[] = [
  { name: 'checklist', projector: checklistProjector, routes: checklistRoutes },
  { name: 'fault', projector: faultProjector, routes: faultRoutes },
  { name: 'worklog', projector: worklogProjector, routes: worklogRoutes },
  { name: 'opinion', projector: opinionProjector, routes: opinionRoutes },
  { name: 'complaint', projector: complaintProjector, routes: complaintRoutes },
  { name: 'notebook', projector: notebookProjector, routes: notebookRoutes },
  { name: 'card', projector: cardProjector, routes: cardRoutes },
  { name: 'intervention', projector: interventionProjector, routes: interventionRoutes },
  // Its rule runs inside POST /api/day/close (day-close/guard.ts): no routes of its own.
  { name: 'day-close', projector: dayCloseProjector, routes: [] },
];

/** Every records route, the supervisor's desk of all signed kinds included. */
export const RECORD_ROUTES: readonly RecordRoute[] = [...RECORD_KINDS.flatMap((k) => k.routes), ...signoffRoutes];

/** Every document table of the records (each kind's rows as JSON documents). */
export const DOCUMENT_TABLES: readonly string[] = RECORD_KINDS.flatMap((k) => k.projector.documents);


// Every route of the hub's HTTP API, in the README's order. A route exists when it is here:
// the hub registers these and no other, and a test fails on one registered and not listed.
import { appointmentRoutes } from './appointments.js';
import { authRoutes } from './auth.js';
import { branchRoutes } from './branch.js';
import type { RouteDef } from './define.js';
import { importRoutes } from './imports.js';
import { fraudRoutes } from './fraud.js';
import { customerRoutes, kioskRoutes, printingRoutes } from './kiosk.js';
import { lobbyRoutes } from './lobby.js';
import { ratingRoutes } from './rating.js';
import { checklistRoutes, journalRoutes, reportRoutes } from './records.js';
import { alertRoutes, settingsRoutes } from './settings.js';
import { setupRoutes, staffRoutes } from './staff.js';
import { counterRoutes, ticketRoutes } from './tickets.js';

export const ROUTE_AREAS: readonly { area: string; routes: readonly RouteDef[] }[] = [
  { area: 'Lobby', routes: lobbyRoutes },
  { area: 'Setting up', routes: setupRoutes },
  { area: 'Sign-in and devices', routes: authRoutes },
  { area: 'Staff', routes: staffRoutes },
  { area: 'Tickets and triage', routes: ticketRoutes },
  { area: 'Counters', routes: counterRoutes },
  { area: 'Kiosk', routes: kioskRoutes },
  { area: 'Satisfaction pad', routes: ratingRoutes },
  { area: 'Customers and appointments', routes: [...customerRoutes, ...appointmentRoutes] },
  { area: 'Imports', routes: importRoutes },
  { area: 'Printing', routes: printingRoutes },
  { area: 'Alerts', routes: alertRoutes },
  { area: 'Settings', routes: settingsRoutes },
  { area: 'Branch set-up', routes: branchRoutes },
  { area: 'Checklists and faults', routes: checklistRoutes },
  { area: 'Journal', routes: journalRoutes },
  { area: 'Anti-fraud', routes: fraudRoutes },
  { area: 'Reports', routes: reportRoutes },
];

export const ROUTES: readonly RouteDef[] = ROUTE_AREAS.flatMap((a) => a.routes);

export * as api from './all.js';
export type { RouteDef } from './define.js';
export { pathOf, type AnswerOf, type BodyOf, type ParamsOf, type QueryOf } from './define.js';

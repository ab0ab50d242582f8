// Who may read what, in one place: the routes' guards and the live feed's cuts use these
// lists and predicates, so the feed never tells a principal what REST refuses them.
import type { Alert, AlertKind } from '../../common/alerts.js';
import type { LobbyState } from '../../common/domain.js';
import type { StaffFigures } from '../../common/records.js';
import { CUSTOMER_READERS, KEEPERS, REPORT_READERS, type Grant } from '../../common/routes/access.js';
import type { Principal } from './principal.js';

/** A principal as the hub's state places them at one moment. */
export interface Viewer {
  grant: Grant;
  /** The counters a teller is signed in at, sorted; empty for everyone else. */
  counters: string[];
}

export function viewerOf(p: Principal, state: LobbyState): Viewer {
  const counters =
    p.grant === 'teller'
      ? Object.values(state.counters)
          .filter((c) => c.staffId === p.id)
          .map((c) => c.id)
          .sort()
      : [];
  return { grant: p.grant, counters };
}

// The groups are the route table's (main/common/routes/access.ts): one list says who may.
export {
  ACCOUNT_READERS,
  ALERT_READERS,
  APPOINTMENT_READERS,
  CUSTOMER_READERS,
  KEEPERS,
  KIOSK_EXIT_READERS,
  PRINTER_READERS,
  RECORD_READERS,
  REPORT_READERS,
  SETTINGS_READERS,
  STAFF_FIGURE_READERS,
} from '../../common/routes/access.js';

export function reads(v: Viewer, grants: readonly Grant[]): boolean {
  return grants.includes(v.grant);
}

/**
 * A ticket's customer (VIP title and notes, the notebook's entry, a transfer note): a manager
 * or supervisor, or a teller signed in at one of the counters the ticket is at. Never a
 * device: a counter terminal with nobody signed in, or a manager tablet, is not a person.
 */
export function mayReadCustomer(v: Viewer, ticketCounters: readonly (string | null)[]): boolean {
  if (!reads(v, CUSTOMER_READERS)) return false;
  if (v.grant !== 'teller') return true;
  return ticketCounters.some((c) => c !== null && v.counters.includes(c));
}

/** Alert details that name a customer or quote a record, and who may read them. */
const PERSONAL_DETAILS: Partial<Record<AlertKind, { keys: string[]; may: (v: Viewer) => boolean }>> = {
  // A VIP who just checked in waits at no counter yet: the manager and supervisor only.
  vip_arrived: { keys: ['title', 'notes'], may: (v) => mayReadCustomer(v, []) },
  // A care card's form of address, a work-log question.
  followup_due: { keys: ['title', 'question'], may: (v) => reads(v, KEEPERS) },
};

/** An alert as this viewer may read it (GET /api/alerts and the feed's alert.raised). */
export function alertFor<A extends Pick<Alert, 'kind' | 'details'>>(alert: A, v: Viewer): A {
  const personal = PERSONAL_DETAILS[alert.kind];
  if (!personal || personal.may(v)) return alert;
  const details = Object.fromEntries(Object.entries(alert.details).filter(([k]) => !personal.keys.includes(k)));
  return { ...alert, details };
}

/**
 * Teller figures as this principal may read them: a teller their own row only, whatever they
 * ask for (another teller's serving speed or pauses are not theirs to compare); the keepers
 * and the admin, who read the daily report already, every row.
 */
export function staffFiguresFor(p: Pick<Principal, 'grant' | 'id'>, rows: readonly StaffFigures[]): StaffFigures[] {
  if (p.grant === 'teller') return rows.filter((r) => r.staffId === p.id);
  return (REPORT_READERS as readonly Grant[]).includes(p.grant) ? [...rows] : [];
}

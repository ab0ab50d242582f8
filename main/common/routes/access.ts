// Who may call a route: the grants a token resolves to, and the named groups the route table
// and the hub's readers share, so the table says in one place what the guards enforce.

/** What a token grants. A paired manager tablet is not a signed-in manager. */
export const GRANTS = ['admin', 'manager', 'supervisor', 'teller', 'kiosk', 'display', 'counter-device', 'manager-device', 'rating'] as const;
export type Grant = (typeof GRANTS)[number];

export const STAFF_GRANTS = ['admin', 'manager', 'supervisor', 'teller'] as const satisfies readonly Grant[];
export const ANY_TOKEN = GRANTS;
/**
 * The lobby snapshot and the live feed: every screen but the satisfaction pad, which asks its
 * own counter's one question (GET /api/rating/current) and needs nothing of the rest of the lobby.
 */
export const LOBBY_READERS = [...STAFF_GRANTS, 'display', 'kiosk', 'counter-device', 'manager-device'] as const satisfies readonly Grant[];
/** The customer behind a ticket: GET /api/tickets/:id/customer. */
export const CUSTOMER_READERS = ['teller', 'manager', 'supervisor'] as const satisfies readonly Grant[];
/** Work log, opinion book, complaints, the special-customer notebook, referral and care cards. */
export const KEEPERS = ['manager', 'supervisor'] as const satisfies readonly Grant[];
/** The satisfaction pad's own calls: what to show, and the customer's rating. */
export const RATING_PADS = ['rating'] as const satisfies readonly Grant[];
/** Checklists and device faults. */
export const RECORD_READERS = ['manager', 'supervisor', 'admin'] as const satisfies readonly Grant[];
/** Daily and monthly reports, which count triage, self-service and overridden day closes. */
export const REPORT_READERS = ['manager', 'supervisor', 'admin'] as const satisfies readonly Grant[];
/**
 * Teller figures (GET /api/reports/staff): the keepers and the admin read every teller's row,
 * a teller only their own (main/hub/server/readers.ts: staffFiguresFor).
 */
export const STAFF_FIGURE_READERS = ['manager', 'supervisor', 'admin', 'teller'] as const satisfies readonly Grant[];
export const ALERT_READERS = ['manager', 'supervisor', 'admin', 'manager-device'] as const satisfies readonly Grant[];
/** GET /api/lobby/elderly: the older customers waiting, for the people who walk them to a counter. */
export const ELDERLY_READERS = ['manager', 'supervisor', 'admin'] as const satisfies readonly Grant[];
/** GET /api/settings/rota. */
export const SETTINGS_READERS = ['manager', 'admin', 'supervisor'] as const satisfies readonly Grant[];
/** GET /api/printing/printers: the printers and which kiosk prints where. */
export const PRINTER_READERS = ['admin', 'manager'] as const satisfies readonly Grant[];
/** GET /api/devices, staff and the login audit: the admin's. */
export const ACCOUNT_READERS = ['admin'] as const satisfies readonly Grant[];
/** POST /api/appointments: an appointment's code checks a customer in, so only those who book see it. */
export const APPOINTMENT_READERS = ['manager', 'admin'] as const satisfies readonly Grant[];
/** POST /api/kiosk/exit: who opened which kiosk. */
export const KIOSK_EXIT_READERS = ['admin', 'manager'] as const satisfies readonly Grant[];

/**
 * 'public': no token needed. 'socket': the route checks the token itself, after the upgrade
 * (the live feed takes it as its first message), against `grants`.
 */
export type Access = 'public' | { grants: readonly Grant[]; checked?: 'socket' };

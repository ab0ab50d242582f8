// The lobby's domain types, shared by the hub, the engine, printing and every screen.
// Times inside the engine are epoch milliseconds; the HTTP API turns them into ISO strings.

export const PRIORITIES = ['normal', 'vip', 'green', 'appointment', 'elderly'] as const;
export type Priority = (typeof PRIORITIES)[number];

// `recalled` is `called` again (the customer did not come at once); `transferred` is not a
// resting state: a transfer is an event that puts the ticket back to `waiting` in its new
// service or for its new counter, keeping its original issue time.
export const TICKET_STATUSES = [
  'waiting',
  'called',
  'recalled',
  'serving',
  'done',
  'no_show',
  'cancelled',
  'unserved_at_close',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const COUNTER_STATUSES = ['open', 'paused', 'closed'] as const;
export type CounterStatus = (typeof COUNTER_STATUSES)[number];

export const PAUSE_REASONS = ['lunch', 'cash_replenishment', 'meeting', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const STAFF_ROLES = ['admin', 'manager', 'supervisor', 'teller'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
// `rating`: the satisfaction pad (服务评价器) facing the customer at one counter, paired to that counter.
export const DEVICE_ROLES = ['kiosk', 'counter', 'display', 'manager', 'rating'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];
/** Who holds a token: a signed-in staff member, or a paired device. */
export type Role = StaffRole | 'kiosk' | 'counter' | 'display' | 'rating';

export interface Service {
  code: string; // 'cash'
  prefix: string; // 'A'
  nameZh: string;
  nameEn: string;
  /** Minutes a customer should wait at most; past it the manager is alerted. */
  targetWaitMinutes: number;
  /** Past this a ticket ages: it goes ahead of VIPs who are not themselves aged. */
  maxWaitMinutes: number;
  /** Mean service time assumed before the day has finished tickets of this service. */
  priorServiceMinutes: number;
}

export interface Counter {
  id: string; // '1'…'6'
  /** Services served, in order: the first is preferred within a priority class. */
  services: string[];
  status: CounterStatus;
  pauseReason: PauseReason | null;
  staffId: string | null;
  /** When the counter entered its present status. */
  since: number;
  /** The ticket called to or served at this counter, if any. */
  currentTicketId: string | null;
  /** What the branch calls it besides its number (爱心窗口, 贵宾窗口), shown on every screen; null: none. */
  label: string | null;
}

export interface Ticket {
  id: string;
  /** Prefix and number within the business day, e.g. 'A001'. Never repeats within a day. */
  number: string;
  service: string;
  priority: Priority;
  status: TicketStatus;
  businessDay: string; // 'YYYY-MM-DD'
  issuedAt: number; // kept across transfers: the place in the queue
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** Counter that called / serves it. */
  counter: string | null;
  /** Set by a transfer to a counter: only that counter may call it. */
  targetCounter: string | null;
  /** For appointment tickets: the appointment time; due from appointmentEarlyMinutes before. */
  appointmentAt: number | null;
  recalls: number;
  transfers: number;
  /** Business done, tagged by the teller at finish (free codes, e.g. 'withdrawal'). */
  tags: string[];
  /**
   * The kiosk choice the customer took (GET /api/kiosk/config, e.g. 'transfer'), set from
   * `ticket.issued` and kept through transfers; absent when the ticket came from no choice.
   * Not personal, but the business: the estimator learns service times per choice (a transfer
   * takes minutes, wealth products twenty), and customers' screens never get it (views.ts
   * `toDisplayTicket` names the fields they do).
   */
  choice?: string;
}

export interface BusinessDay {
  date: string; // 'YYYY-MM-DD'
  status: 'open' | 'closed';
  openedAt: number;
  closedAt: number | null;
}

/**
 * Where an older customer's ticket (priority `elderly`, from the ID-card check-in) is called:
 * above normal and below VIP (the default), above VIP (still below green channel, due
 * appointments and aged tickets), or as a normal ticket.
 */
export const ELDERLY_RANKS = ['below_vip', 'above_vip', 'normal'] as const;
export type ElderlyRank = (typeof ELDERLY_RANKS)[number];

export interface QueueConfig {
  /** Recalls allowed before a further recall turns the ticket into a no-show. */
  maxRecalls: number;
  /** An appointment ticket counts as "appointment due" from this many minutes before its time. */
  appointmentEarlyMinutes: number;
  /** Where dispatch (and so the estimator) puts elderly tickets; set by PUT /api/settings/elderly. */
  elderlyRank: ElderlyRank;
}

export const DEFAULT_QUEUE_CONFIG: QueueConfig = { maxRecalls: 2, appointmentEarlyMinutes: 15, elderlyRank: 'below_vip' };

/** The whole live state of the lobby, as the pure engine sees it. */
export interface LobbyState {
  config: QueueConfig;
  day: BusinessDay | null;
  services: Record<string, Service>;
  counters: Record<string, Counter>;
  /** Tickets of the current (or last) business day, by id. */
  tickets: Record<string, Ticket>;
  /** Last number issued per service prefix in the current business day. */
  lastNumber: Record<string, number>;
}

export interface Estimate {
  /** Expected minutes until the ticket is called. */
  minutes: number;
  low: number;
  high: number;
  /**
   * Present when no counter serves the ticket's service now (main/hub/estimate/service-hours.ts):
   * screens then say the service is not open, and when it opens, instead of the minutes.
   */
  closed?: EstimateClosed;
}

/**
 * The estimate a ticket was given at issue, as the kiosk showed it and the ticket printed it,
 * recorded on `ticket.issued` (main/hub/lobby/hub.ts) so the daily report can say how good the
 * branch's promises were. `closed`: the service had no counter open then, so the customer was
 * told when it opens, not how long (the report leaves those out). Absent on events written
 * before it existed.
 */
export interface IssuedEstimate {
  minutes: number;
  low: number;
  high: number;
  closed?: true;
}

export interface EstimateClosed {
  /** When the first of its counters is expected to open, branch-local HH:MM; null when nobody knows. */
  opensAt: string | null;
}

// The HTTP API and live feed of CONTRACT.md: request schemas (zod) and response types.
// Imported by the hub (to validate) and the renderer (to type its calls).
import { z } from 'zod';
import { CalendarDate, DateTime } from './dates.js';
import { DEVICE_ROLES, PAUSE_REASONS, PRIORITIES, type Estimate, type Priority, type TicketStatus, type CounterStatus, type PauseReason, type Role } from './domain.js';

export const LoginBody = z.strictObject({
  staffId: z.string().min(1).max(64),
  pin: z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits'),
});
// A satisfaction pad belongs to one counter (it asks about the service there), so it is
// registered with that counter; no other device has one, so a counter given for it is a mistake.
export const RegisterDeviceBody = z
  .strictObject({
    role: z.enum(DEVICE_ROLES),
    name: z.string().min(1).max(80),
    counter: z.string().min(1).max(16).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.role === 'rating' && b.counter === undefined) ctx.addIssue({ code: 'custom', path: ['counter'], message: 'A satisfaction pad is registered with the counter it stands at.' });
    if (b.role !== 'rating' && b.counter !== undefined) ctx.addIssue({ code: 'custom', path: ['counter'], message: 'Only a satisfaction pad is registered with a counter.' });
  });
export const PairBody = z.strictObject({ pairingCode: z.string().min(4).max(32) });
export const IssueTicketBody = z.strictObject({
  service: z.string().min(1).max(32),
  priority: z.enum(PRIORITIES).default('normal'),
  /** ISO time of an appointment, for priority 'appointment'. */
  appointmentAt: DateTime.optional(),
  /** The kiosk choice (GET /api/kiosk/config) the customer took: recorded on `ticket.issued`. */
  choice: z.string().min(1).max(32).optional(),
});
export const PauseBody = z.strictObject({ reason: z.enum(PAUSE_REASONS) });
export const FinishBody = z.strictObject({ tags: z.array(z.string().min(1).max(32)).max(10).optional() }).default({});
export const TransferBody = z
  .strictObject({
    service: z.string().min(1).max(32).optional(),
    counter: z.string().min(1).max(16).optional(),
    note: z.string().max(200).optional(),
  })
  .refine((b) => b.service !== undefined || b.counter !== undefined, {
    message: 'a transfer names a service, a counter or both',
  });
export const CallTicketBody = z.strictObject({ number: z.string().min(2).max(8) });
export const SetCounterServicesBody = z.strictObject({ services: z.array(z.string().min(1).max(32)).min(1).max(8) });
export const DailyReportQuery = z.strictObject({ date: CalendarDate });

export interface ApiError {
  /** `details`: what a screen needs beyond the sentence (e.g. the counters of customers_at_counters). */
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export interface LoginAnswer {
  token: string;
  role: Role;
  staffId: string;
  /** True while the staff member still uses a demo PIN: every staff screen shows a warning. */
  demoPin: boolean;
}
/** A staff ID locked after repeated wrong PINs (GET /api/staff/locks, admin). */
export interface StaffLock {
  staffId: string;
  role: Role;
  /** The client address the lock holds for; null when the ID is locked for every address. */
  source: string | null;
  /** ms since the epoch */
  lockedUntil: number;
  /** Wrong PINs counted towards this lock. */
  failures: number;
}
export interface StaffLocksAnswer {
  locks: StaffLock[];
}
export interface UnlockAnswer {
  staffId: string;
  unlocked: true;
}
export interface RegisterDeviceAnswer {
  deviceId: string;
  pairingCode: string;
  expiresAt: string;
  /** SHA-256 of the hub's certificate (AA:BB:…), which the terminal pins; null over plain HTTP. */
  certFingerprint: string | null;
}
export interface PairAnswer {
  token: string;
  role: Role;
  deviceId: string;
}
/** PairAnswer as anyone outside the hub must check it before trusting it (the Electron shell's main). */
export const PairAnswerSchema = z.object({ token: z.string().min(1).max(512), role: z.string().min(1).max(32), deviceId: z.string().min(1).max(64) });

/** One row of GET /api/devices. Times are ISO strings, null when it has not happened. */
export interface DeviceView {
  deviceId: string;
  role: string;
  name: string;
  paired: boolean;
  pairedAt: string | null;
  /** Until when the pairing code works, while the device is waiting for pairing. */
  pairingExpiresAt: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** The counter a satisfaction pad stands at; null for every other device. */
  counter: string | null;
}

export interface ApiService {
  code: string;
  prefix: string;
  nameZh: string;
  nameEn: string;
  targetWaitMinutes: number;
  /** Past it a waiting ticket ages ahead of VIPs; the admin's branch tab edits it. */
  maxWaitMinutes: number;
}

export interface ApiTicket {
  id: string;
  number: string;
  service: string;
  priority: Priority;
  status: TicketStatus;
  issuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  counter: string | null;
  targetCounter: string | null;
  recalls: number;
  transfers: number;
  /** People ahead of it now (0 once called). */
  ahead: number;
  /** Minutes until called, with a range; null once called. */
  estimate: Estimate | null;
  /**
   * Staff views only (the lobby and feed of a staff screen, a staff member's ticket answers):
   * an elderly customer who took a fraud-prompt choice (main/hub/fraud/watch.ts). Absent from
   * every answer a customer's screen gets.
   */
  fraudWatch?: boolean;
}

/** What a calling display may see of a ticket: nothing that names or profiles a customer. */
export interface DisplayTicket {
  number: string;
  service: string;
  status: TicketStatus;
  counter: string | null;
  calledAt: string | null;
  recalls: number;
}

/** The customer's own ticket page (from the QR code): no login, no customer data. */
export interface PublicTicketAnswer {
  number: string;
  service: string;
  serviceNameZh: string;
  serviceNameEn: string;
  status: TicketStatus;
  counter: string | null;
  ahead: number;
  estimate: Estimate | null;
}

export interface ApiQueue {
  service: string;
  prefix: string;
  nameZh: string;
  nameEn: string;
  waiting: number;
  longestWaitMinutes: number;
  /** What a ticket issued now would wait. */
  estimate: Estimate;
}

export interface ApiCounter {
  id: string;
  services: string[];
  status: CounterStatus;
  pauseReason: PauseReason | null;
  staffId: string | null;
  since: string;
  currentTicket: string | null;
  /** What the branch calls the counter besides its number (爱心窗口); null: none. */
  label: string | null;
}

export interface LobbySnapshot {
  seq: number;
  branch: { nameZh: string; nameEn: string };
  day: { date: string; status: 'open' | 'closed' } | null;
  queues: ApiQueue[];
  counters: ApiCounter[];
  /** Live tickets (waiting, called, recalled, serving) and the day's recent calls. */
  tickets: ApiTicket[] | DisplayTicket[];
}

/** A live-feed message after the snapshot: one ledger event, with the queues as they now are. */
export interface FeedEvent {
  type: string;
  seq: number;
  at: string;
  /** The event's own fields as the receiving principal may read them through REST; `{}` when none. A display's names a ticket by `number`, never by id. */
  data: Record<string, unknown>;
  queues: ApiQueue[];
  counters: ApiCounter[];
  /** The tickets this event changed, as the receiving role may see them. */
  tickets: ApiTicket[] | DisplayTicket[];
  /** Fresh estimates for every waiting ticket (staff only). */
  estimates?: Record<string, Estimate & { ahead: number }>;
}

export type FeedMessage = ({ type: 'snapshot' } & LobbySnapshot) | FeedEvent;


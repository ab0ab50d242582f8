// Every change to the lobby is one of these events. The ledger stores them (with seq, time,
// actor and hash) and the live feed sends them. Queue events carry no customer data.
import type { AlertEvent } from './alerts.js';
import type { FraudWatchEvent } from './fraud.js';
import type { RatingEvent } from './rating.js';
import type { KioskEvent } from './kiosk.js';
import type { TriageEvent } from './triage.js';
import type { AdvisorDecidedEvent } from './advisor.js';
import type { RecordsEvent } from './records.js';
import type { Counter, IssuedEstimate, PauseReason, Priority, QueueConfig, Service, Ticket } from './domain.js';

export type QueueEvent =
  /** `config.elderlyRank` is absent in events written before it existed: the default applies. */
  | { type: 'config.set'; config: Omit<QueueConfig, 'elderlyRank'> & Partial<Pick<QueueConfig, 'elderlyRank'>> }
  | { type: 'service.defined'; service: Service }
  /** Defines a counter, or redefines one (its services and label) keeping its state; `label` is absent in events before it existed. */
  | { type: 'counter.defined'; counter: Pick<Counter, 'id' | 'services'> & { label?: string | null } }
  | { type: 'counter.services_set'; counter: string; services: string[] }
  | { type: 'counter.opened'; counter: string; staffId: string }
  | { type: 'counter.paused'; counter: string; reason: PauseReason }
  | { type: 'counter.resumed'; counter: string }
  | { type: 'counter.closed'; counter: string }
  | { type: 'day.opened'; date: string }
  /** Waiting tickets become unserved_at_close (older ledgers: called ones too). */
  | { type: 'day.closed'; date: string; unserved: string[] }
  /**
   * `choice`: the kiosk choice (GET /api/kiosk/config) the customer took, when the ticket came from one.
   * `estimate`: the wait the ticket was given at issue (the hub adds it as it commits; absent on older events).
   */
  | { type: 'ticket.issued'; ticket: Ticket; choice?: string; estimate?: IssuedEstimate }
  | { type: 'ticket.called'; ticket: string; counter: string }
  | { type: 'ticket.recalled'; ticket: string; counter: string; recalls: number }
  | { type: 'ticket.started'; ticket: string; counter: string }
  | { type: 'ticket.finished'; ticket: string; counter: string; tags: string[] }
  | { type: 'ticket.no_show'; ticket: string; counter: string | null }
  | { type: 'ticket.cancelled'; ticket: string }
  | {
      type: 'ticket.transferred';
      ticket: string;
      fromService: string;
      toService: string;
      toCounter: string | null;
      fromCounter: string | null;
      note: string | null;
    }
  /** The lobby manager raised (or lowered) a waiting ticket's priority, e.g. to green channel. */
  | { type: 'ticket.priority_set'; ticket: string; priority: Priority; from: Priority };

export type QueueEventType = QueueEvent['type'];

/** Commands the engine decides on. Ids and times come from outside so decide() stays pure. */
export type QueueCommand =
  | { type: 'ticket.issue'; id: string; service: string; priority: Priority; appointmentAt?: number | null; choice?: string | null }
  /**
   * `maxPriorityInARow`: the branch's fair-calling setting (dispatch.maxPriorityInARow), which
   * the hub reads from its settings and passes in so decide() stays pure; absent or null: off.
   */
  | { type: 'counter.call_next'; counter: string; maxPriorityInARow?: number | null }
  | { type: 'counter.call_ticket'; counter: string; ticket: string }
  | { type: 'ticket.recall'; ticket: string }
  | { type: 'ticket.start'; ticket: string }
  | { type: 'ticket.finish'; ticket: string; tags?: string[] }
  | { type: 'ticket.no_show'; ticket: string }
  | { type: 'ticket.cancel'; ticket: string }
  | { type: 'ticket.transfer'; ticket: string; service?: string; counter?: string; note?: string }
  | { type: 'ticket.set_priority'; ticket: string; priority: Priority }
  | { type: 'counter.open'; counter: string; staffId: string }
  | { type: 'counter.pause'; counter: string; reason: PauseReason }
  | { type: 'counter.resume'; counter: string }
  | { type: 'counter.close'; counter: string }
  | { type: 'counter.set_services'; counter: string; services: string[] }
  | { type: 'day.open'; date: string }
  /** `finishAtCounters`: finish the customers called or served at counters, then close (else 409 customers_at_counters). */
  | { type: 'day.close'; finishAtCounters?: boolean }
  /** Definitions (admin, branch config at start-up); re-defining the same thing emits nothing. */
  | { type: 'service.define'; service: Service }
  /** `label` undefined keeps the counter's label (the branch config re-applied at start has none). */
  | { type: 'counter.define'; counter: string; services: string[]; label?: string | null }
  | { type: 'config.set'; config: Partial<QueueConfig> };

export type QueueCommandType = QueueCommand['type'];

/**
 * Events outside the queue: audit of logins and devices. They share the ledger's seq and
 * hash chain; on a display's feed they arrive with their payload stripped.
 */
export type AuditEvent =
  /** A sign-in (ok: true). Older ledgers also hold one ok: false event per failed attempt; failures are now `auth.failures`. */
  | { type: 'auth.login'; staffId: string; ok: boolean; reason: string | null }
  /** A wrong PIN at a signature pad, in older ledgers only: failures are now `auth.failures` (signing counted apart). */
  | { type: 'auth.sign_pin'; staffId: string; ok: boolean; reason: string | null }
  /**
   * A lock after wrong PINs; `source` is the one address it holds for, absent when it holds for
   * every address (that lock is projected into the staff row, so a restart keeps it, with
   * `failures`, the attempts that led to it).
   */
  | { type: 'auth.locked'; staffId: string; until: number; source?: string | null; failures?: number }
  /**
   * Failed PIN attempts (login and signing) for one staff ID, or for all unknown IDs
   * (staffId null), in one window of about a minute: the first failure of a window is written
   * at once with count 1, the rest of the window as one event when it ends. A flood of wrong
   * PINs therefore writes a bounded number of events. `refused`: attempts turned away while
   * locked (no PIN checked); `signing`: attempts at a signature pad; `sources`: the first few
   * client addresses; `distinctIds`: for the unknown bucket, how many different IDs were tried.
   */
  | { type: 'auth.failures'; staffId: string | null; from: number; count: number; refused: number; signing: number; sources: string[]; distinctIds?: number }
  /** A lock lifted by an admin before it ran out (the actor is the admin). */
  | { type: 'auth.unlocked'; staffId: string }
  /** A branch setting changed by a person (e.g. the staffing rota the estimator plans with). */
  | { type: 'settings.changed'; key: string; value: string }
  /**
   * A staff member. Never their PIN hash: `pinDigest` is the SHA-256 of the stored hash string
   * (salt included, so it cannot be brute-forced), for verify to check the credentials table
   * against; `demo`: the PIN is the demo branch's.
   */
  | { type: 'staff.defined'; staffId: string; role: string; name: string; demo?: boolean; pinDigest?: string }
  /**
   * An admin changed a staff member: only the fields given change. A disabled person cannot
   * sign in; their sessions end in the same commit (session.ended, reason `disabled`).
   */
  | { type: 'staff.changed'; staffId: string; name?: string; role?: string; disabled?: boolean }
  /**
   * A new PIN for a staff member (never the hash: `pinDigest` as in staff.defined). `oneTime`:
   * an admin's PIN to hand over (a new person, a reset), good only for setting one's own.
   */
  | { type: 'staff.pin_set'; staffId: string; pinDigest: string; oneTime: boolean }
  /** Never the pairing code: `pairingExpiresAt` is when the code shown to the admin runs out. */
  /** `counter`: the counter a satisfaction pad stands at (absent for every other device, and in older events). */
  | { type: 'device.registered'; deviceId: string; role: string; name: string; pairingExpiresAt?: number; counter?: string }
  | { type: 'device.paired'; deviceId: string }
  /** Its sessions end with this event and its live feed is closed. */
  | { type: 'device.revoked'; deviceId: string }
  /**
   * A sign-in or a pairing: `tokenHash` is the SHA-256 of a 256-bit random bearer token (not
   * reversible, yet it reaches no live feed). Staff sessions carry staffId, device ones deviceId.
   */
  | { type: 'session.started'; tokenHash: string; staffId: string | null; deviceId: string | null; role: string; expiresAt: number }
  /**
   * A session ended before it expired: signed out, unused for the sign-in idle time, or ended
   * by an admin's change to its staff member (disabled, a new role, a PIN reset).
   */
  | { type: 'session.ended'; tokenHash: string; reason: SessionEndReason }
  /**
   * A customer's right to deletion: the rows that find them by number are deleted and the data
   * keys of what the hub holds about them shredded. An erasure id, a count, and the ids of the
   * rows that go (the VIP, their tickets' links, the appointments booked with their phone, the
   * opinions whose phone goes); never the keyed hash of their number (an older ledger's events
   * may still carry customerKey, and lack the ids).
   */
  | { type: 'customer.erased'; erasure: string; subjects: number; vip?: string | null; tickets?: string[]; appointments?: string[]; opinions?: string[] }
  /**
   * The admin saw the customer secret on the branch tab (after re-entering their PIN): who
   * (the actor) and which secret, by its one-way fingerprint; never the secret itself.
   */
  | { type: 'customer_secret.shown'; fingerprint: string }
  /**
   * A version of head office's branch configuration applied here (issue 16 point 4), in the
   * same commit as the ordinary events that apply it (service.defined, settings.changed,
   * checklist.template_saved, vip.register_imported; `events` of them, 0 when the branch had it
   * already): the ledger says where they came from, and a version is applied once.
   */
  | { type: 'office.config_applied'; kind: OfficeConfigKind; version: number; events: number }
  /** A version this branch could not apply: nothing of it was written; `code` and `reason` say why. */
  | { type: 'office.config_refused'; kind: OfficeConfigKind; version: number; code: string; reason: string };

/** The kinds of head office's branch configuration (common/office/config-wire.ts). */
export type OfficeConfigKind = 'services' | 'kiosk-choices' | 'checklist-templates' | 'vip-register';

export type SessionEndReason = 'signed_out' | 'idle' | 'disabled' | 'role_changed' | 'pin_reset';

/** Every kind of event the ledger holds. Features add their own union here (one line each). */
export type LedgerEvent = QueueEvent | AuditEvent | AlertEvent | RecordsEvent | TriageEvent | KioskEvent | RatingEvent | FraudWatchEvent | AdvisorDecidedEvent;
/** Events outside the queue engine: audit, alerts, records. They never change LobbyState. */
export type RecordEvent = Exclude<LedgerEvent, QueueEvent>;

/** An event as stored in the ledger and sent on the live feed. */
export type StoredEvent<E extends LedgerEvent = LedgerEvent> = E & {
  seq: number;
  at: number;
  /** staff id or device id that caused it; null for the hub itself */
  actor: string | null;
};

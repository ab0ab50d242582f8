// The alert list the manager console shows: rebuilt from the ledger's alert events at start,
// kept current as alerts are raised, acknowledged and resolved through the hub.
//
// When the disk is full the ledger takes no writes, yet that is exactly when the manager must
// hear of it (storage_full), and the watcher, the printers and the reminders keep raising
// alerts on their timers. So an alert the hub raises itself (no actor) that the ledger refuses
// for lack of room is held in memory, listed as usual, and written in its order as soon as
// any write succeeds again: the manager sees it at once, the ledger still gets the whole
// history, and a watcher's raise never turns a committed change into an error. What a person
// or a device asks for (a kiosk's call for help, an acknowledgement) is a write like any
// other: refused with 503 storage_full, so the screen says so instead of pretending.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { orderAlerts } from '../../common/alert-order.js';
import type { Alert, AlertDetails, AlertEvent, AlertKind } from '../../common/alerts.js';
import type { StoredEvent } from '../../common/events.js';
import type { Hub } from '../lobby/hub.js';
import { readDevice } from '../devices/device-projector.js';
import { DomainError } from '../../common/errors.js';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../storage/faults.js';

export interface RaiseAlert {
  kind: AlertKind;
  key: string;
  ticket?: string | null;
  counter?: string | null;
  device?: string | null;
  details?: AlertDetails;
}

/** How many closed alerts the list keeps for the console's history. */
const KEEP_CLOSED = 200;

export class AlertBook {
  private readonly alerts = new Map<string, Alert>();
  private readonly openByKey = new Map<string, string>();
  /** Alert events the ledger refused for lack of room, oldest first. */
  private readonly held: { event: AlertEvent; actor: string | null }[] = [];
  private writingHeld = false;
  /** Held alerts reach no feed through the ledger: their readers are told directly. */
  private readonly heldNotices = new EventEmitter().setMaxListeners(0);

  constructor(private readonly hub: Hub) {
    for (const e of hub.ledger.readEventsOfType('alert.')) this.applyEvent(e as StoredEvent<AlertEvent>);
    this.trim();
    // Any committed change means the disk takes writes again.
    hub.onChange(() => this.writeHeld());
  }

  /** Raises an alert unless one with the same key is still open; returns the open one. */
  raise(input: RaiseAlert, actor: string | null): Alert {
    const openId = this.openByKey.get(input.key);
    if (openId) return this.alerts.get(openId)!;
    const alert = {
      id: randomUUID(),
      kind: input.kind,
      key: input.key,
      raisedAt: this.hub.clock(),
      ticket: input.ticket ?? null,
      counter: input.counter ?? null,
      device: input.device ?? null,
      details: this.withDeviceName(input.device ?? null, input.details ?? {}),
    };
    this.record({ type: 'alert.raised', alert }, actor);
    return this.alerts.get(alert.id)!;
  }

  /** The manager reads "大厅取号机 1", not a device id: the name the admin gave it, as it was then. */
  private withDeviceName(device: string | null, details: AlertDetails): AlertDetails {
    if (device === null || details.deviceName !== undefined) return details;
    const row = readDevice(this.hub.ledger, device);
    return row ? { ...details, deviceName: row.name } : details;
  }

  acknowledge(id: string, by: string): Alert {
    const alert = this.alerts.get(id);
    if (!alert) throw new DomainError('not_found', 'unknown_alert', 'There is no such alert.');
    if (alert.acknowledgedAt !== null) throw new DomainError('conflict', 'already_acknowledged', `This alert was acknowledged by ${alert.acknowledgedBy}.`);
    this.record({ type: 'alert.acknowledged', id, by }, by);
    return this.alerts.get(id)!;
  }

  /** The condition went away by itself (paper refilled, the customer was called). */
  resolve(key: string, actor: string | null = null): void {
    const id = this.openByKey.get(key);
    if (id) this.record({ type: 'alert.resolved', id }, actor);
  }

  isOpen(key: string): boolean {
    return this.openByKey.has(key);
  }

  /** Open alerts by urgency (alert-order.ts, the console's order), then the latest closed ones. */
  list(): Alert[] {
    return orderAlerts([...this.alerts.values()]);
  }

  /** Alerts still waiting for room in the ledger. */
  heldCount(): number {
    return this.held.length;
  }

  private record(event: AlertEvent, actor: string | null): void {
    this.writeHeld();
    // Behind held events, a person's or device's event would be written out of order.
    if (this.held.length > 0 && actor !== null) throw new DomainError('unavailable', 'storage_full', STORAGE_FULL_MESSAGE);
    if (this.held.length === 0) {
      try {
        const [stored] = this.hub.audit(event, actor);
        this.applyEvent(stored as StoredEvent<AlertEvent>);
        this.trim();
        return;
      } catch (err) {
        if (!isStorageFull(err) || actor !== null) throw err;
      }
    }
    this.held.push({ event, actor });
    this.applyEvent({ ...event, seq: 0, at: this.hub.clock(), actor } as StoredEvent<AlertEvent>);
    this.trim();
    const id = event.type === 'alert.raised' ? event.alert.id : event.id;
    const alert = this.alerts.get(id);
    if (alert) this.heldNotices.emit('held', alert);
  }

  /** Calls `listener` with each alert held in memory for lack of room; returns the unsubscribe. */
  onHeld(listener: (alert: Alert) => void): () => void {
    this.heldNotices.on('held', listener);
    return () => this.heldNotices.off('held', listener);
  }

  /** Writes the held alert events in order; stops at the first the ledger still refuses. */
  private writeHeld(): void {
    // Writing one publishes a change, which calls this again: one pass at a time.
    if (this.writingHeld || this.held.length === 0) return;
    this.writingHeld = true;
    try {
      while (this.held.length > 0) {
        const { event, actor } = this.held[0]!;
        // Already applied in memory when it was held; the ledger now catches up.
        this.hub.audit(event, actor);
        this.held.shift();
      }
    } catch (err) {
      if (!isStorageFull(err)) console.error('alerts: a held alert could not be written:', err instanceof Error ? err.message : err);
    } finally {
      this.writingHeld = false;
    }
  }

  private applyEvent(e: StoredEvent<AlertEvent>): void {
    if (e.type === 'alert.raised') {
      this.alerts.set(e.alert.id, { ...e.alert, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null });
      this.openByKey.set(e.alert.key, e.alert.id);
      return;
    }
    const alert = this.alerts.get(e.id);
    if (!alert) return;
    const next = e.type === 'alert.acknowledged' ? { ...alert, acknowledgedAt: e.at, acknowledgedBy: e.by } : { ...alert, resolvedAt: e.at };
    this.alerts.set(alert.id, next);
    if (!isOpen(next) && this.openByKey.get(next.key) === next.id) this.openByKey.delete(next.key);
  }

  private trim(): void {
    const closed = [...this.alerts.values()].filter((a) => !isOpen(a)).sort((a, b) => b.raisedAt - a.raisedAt);
    for (const a of closed.slice(KEEP_CLOSED)) this.alerts.delete(a.id);
  }
}

/** Open until a person acknowledges it or its condition resolves. */
export function isOpen(a: Alert): boolean {
  return a.acknowledgedAt === null && a.resolvedAt === null;
}

// The alert list the manager console shows: rebuilt from the ledger's alert events at start,
// kept current as alerts are raised, acknowledged and resolved through the hub.
import { randomUUID } from 'node:crypto';
import type { Alert, AlertDetails, AlertEvent, AlertKind } from '../../common/alerts.js';
import type { StoredEvent } from '../../common/events.js';
import type { Hub } from '../lobby/hub.js';
import { HttpError } from '../server/http-error.js';

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

  constructor(private readonly hub: Hub) {
    for (const e of hub.ledger.readEventsOfType('alert.')) this.applyEvent(e as StoredEvent<AlertEvent>);
    this.trim();
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
      details: input.details ?? {},
    };
    this.record({ type: 'alert.raised', alert }, actor);
    return this.alerts.get(alert.id)!;
  }

  acknowledge(id: string, by: string): Alert {
    const alert = this.alerts.get(id);
    if (!alert) throw new HttpError(404, 'unknown_alert', 'There is no such alert.');
    if (alert.acknowledgedAt !== null) throw new HttpError(409, 'already_acknowledged', `This alert was acknowledged by ${alert.acknowledgedBy}.`);
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

  /** Open alerts first (newest first), then the latest closed ones. */
  list(): Alert[] {
    const all = [...this.alerts.values()].sort((a, b) => b.raisedAt - a.raisedAt);
    return [...all.filter((a) => isOpen(a)), ...all.filter((a) => !isOpen(a))];
  }

  private record(event: AlertEvent, actor: string | null): void {
    const [stored] = this.hub.audit(event, actor);
    this.applyEvent(stored as StoredEvent<AlertEvent>);
    this.trim();
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

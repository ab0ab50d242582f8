// The lobby watcher: after every queue change and on a timer (waits grow while nothing
// happens), it raises the alerts whose conditions hold and resolves its own open alerts whose
// conditions cleared. Alerts of other kinds (printers, kiosks…) are never touched.
import type Database from 'better-sqlite3';
import type { AlertBook } from '../alerts/alert-book.js';
import { isOpen } from '../alerts/alert-book.js';
import { newTicketEstimate } from '../estimate/index.js';
import type { Hub, HubChange } from '../lobby/hub.js';
import { isQueueEventType } from '../ledger/index.js';
import { readSetting } from '../settings/settings-projector.js';
import type { Alert } from '../../common/alerts.js';
import type { Estimate } from '../../common/domain.js';
import { DEFAULT_THRESHOLDS, lobbyConditions, WATCHED_KINDS, type WatchThresholds } from './conditions.js';
import { ElderlyNearTurnWatch } from '../elderly/near-turn.js';

export interface WatcherOptions {
  thresholds?: Partial<WatchThresholds>;
  /** How often to look again while nothing happens. */
  intervalMs?: number;
}

const WATCHED = new Set<string>(WATCHED_KINDS);

/** Thresholds kept in the hub's settings table, so a branch can tune them without a release. */
export function thresholdsFromSettings(db: Database.Database): Partial<WatchThresholds> {
  const read = (key: string) => {
    const value = readSetting(db, key);
    const n = value !== undefined ? Number(value) : NaN;
    return Number.isFinite(n) && n > 0 ? n : undefined;
  };
  const out: Partial<WatchThresholds> = {};
  const estimate = read('watch.estimateThresholdMinutes');
  const idle = read('watch.idleMinutes');
  const recalls = read('watch.recalls');
  if (estimate !== undefined) out.estimateMinutes = estimate;
  if (idle !== undefined) out.idleMinutes = idle;
  if (recalls !== undefined) out.recalls = recalls;
  return out;
}

export class LobbyWatcher {
  private readonly thresholds: WatchThresholds;
  private busy = false;
  /** Keys that held at the last look; null before the first. */
  private held: Set<string> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Older customers near their turn: raised once per ticket, so kept apart from the conditions that hold or not. */
  private readonly elderly: ElderlyNearTurnWatch;

  constructor(
    private readonly hub: Hub,
    private readonly alerts: AlertBook,
    private readonly options: WatcherOptions = {},
  ) {
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
    this.elderly = new ElderlyNearTurnWatch(hub, alerts);
  }

  start(): this {
    this.unsubscribe = this.hub.onChange((change) => this.onChange(change));
    this.timer = setInterval(() => this.sweep(), this.options.intervalMs ?? 15_000);
    this.timer.unref();
    this.sweep();
    return this;
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe = null;
    this.timer = null;
  }

  /** Looks at the lobby now: raises what holds, resolves what cleared. */
  sweep(): void {
    // Raising an alert is itself a hub change: do not look again from inside a look.
    if (this.busy) return;
    this.busy = true;
    try {
      const state = this.hub.state;
      const now = this.hub.clock();
      const estimates: Record<string, Estimate> = {};
      if (state.day?.status === 'open') {
        for (const code of Object.keys(state.services)) estimates[code] = newTicketEstimate(this.hub.predictor, state, code, 'normal', now);
      }
      const holding = lobbyConditions(state, estimates, now, this.thresholds);
      const keys = new Set(holding.map((c) => c.key));
      const latest = new Map<string, Alert>();
      for (const a of this.alerts.list()) if (WATCHED.has(a.kind) && !latest.has(a.key)) latest.set(a.key, a);
      const acknowledgedStanding = (a: Alert | undefined) => a !== undefined && a.acknowledgedAt !== null && a.resolvedAt === null;
      // At start-up, an acknowledged alert counts as having held all along.
      const held = this.held ?? new Set([...latest.values()].filter(acknowledgedStanding).map((a) => a.key));
      for (const c of holding) {
        // Acknowledged while it held: the manager knows; nag again only if it clears and returns.
        if (held.has(c.key) && acknowledgedStanding(latest.get(c.key))) continue;
        this.alerts.raise(c, null);
      }
      for (const a of latest.values()) if (isOpen(a) && !keys.has(a.key)) this.alerts.resolve(a.key, null);
      this.held = keys;
      this.elderly.sweep(now);
    } finally {
      this.busy = false;
    }
  }

  private onChange(change: HubChange): void {
    if (change.events.some((e) => isQueueEventType(e.type))) this.sweep();
  }
}

// Failed PIN attempts are audited without letting a script grow the ledger at its own pace:
// one window of `windowMs` per staff ID (and one for all unknown IDs together). The first
// failure of a window is written at once, so a single wrong PIN is in the ledger the moment
// it happens; the rest of the window is tallied in memory and written as one event when the
// window ends (or the hub closes). Windows are bounded by the staff list plus one, so the
// ledger grows by at most two events per staff ID and window, whatever the request rate.
import type { RecordEvent } from '../../common/events.js';
import type { Hub } from '../lobby/hub.js';

export interface FailureAuditPolicy {
  windowMs: number;
  /** Unknown staff IDs remembered (for their locks and the count of distinct IDs). */
  maxUnknownIds: number;
}

export const DEFAULT_FAILURE_AUDIT: FailureAuditPolicy = { windowMs: 60_000, maxUnknownIds: 1000 };

export interface Failure {
  staffId: string;
  known: boolean;
  signing: boolean;
  /** Refused while locked: no PIN was checked. */
  refused: boolean;
  source: string | null;
}

const MAX_SOURCES = 4;

interface Tally {
  from: number;
  count: number;
  refused: number;
  signing: number;
  sources: Set<string>;
  ids: Set<string>;
}

interface Window {
  start: number;
  /** Failures after the window's first, not written yet. */
  pending: Tally | null;
}

export class FailureAudit {
  /** Keyed by staff ID; null is the bucket of all unknown IDs. */
  private readonly windows = new Map<string | null, Window>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly hub: Hub,
    private readonly policy: FailureAuditPolicy,
  ) {}

  /** Writes windows that have ended without waiting for their next failure. */
  startTimer(): this {
    this.timer = setInterval(() => {
      try {
        this.flushEnded();
      } catch (err) {
        console.warn(`could not write the audit of failed PINs: ${(err as Error).message}`);
      }
    }, Math.min(this.policy.windowMs, 5000));
    this.timer.unref();
    return this;
  }

  failed(f: Failure): void {
    const now = this.hub.clock();
    const key = f.known ? f.staffId : null;
    let window = this.windows.get(key);
    if (window && now - window.start >= this.policy.windowMs) {
      this.flush(key, window);
      window = undefined;
    }
    if (!window) {
      this.windows.set(key, { start: now, pending: null });
      this.write(key, add(newTally(now), f, this.policy.maxUnknownIds));
      return;
    }
    window.pending = add(window.pending ?? newTally(now), f, this.policy.maxUnknownIds);
  }

  flushEnded(): void {
    const now = this.hub.clock();
    for (const [key, window] of [...this.windows]) if (now - window.start >= this.policy.windowMs) this.flush(key, window);
  }

  /** Writes every pending tally: the hub is closing. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const [key, window] of [...this.windows]) this.flush(key, window);
  }

  private flush(key: string | null, window: Window): void {
    this.windows.delete(key);
    if (window.pending) this.write(key, window.pending);
  }

  private write(key: string | null, t: Tally): void {
    const event: RecordEvent = {
      type: 'auth.failures',
      staffId: key,
      from: t.from,
      count: t.count,
      refused: t.refused,
      signing: t.signing,
      sources: [...t.sources],
      ...(key === null ? { distinctIds: t.ids.size } : {}),
    };
    this.hub.audit(event, null);
  }
}

function newTally(from: number): Tally {
  return { from, count: 0, refused: 0, signing: 0, sources: new Set(), ids: new Set() };
}

function add(t: Tally, f: Failure, maxIds: number): Tally {
  t.count += 1;
  if (f.refused) t.refused += 1;
  if (f.signing) t.signing += 1;
  if (f.source && t.sources.size < MAX_SOURCES) t.sources.add(f.source);
  // Past maxIds the distinct count is a floor: memory stays bounded.
  if (!f.known && t.ids.size < maxIds) t.ids.add(f.staffId);
  return t;
}

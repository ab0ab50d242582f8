// The advisor in the hub: evaluated on a timer and a moment after queue changes (debounced),
// never inside a request, so a burst of calls costs one evaluation. It keeps the current
// advice for GET /api/manager/advice, raises the `breach_ahead` alert while the forecast warns
// (alerts reach the manager's screens only, feed-cuts.ts) and resolves it once it no longer does.
// A decision (applied or dismissed) is an `advisor.decided` event through the hub's one write
// path; an applied move's commands go through hub.execute like any manager's.
//
// Who may open a counter: an enabled teller signed in at no counter that is open or paused
// (the staff list is the branch's people on duty; the rota says when counters pause, not who
// is in). A dismissed advice is not offered again for DISMISS_MINUTES. An applied invitation to
// self-service changes nothing in the queue ("已邀请": the manager has asked them); the customers
// who accept are marked through the self-service triage, and nobody is invited twice. Who was
// invited is read back from the ledger's decisions when the hub starts, so a restart neither
// asks them again nor loses the console's list of those still waiting (invitedWaiting).
import type { Advice, AdviceDecision, AdvisorDecidedEvent, InvitedTicket } from '../../common/advisor.js';
import type { StoredEvent } from '../../common/events.js';
import { DomainError } from '../../common/errors.js';
import type { AlertBook } from '../alerts/alert-book.js';
import { isQueueEventType } from '../ledger/index.js';
import type { Hub } from '../lobby/hub.js';
import { staffList } from '../staff/staff-admin.js';
import { ADVISOR, commandsOf, evaluate, type RunsOf } from './advisor.js';

export const BREACH_KEY = 'breach_ahead';
const DISMISS_MINUTES = 15;
const MINUTE = 60_000;

export interface AdvisorWatchOptions {
  /** After a queue change, wait this long for more before evaluating (ms). */
  debounceMs?: number;
  /** Evaluate this often while nothing happens (waits grow) (ms). */
  intervalMs?: number;
  budgetMs?: number;
  warnWithinMinutes?: number;
}

export class AdvisorWatch {
  private current: Advice | null = null;
  private timer: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private busy = false;
  private readonly dismissed = new Map<string, number>();
  /** Tickets already invited to self-service: a customer who said no is not asked again. */
  private readonly invited = new Set<string>();
  /** Time of the last evaluation (ms) and how many candidates it tried: the budget is measured, not assumed. */
  last: { ms: number; tried: number; skipped: number } | null = null;
  private lastFault: string | null = null;

  constructor(
    private readonly hub: Hub,
    private readonly alerts: AlertBook,
    private runsOf: RunsOf,
    private options: AdvisorWatchOptions = {},
  ) {
    this.rememberInvited();
  }

  /** The invitations the ledger holds whose customers still wait (a ticket is one day's, so older ones drop out here). */
  private rememberInvited(): void {
    const tickets = this.hub.state.tickets;
    for (const stored of this.hub.ledger.readEventsOfType('advisor.decided')) {
      const e = stored as StoredEvent & AdvisorDecidedEvent;
      if (e.decision !== 'applied' || e.action?.kind !== 'divert') continue;
      for (const id of e.action.tickets) if (tickets[id]?.status === 'waiting') this.invited.add(id);
    }
  }

  /** Customers invited to self-service who still wait, in number order: the console's list to mark those who went. */
  invitedWaiting(): InvitedTicket[] {
    const tickets = this.hub.state.tickets;
    const out: InvitedTicket[] = [];
    for (const id of this.invited) {
      const t = tickets[id];
      if (t?.status === 'waiting') out.push({ ticket: id, number: t.number, service: t.service });
    }
    return out.sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
  }

  start(): this {
    this.unsubscribe = this.hub.onChange((change) => {
      if (!change.events.some((e) => isQueueEventType(e.type)) || this.debounce) return;
      this.debounce = setTimeout(() => {
        this.debounce = null;
        this.sweepFromTimer();
      }, this.options.debounceMs ?? 1_500);
      this.debounce.unref();
    });
    this.timer = setInterval(() => this.sweepFromTimer(), this.options.intervalMs ?? 30_000);
    this.timer.unref();
    return this;
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    if (this.debounce) clearTimeout(this.debounce);
    this.unsubscribe = null;
    this.timer = null;
    this.debounce = null;
  }

  /**
   * A throw in a timer would end the hub's process: advice is a help to the manager, and a
   * fault in it must never stop the lobby. Said once per kind of fault, and tried again next time.
   */
  private sweepFromTimer(): void {
    try {
      this.sweep();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (message !== this.lastFault) console.warn(`the advisor could not evaluate the lobby (the lobby goes on without advice): ${message}`);
      this.lastFault = message;
    }
  }

  /** The advice now, null when no breach is forecast within the warning window (or it was dismissed). */
  advice(): Advice | null {
    return this.current;
  }

  /** Tests replace the forward runs (a lobby whose calls they know). */
  useRuns(runsOf: RunsOf, options: { warnWithinMinutes?: number } = {}): void {
    this.runsOf = runsOf;
    if (options.warnWithinMinutes !== undefined) this.options.warnWithinMinutes = options.warnWithinMinutes;
  }

  /** Evaluates now: keeps the advice, raises or resolves the warning. */
  sweep(): Advice | null {
    if (this.busy) return this.current;
    this.busy = true;
    try {
      const state = this.hub.state;
      const now = this.hub.clock();
      for (const [id, until] of this.dismissed) if (until <= now) this.dismissed.delete(id);
      for (const id of this.invited) if (state.tickets[id]?.status !== 'waiting') this.invited.delete(id);
      const e = evaluate(state, now, this.runsOf, {
        freeStaff: this.freeStaff(),
        mayInvite: (ticket) => !this.invited.has(ticket),
        ...(this.options.budgetMs !== undefined ? { budgetMs: this.options.budgetMs } : {}),
        ...(this.options.warnWithinMinutes !== undefined ? { warnWithinMinutes: this.options.warnWithinMinutes } : {}),
      });
      this.last = { ms: e.ms, tried: e.tried, skipped: e.skipped };
      this.current = e.advice && !this.dismissed.has(e.advice.id) ? e.advice : null;
      if (this.current) {
        const a = this.current;
        this.alerts.raise(
          {
            kind: 'breach_ahead',
            key: BREACH_KEY,
            counter: a.action && 'counter' in a.action ? a.action.counter : null,
            details: {
              expected: Math.max(1, Math.round(a.forecast.expected)),
              firstInMinutes: a.forecast.firstInMinutes === null ? null : Math.max(0, Math.round(a.forecast.firstInMinutes)),
              action: a.action?.kind ?? null,
              saves: a.saves,
            },
          },
          null,
        );
      } else if (this.alerts.isOpen(BREACH_KEY)) {
        this.alerts.resolve(BREACH_KEY, null);
      }
      return this.current;
    } finally {
      this.busy = false;
    }
  }

  /** Tellers who could open a counter now. */
  private freeStaff(): string[] {
    const busy = new Set(Object.values(this.hub.state.counters).filter((c) => c.status !== 'closed' && c.staffId !== null).map((c) => c.staffId!));
    return staffList(this.hub)
      .filter((s) => s.role === 'teller' && !s.disabled && !busy.has(s.staffId))
      .map((s) => s.staffId)
      .sort();
  }

  /** The manager's decision on the advice they saw: the move applied (or not) and the record of it. */
  decide(id: string, decision: AdviceDecision, actor: string): StoredEvent {
    const a = this.current;
    if (!a || a.id !== id) {
      throw new DomainError('conflict', 'advice_changed', 'The advice has changed since it was shown; look at the new one.');
    }
    if (decision === 'applied') {
      if (!a.action) throw new DomainError('conflict', 'advice_changed', 'This warning proposes no move to apply.');
      for (const command of commandsOf(a.action)) this.hub.execute(command, actor);
      if (a.action.kind === 'divert') for (const id of a.action.tickets) this.invited.add(id);
    } else {
      this.dismissed.set(a.id, this.hub.clock() + DISMISS_MINUTES * MINUTE);
    }
    const [stored] = this.hub.audit(
      {
        type: 'advisor.decided',
        decision,
        action: a.action,
        expected: a.forecast.expected,
        expectedWith: a.expectedWith,
        firstInMinutes: a.forecast.firstInMinutes,
        saves: a.saves,
      },
      actor,
    );
    this.current = null;
    if (this.alerts.isOpen(BREACH_KEY)) this.alerts.resolve(BREACH_KEY, actor);
    return stored!;
  }
}

export { ADVISOR };

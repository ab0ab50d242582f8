// The branch-day simulator: a discrete-event run on a simulated clock that drives the REAL
// pure engine. Every change goes through decide() then applyEvents(), so tickets are called
// by the engine's own dispatch policy (counter.call_next), never by a copy of it.
//
// Decisions (the issue is silent on them):
// - A customer who leaves before being called is not known to the hub: the ticket stays
//   waiting until a counter reaches it, the teller calls, recalls once, then marks it a
//   no-show (ticket.no_show). No-shows are reported apart from served customers.
// - Tickets are issued until closing time; customers already inside are served after it,
//   as branches do, so every served customer has a realised wait.
// - A counter due for a pause or lunch stops once its current customer is done
//   (the engine refuses to pause a counter with a customer, and a teller would not).
// - Lunch is never skipped: due while its counter is on a short break, or has one pending,
//   it is taken after that break (planStart, round nine of bench/README.md).
import type { LobbyState, Priority } from '../../main/common/domain.js';
import type { QueueCommand, QueueEvent } from '../../main/common/events.js';
import { applyEvents, decide, initialState } from '../../main/hub/queue/index.js';
import { EventHeap } from './heap.js';
import type { Scenario } from './scenario.js';
import { MINUTE, type CounterPlan, type SimCustomer, type World } from './world.js';

const REFILL_MINUTES = 60;

export type SimEvent =
  | { kind: 'arrive'; customer: SimCustomer }
  | { kind: 'leave'; ticket: string }
  | { kind: 'start'; counter: string; ticket: string }
  | { kind: 'finish'; counter: string; ticket: string }
  | { kind: 'recall'; counter: string; ticket: string }
  | { kind: 'noshow'; counter: string; ticket: string }
  | { kind: 'planStart'; plan: CounterPlan }
  | { kind: 'planEnd'; counter: string }
  | { kind: 'tick' }
  /** A forked run draws its future arrivals an hour at a time, only as far as it runs. */
  | { kind: 'refill'; until: number }
  /** Idle counters look for a ticket (a forked run starts with one: it may fork mid-arrival). */
  | { kind: 'wake' };

export interface Present {
  customer: SimCustomer;
  left: boolean;
  calledAt: number | null;
  startedAt: number | null;
}

export interface Outcome {
  ticket: string;
  service: string;
  priority: Priority;
  issuedAt: number;
  calledAt: number | null;
  result: 'served' | 'no_show' | 'unserved' | 'self_service';
  /** When the customer gave up the ticket for a self-service machine (toSelfService). */
  selfServiceAt?: number;
}

export interface SimHooks {
  /** Right after a ticket is issued, before any idle counter calls it. */
  onIssue?(sim: BranchSimulator, ticketId: string): void;
  /** A screen update, at the scenario's cadence while the branch is open. */
  onUpdate?(sim: BranchSimulator): void;
  /** After a ticket is called. */
  onCall?(sim: BranchSimulator, ticketId: string): void;
}

/** What the oracle redraws when it forks a run: the future random draws, and only those. */
export interface Redraw {
  /** Whole service time of a customer who has been served `elapsed` minutes so far (0: not started). */
  serviceMinutes(customer: SimCustomer, elapsedMinutes: number): number;
  /** Patience from now of a customer still waiting and present. */
  remainingPatience(customer: SimCustomer): number;
  /** Whole walk of a called customer who has walked `elapsed` minutes so far (0: just called). */
  walkMinutes(customer: SimCustomer, elapsedMinutes: number): number;
  /**
   * A short break still to come: its time and length redrawn around the rota's time
   * (`nominalAt`), never before `now`; a lunch is the rota's and stays as it is.
   */
  plan(plan: CounterPlan, now: number): CounterPlan;
  /** Whole length of a short break that has lasted `elapsed` minutes so far. */
  breakMinutes(plan: CounterPlan, elapsedMinutes: number): number;
  /** Whether a customer still waiting for a call has left by now (`left`: the truth). */
  hasLeft(customer: SimCustomer, waitedMinutes: number, left: boolean): boolean;
  /** Customers arriving in [from, to), never after closing time. */
  arrivals(from: number, to: number): SimCustomer[];
}

export class BranchSimulator {
  state: LobbyState;
  now: number;
  readonly present = new Map<string, Present>();
  readonly outcomes = new Map<string, Outcome>();
  private readonly heap = new EventHeap<SimEvent>();
  private readonly pendingPlan = new Map<string, CounterPlan>();
  private readonly idleSince = new Map<string, number>();
  /** Counters to close once their customer is done (closeWhenFree). */
  private readonly closing = new Set<string>();
  private readonly planEnds = new Map<string, number>();
  /** The plan each counter is away on, and since when (a fork redraws a short break's end). */
  private readonly activePlans = new Map<string, { plan: CounterPlan; since: number }>();
  /** A lunch (a stop with the rota's end) that came due while its counter was on or due for a short break. */
  private readonly deferredLunch = new Map<string, CounterPlan>();
  /** Customers at the door at opening (the oracle counts today's flow without them). */
  crowd = 0;
  commands = 0;
  /** Every engine event with its time, when set (a past day read as the hub reads its ledger); null: not kept. */
  eventLog: { event: QueueEvent; at: number }[] | null = null;
  /** The branch's fair-calling setting, passed with every call as the hub does (null: off). */
  maxPriorityInARow: number | null = null;
  private redraw: Redraw | null = null;
  private settledInState = 0;
  private forkBase: { source: LobbyState; at: number; state: LobbyState; pending: { at: number; item: SimEvent }[] } | null = null;

  constructor(
    readonly scenario: Scenario,
    readonly openAt: number,
    readonly closeAt: number,
    state: LobbyState,
    now: number,
    private readonly hooks: SimHooks = {},
  ) {
    this.state = state;
    this.now = now;
  }

  /** A fresh day: the branch defined through the engine, counters open at opening time. */
  /** `eventLog`: keep every engine event from the day's opening on (`eventLog` below). */
  static forDay(world: World, hooks: SimHooks = {}, eventLog: { event: QueueEvent; at: number }[] | null = null): BranchSimulator {
    const { scenario } = world;
    const sim = new BranchSimulator(scenario, world.openAt, world.closeAt, initialState(), world.openAt, hooks);
    sim.eventLog = eventLog;
    sim.crowd = world.crowd;
    for (const s of scenario.services) {
      sim.command({ type: 'service.define', service: { ...s, nameZh: s.code, nameEn: s.code } });
    }
    for (const c of scenario.counters) sim.command({ type: 'counter.define', counter: c.id, services: c.services });
    sim.command({ type: 'day.open', date: world.date });
    for (const c of scenario.counters) {
      sim.command({ type: 'counter.open', counter: c.id, staffId: `teller-${c.id}` });
      sim.idleSince.set(c.id, world.openAt);
    }
    for (const customer of world.customers) sim.heap.push(customer.arrivalAt, { kind: 'arrive', customer });
    for (const plan of world.plans) sim.heap.push(plan.at, { kind: 'planStart', plan });
    if (hooks.onUpdate) sim.heap.push(world.openAt + scenario.updateEveryMinutes * MINUTE, { kind: 'tick' });
    return sim;
  }

  command(command: QueueCommand): QueueEvent[] {
    const events = decide(this.state, command, this.now);
    this.state = applyEvents(this.state, events.map((event) => ({ event, at: this.now })));
    this.commands++;
    if (this.eventLog) for (const event of events) this.eventLog.push({ event, at: this.now });
    return events;
  }

  /** Runs until nothing is left to happen, or until `stop` says so after an event. */
  run(stop?: () => boolean): void {
    for (;;) {
      const next = this.heap.pop();
      if (!next) break;
      this.now = next.at;
      this.handle(next.item);
      if (stop?.()) return;
    }
    // Nothing else can happen: whoever still waits could not be served by any counter.
    if (this.state.day?.status === 'open') {
      const events = this.command({ type: 'day.close' });
      for (const e of events) if (e.type === 'day.closed') for (const id of e.unserved) this.settle(id, 'unserved');
    }
  }

  /** When a counter in a pause or lunch comes back, as the rota has it. */
  planEndOf(counter: string): number | undefined {
    return this.planEnds.get(counter);
  }

  private handle(ev: SimEvent): void {
    switch (ev.kind) {
      case 'arrive':
        return this.arrive(ev.customer);
      case 'leave': {
        const p = this.present.get(ev.ticket);
        if (p && p.calledAt === null) p.left = true;
        return;
      }
      case 'start': {
        const p = this.present.get(ev.ticket)!;
        this.command({ type: 'ticket.start', ticket: ev.ticket });
        p.startedAt = this.now;
        this.heap.push(this.now + p.customer.serviceMinutes * MINUTE, { kind: 'finish', counter: ev.counter, ticket: ev.ticket });
        return;
      }
      case 'finish':
        this.command({ type: 'ticket.finish', ticket: ev.ticket });
        this.settle(ev.ticket, 'served');
        return this.free(ev.counter);
      case 'recall':
        this.command({ type: 'ticket.recall', ticket: ev.ticket });
        return;
      case 'noshow':
        this.command({ type: 'ticket.no_show', ticket: ev.ticket });
        this.settle(ev.ticket, 'no_show');
        return this.free(ev.counter);
      case 'planStart':
        return this.planStart(ev.plan);
      case 'planEnd':
        return this.planEnd(ev.counter);
      case 'refill':
        return this.refill(ev.until);
      case 'wake':
        return this.wakeIdle();
      case 'tick':
        this.hooks.onUpdate?.(this);
        if (this.now + this.scenario.updateEveryMinutes * MINUTE < this.closeAt) this.heap.push(this.now + this.scenario.updateEveryMinutes * MINUTE, { kind: 'tick' });
        return;
    }
  }

  private refill(from: number): void {
    if (!this.redraw || from >= this.closeAt) return;
    const to = Math.min(from + REFILL_MINUTES * MINUTE, this.closeAt);
    for (const customer of this.redraw.arrivals(from, to)) this.heap.push(customer.arrivalAt, { kind: 'arrive', customer });
    // Queued behind the arrivals drawn so far (same time: a later sequence number).
    this.heap.push(to, { kind: 'refill', until: to });
  }

  private arrive(customer: SimCustomer): void {
    this.command({ type: 'ticket.issue', id: customer.id, service: customer.service, priority: customer.priority, choice: customer.choice });
    this.present.set(customer.id, { customer, left: false, calledAt: null, startedAt: null });
    this.outcomes.set(customer.id, { ticket: customer.id, service: customer.service, priority: customer.priority, issuedAt: this.now, calledAt: null, result: 'unserved' });
    if (Number.isFinite(customer.patienceMinutes)) this.heap.push(this.now + customer.patienceMinutes * MINUTE, { kind: 'leave', ticket: customer.id });
    this.hooks.onIssue?.(this, customer.id);
    this.wakeIdle();
  }

  private wakeIdle(): void {
    const idle = Object.values(this.state.counters)
      .filter((c) => c.status === 'open' && c.currentTicketId === null)
      .sort((a, b) => (this.idleSince.get(a.id) ?? 0) - (this.idleSince.get(b.id) ?? 0) || a.id.localeCompare(b.id));
    for (const c of idle) this.callNext(c.id);
  }

  private callNext(counter: string): void {
    const events = this.command({ type: 'counter.call_next', counter, maxPriorityInARow: this.maxPriorityInARow });
    const called = events.find((e) => e.type === 'ticket.called');
    if (!called || called.type !== 'ticket.called') {
      if (!this.idleSince.has(counter)) this.idleSince.set(counter, this.now);
      return;
    }
    this.idleSince.delete(counter);
    const p = this.present.get(called.ticket)!;
    p.calledAt = this.now;
    this.outcomes.get(called.ticket)!.calledAt = this.now;
    this.hooks.onCall?.(this, called.ticket);
    if (p.left) {
      this.heap.push(this.now + this.scenario.noShowMinutes[0] * MINUTE, { kind: 'recall', counter, ticket: called.ticket });
      this.heap.push(this.now + this.scenario.noShowMinutes[1] * MINUTE, { kind: 'noshow', counter, ticket: called.ticket });
    } else {
      this.heap.push(this.now + p.customer.walkMinutes * MINUTE, { kind: 'start', counter, ticket: called.ticket });
    }
  }

  private settle(ticket: string, result: Outcome['result']): void {
    this.outcomes.get(ticket)!.result = result;
    this.present.delete(ticket);
    if (this.redraw && ++this.settledInState > 16) this.pruneSettled();
  }

  /**
   * A forked run drops finished tickets from its engine state now and then: the engine copies
   * the ticket map on every event, and nothing in a forked run reads finished tickets.
   */
  private pruneSettled(): void {
    const tickets: LobbyState['tickets'] = {};
    for (const [id, t] of Object.entries(this.state.tickets)) if (this.present.has(id)) tickets[id] = t;
    this.state = { ...this.state, tickets };
    this.settledInState = 0;
  }

  private free(counter: string): void {
    if (this.closing.delete(counter)) {
      this.command({ type: 'counter.close', counter });
      return;
    }
    if (this.pendingPlan.has(counter)) this.applyPlan(counter);
    else this.callNext(counter);
  }

  private planStart(plan: CounterPlan): void {
    const c = this.state.counters[plan.counter];
    // No pauses after closing time.
    if (!c || this.now >= this.closeAt) return;
    // Lunch (the rota's stop with a fixed end, pause or close) due while the counter is on a
    // short break or has one pending: no teller skips lunch for a coffee, so it waits until the
    // counter is back (planEnd) and, as always, free. It still ends at the rota's end time, as a
    // lunch held up by a customer does (applyPlan): the rota's end is when the branch has the
    // counter back (the afternoon's cover is planned from it) and what the hub is told, and the
    // short break is the teller's own time taken from the lunch hour. A later end would make
    // reality depart from the posted rota by a draw the hub cannot see.
    if (plan.endAt !== null && (this.pendingPlan.has(plan.counter) || this.activePlans.has(plan.counter))) {
      this.deferredLunch.set(plan.counter, plan);
      return;
    }
    // No short break on top of another one, nor on a counter closed or paused by other hands.
    if (c.status !== 'open' || this.pendingPlan.has(plan.counter)) return;
    this.pendingPlan.set(plan.counter, plan);
    if (c.currentTicketId === null) this.applyPlan(plan.counter);
  }

  private applyPlan(counter: string): void {
    const plan = this.pendingPlan.get(counter)!;
    this.pendingPlan.delete(counter);
    this.idleSince.delete(counter);
    if (plan.mode === 'pause') this.command({ type: 'counter.pause', counter, reason: plan.reason });
    else this.command({ type: 'counter.close', counter });
    const end = Math.max(plan.endAt ?? this.now + plan.minutes * MINUTE, this.now);
    this.planEnds.set(counter, end);
    this.activePlans.set(counter, { plan, since: this.now });
    this.heap.push(end, { kind: 'planEnd', counter });
  }

  private planEnd(counter: string): void {
    const c = this.state.counters[counter]!;
    this.planEnds.delete(counter);
    this.activePlans.delete(counter);
    if (c.status === 'paused') this.command({ type: 'counter.resume', counter });
    else if (c.status === 'closed') this.command({ type: 'counter.open', counter, staffId: `teller-${counter}` });
    // A lunch that came due during the break: taken now, or once the current customer is done.
    const lunch = this.deferredLunch.get(counter);
    if (lunch) {
      this.deferredLunch.delete(counter);
      this.pendingPlan.set(counter, lunch);
      if (this.state.counters[counter]!.currentTicketId === null) this.applyPlan(counter);
      return;
    }
    // Called back early (the advisor bench resumes short pauses): the teller may be serving already.
    if (this.state.counters[counter]!.currentTicketId === null) this.callNext(counter);
  }

  /** Closes an open counter once its customer is done (at once when it has none). */
  closeWhenFree(counter: string): void {
    const c = this.state.counters[counter];
    if (!c || c.status !== 'open') return;
    if (c.currentTicketId === null) {
      this.idleSince.delete(counter);
      this.command({ type: 'counter.close', counter });
    } else {
      this.closing.add(counter);
    }
  }

  /**
   * A waiting customer who accepts the lobby manager's invitation to a self-service machine
   * (the advisor bench's 分流): the ticket is cancelled, as the hub's self-service triage does,
   * and the customer is served there. False when there is nobody to invite: the ticket is not
   * waiting, or its customer has already left (the manager cannot find them in the lobby).
   */
  toSelfService(ticket: string): boolean {
    const p = this.present.get(ticket);
    if (!p || p.left || p.calledAt !== null || this.state.tickets[ticket]?.status !== 'waiting') return false;
    this.command({ type: 'ticket.cancel', ticket });
    this.outcomes.get(ticket)!.selfServiceAt = this.now;
    this.settle(ticket, 'self_service');
    return true;
  }

  /** Idle open counters look for a ticket now (after a change of services or a counter called back). */
  wake(): void {
    this.wakeIdle();
  }

  /**
   * The same branch at the same moment with the future redrawn: what the oracle runs forward.
   * The engine state is pruned to the tickets still in play (the dispatch policy looks at no
   * other), which keeps each forked run cheap.
   */
  fork(redraw: Redraw, hooks: SimHooks = {}): BranchSimulator {
    // Many forks are taken at one moment (one per Monte Carlo run): prepare them once.
    if (this.forkBase?.source !== this.state || this.forkBase.at !== this.now) {
      const tickets: LobbyState['tickets'] = {};
      for (const [id, t] of Object.entries(this.state.tickets)) {
        if (t.status === 'waiting' || t.status === 'called' || t.status === 'recalled' || t.status === 'serving') tickets[id] = t;
      }
      const pending = [...this.heap.pending()]
        .sort((a, b) => a.at - b.at || a.seq - b.seq)
        .filter(({ item }) => item.kind !== 'arrive' && item.kind !== 'leave' && item.kind !== 'tick' && item.kind !== 'refill' && item.kind !== 'wake');
      this.forkBase = { source: this.state, at: this.now, state: { ...this.state, tickets }, pending };
    }
    const base = this.forkBase;
    const sim = new BranchSimulator(this.scenario, this.openAt, this.closeAt, base.state, this.now, hooks);
    // Forks prune finished tickets, so a fork under fair calling may start a counter's run short;
    // the oracle runs with the rule off (the predictors bench never sets it).
    sim.maxPriorityInARow = this.maxPriorityInARow;
    // Forked right after an issue, the idle counters have not looked yet: they do first.
    sim.heap.push(this.now, { kind: 'wake' });
    for (const [id, since] of this.idleSince) sim.idleSince.set(id, since);
    sim.crowd = this.crowd;
    // A break due but waiting for the counter's customer: that it comes is known, how long it lasts is not.
    for (const [id, plan] of this.pendingPlan) sim.pendingPlan.set(id, plan.endAt === null ? { ...plan, minutes: redraw.breakMinutes(plan, 0) } : plan);
    // A lunch waiting for a short break to end is the rota's: it comes after the break as it is.
    for (const [id, plan] of this.deferredLunch) sim.deferredLunch.set(id, plan);
    // A short break in progress ends after a redrawn length, given how long it has lasted.
    for (const [id, end] of this.planEnds) {
      const active = this.activePlans.get(id);
      if (active && active.plan.endAt === null) {
        const redrawn = Math.max(this.now, active.since + redraw.breakMinutes(active.plan, (this.now - active.since) / MINUTE) * MINUTE);
        sim.planEnds.set(id, redrawn);
        sim.activePlans.set(id, active);
      } else {
        sim.planEnds.set(id, end);
        if (active) sim.activePlans.set(id, active);
      }
    }
    for (const [id, p] of this.present) {
      const elapsed = p.startedAt === null ? 0 : (this.now - p.startedAt) / MINUTE;
      const customer: SimCustomer = {
        ...p.customer,
        serviceMinutes: redraw.serviceMinutes(p.customer, elapsed),
        walkMinutes: p.startedAt !== null ? p.customer.walkMinutes : redraw.walkMinutes(p.customer, p.calledAt === null ? 0 : (this.now - p.calledAt) / MINUTE),
      };
      const left = p.calledAt === null ? redraw.hasLeft(p.customer, (this.now - p.customer.arrivalAt) / MINUTE, p.left) : p.left;
      sim.present.set(id, { ...p, customer, left });
      sim.outcomes.set(id, { ...this.outcomes.get(id)! });
      if (p.calledAt === null && !left && Number.isFinite(p.customer.patienceMinutes)) {
        sim.heap.push(this.now + redraw.remainingPatience(p.customer) * MINUTE, { kind: 'leave', ticket: id });
      }
    }
    for (const { at, item } of base.pending) {
      if (item.kind === 'finish') {
        // The finish time was a draw: move it to the redrawn service time.
        const p = sim.present.get(item.ticket)!;
        sim.heap.push(p.startedAt! + p.customer.serviceMinutes * MINUTE, item);
        continue;
      }
      if (item.kind === 'start') {
        // So was the walk's end: the redrawn walk, given how long it has lasted.
        const p = sim.present.get(item.ticket)!;
        sim.heap.push(Math.max(this.now, p.calledAt! + p.customer.walkMinutes * MINUTE), item);
        continue;
      }
      if (item.kind === 'planStart') {
        // A short break's time and length were the day's draws: the rota says only about when.
        const plan = redraw.plan(item.plan, this.now);
        sim.heap.push(plan.at, { kind: 'planStart', plan });
        continue;
      }
      if (item.kind === 'planEnd') {
        sim.heap.push(sim.planEnds.get(item.counter) ?? at, item);
        continue;
      }
      sim.heap.push(at, item);
    }
    sim.redraw = redraw;
    sim.refill(this.now);
    return sim;
  }
}

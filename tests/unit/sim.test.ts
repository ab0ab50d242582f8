// The branch-day simulator (bench/sim): reproducible by seed, conserving customers, driving
// the real engine, forking exactly, and reproducing M/M/8 theory. Heavy runs live in the bench.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, SCENARIO_DIR } from '../../bench/sim/scenario.js';
import { BranchSimulator, type Redraw } from '../../bench/sim/simulator.js';
import { drawWorld, MINUTE, type World } from '../../bench/sim/world.js';
import type { QueueEvent } from '../../main/common/events.js';
import { dispatchOrder } from '../../main/hub/queue/index.js';

const ordinary = loadScenario(path.join(SCENARIO_DIR, 'ordinary-day.json'));
const mm8 = loadScenario(path.join(SCENARIO_DIR, 'validation-mm8.json'));

function callTimes(sim: BranchSimulator): Record<string, number | null> {
  return Object.fromEntries([...sim.outcomes.values()].map((o) => [o.ticket, o.calledAt]));
}

function runWorld(world: World): BranchSimulator {
  const sim = BranchSimulator.forDay(world);
  sim.run();
  return sim;
}

/**
 * Runs the day, and forks it once, at the first issue `when` accepts, with a redraw that hands
 * the fork the day's true future (the same service times, patience, walks, breaks and later
 * arrivals): the fork's calls must then be the day's own.
 */
function forkWithTrueFuture(world: World, when: (s: BranchSimulator, id: string) => boolean): { truth: Record<string, number | null>; forkedTimes: Record<string, number | null>; waitingAtFork: string[] } {
  const truth = callTimes(runWorld(world));
  const index = new Map(world.customers.map((c, i) => [c.id, i]));
  let forkedTimes: Record<string, number | null> | null = null;
  let waitingAtFork: string[] = [];
  const sim = BranchSimulator.forDay(world, {
    onIssue: (s, id) => {
      if (forkedTimes || !when(s, id)) return;
      const now = s.now;
      const after = index.get(id)!;
      const trueFuture: Redraw = {
        serviceMinutes: (c) => c.serviceMinutes,
        remainingPatience: (c) => c.patienceMinutes - (now - c.arrivalAt) / MINUTE,
        walkMinutes: (c) => c.walkMinutes,
        plan: (p) => p,
        breakMinutes: (p) => p.minutes,
        hasLeft: (_c, _w, left) => left,
        arrivals: (from, to) => world.customers.filter((c) => index.get(c.id)! > after && c.arrivalAt >= from && c.arrivalAt < to),
      };
      waitingAtFork = Object.values(s.state.tickets).filter((t) => t.status === 'waiting').map((t) => t.id);
      const fork = s.fork(trueFuture);
      fork.run();
      forkedTimes = callTimes(fork);
    },
  });
  sim.run();
  if (!forkedTimes) throw new Error('the day never reached the fork');
  return { truth, forkedTimes, waitingAtFork };
}

describe('the branch-day simulator', () => {
  it('gives the same day for the same seed and another day for another seed', () => {
    const a = runWorld(drawWorld(ordinary, 42));
    const b = runWorld(drawWorld(ordinary, 42));
    const c = runWorld(drawWorld(ordinary, 43));
    expect(callTimes(a)).toEqual(callTimes(b));
    expect(a.state).toEqual(b.state);
    expect(callTimes(c)).not.toEqual(callTimes(a));
  });

  it('loses and invents no customer: everyone issued ends served, no-show or unserved, as the engine says', () => {
    const world = drawWorld(ordinary, 7);
    const sim = runWorld(world);
    const outcomes = [...sim.outcomes.values()];
    expect(outcomes).toHaveLength(world.customers.length);
    expect(Object.keys(sim.state.tickets).sort()).toEqual(world.customers.map((c) => c.id).sort());
    const count = (status: string) => Object.values(sim.state.tickets).filter((t) => t.status === status).length;
    const served = outcomes.filter((o) => o.result === 'served').length;
    const noShows = outcomes.filter((o) => o.result === 'no_show').length;
    expect(count('done')).toBe(served);
    expect(count('no_show')).toBe(noShows);
    expect(served + noShows).toBe(world.customers.length);
    expect(noShows).toBeGreaterThan(0);
    expect(sim.present.size).toBe(0);
  });

  it('sends a waiting customer to self-service (the advisor bench): the ticket is cancelled, the customer settled then, nobody else touched', () => {
    const world = drawWorld(ordinary, 11);
    let sent: { id: string; at: number } | null = null;
    let refused: boolean | null = null;
    const sim = BranchSimulator.forDay(world, {
      onUpdate(s) {
        if (sent) return;
        const waiting = Object.values(s.state.tickets).filter((t) => t.status === 'waiting');
        const called = Object.values(s.state.tickets).find((t) => t.status === 'called' || t.status === 'serving');
        if (waiting.length === 0 || !called) return;
        // A ticket already called is nobody to invite.
        refused = s.toSelfService(called.id);
        const id = waiting[waiting.length - 1]!.id;
        expect(s.toSelfService(id)).toBe(true);
        sent = { id, at: s.now };
      },
    });
    sim.run();
    expect(refused).toBe(false);
    expect(sent).not.toBeNull();
    const { id, at } = sent!;
    expect(sim.state.tickets[id]!.status).toBe('cancelled');
    expect(sim.outcomes.get(id)).toMatchObject({ result: 'self_service', selfServiceAt: at, calledAt: null });
    // Everyone else still ends served, no-show or unserved.
    expect([...sim.outcomes.values()].filter((o) => o.result === 'self_service')).toHaveLength(1);
    expect(sim.outcomes.size).toBe(world.customers.length);
  });

  it('has 5–10% of an ordinary day leave before their call, on average (the calibration of patience)', () => {
    let customers = 0;
    let noShows = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const sim = runWorld(drawWorld(ordinary, seed));
      customers += sim.outcomes.size;
      noShows += [...sim.outcomes.values()].filter((o) => o.result === 'no_show').length;
    }
    expect(noShows / customers).toBeGreaterThan(0.04);
    expect(noShows / customers).toBeLessThan(0.11);
  });

  it('calls through the engine: each call is the head of the real dispatch order at that moment', () => {
    let calls = 0;
    let headOfOrder = 0;
    const world = drawWorld(ordinary, 11);
    const sim = BranchSimulator.forDay(world, {
      onCall: (s, id) => {
        const t = s.state.tickets[id]!;
        // Put the called ticket back among the waiting ones: the policy must put it first.
        const before = { ...s.state, tickets: { ...s.state.tickets, [id]: { ...t, status: 'waiting' as const, counter: null, calledAt: null } } };
        calls++;
        if (dispatchOrder(before, t.counter!, s.now)[0]?.id === id) headOfOrder++;
      },
    });
    sim.run();
    expect(calls).toBe(world.customers.length);
    expect(headOfOrder).toBe(calls);
    // VIP and green tickets jump the queue: on average they wait less than normal ones.
    const waits = (p: string) => {
      const list = [...sim.outcomes.values()].filter((o) => o.priority === p && o.calledAt !== null).map((o) => o.calledAt! - o.issuedAt);
      return list.reduce((a, b) => a + b, 0) / list.length;
    };
    expect(waits('green')).toBeLessThan(waits('vip'));
    expect(waits('vip')).toBeLessThan(waits('normal'));
  });

  it('never skips lunch: a counter on a short break at lunch time, or due for one, takes lunch after it, back at the rota\'s end', () => {
    const cases = { onBreak: 0, breakPending: 0 };
    for (const seed of [3, 4]) {
      const drawn = drawWorld(ordinary, seed);
      const lunch = drawn.plans.find((p) => p.counter === '1' && p.reason === 'lunch')!;
      // Counter 1's short breaks replaced by one of 10 minutes due 5 minutes before lunch: it is
      // on it at lunch time, or still serving the customer before it.
      const due = lunch.at - 5 * MINUTE;
      const coffee = { counter: '1', at: due, mode: 'pause' as const, reason: 'other' as const, endAt: null, minutes: 10, nominalAt: due };
      const plans = [...drawn.plans.filter((p) => p.counter !== '1' || p === lunch), coffee].sort((a, b) => a.at - b.at);
      const log: { event: QueueEvent; at: number }[] = [];
      BranchSimulator.forDay({ ...drawn, plans }, {}, log).run();
      const mine = log.filter(({ event }) => 'counter' in event && event.counter === '1' && event.type.startsWith('counter.'));
      const coffeeAt = mine.find(({ event }) => event.type === 'counter.paused' && event.reason === 'other')!.at;
      const lunchIndex = mine.findIndex(({ event }) => event.type === 'counter.paused' && event.reason === 'lunch');
      expect(lunchIndex).toBeGreaterThan(0);
      // Lunch comes once the counter is back from its break, and ends at the rota's time.
      expect(mine[lunchIndex - 1]!.event.type).toBe('counter.resumed');
      expect(mine[lunchIndex]!.at).toBeGreaterThanOrEqual(coffeeAt + 10 * MINUTE);
      expect(mine[lunchIndex + 1]).toEqual({ event: { type: 'counter.resumed', counter: '1' }, at: lunch.endAt });
      if (coffeeAt <= lunch.at) cases.onBreak++;
      else cases.breakPending++;
    }
    // Both ways a lunch used to be dropped came up.
    expect(cases.onBreak).toBeGreaterThan(0);
    expect(cases.breakPending).toBeGreaterThan(0);
  });

  it('forks exactly: a fork given the true future replays the rest of the day call for call', () => {
    const world = drawWorld(ordinary, 5);
    const forked = forkWithTrueFuture(world, (_s, id) => id === 'c200');
    expect(forked.waitingAtFork.length).toBeGreaterThan(10);
    for (const id of forked.waitingAtFork) expect(forked.forkedTimes[id]).toBe(forked.truth[id]);
  });

  it('forks exactly with a lunch waiting for a short break to end: the fork takes it as the day does', () => {
    const drawn = drawWorld(ordinary, 4);
    const lunch = drawn.plans.find((p) => p.counter === '1' && p.reason === 'lunch')!;
    const due = lunch.at - 5 * MINUTE;
    const coffee = { counter: '1', at: due, mode: 'pause' as const, reason: 'other' as const, endAt: null, minutes: 10, nominalAt: due };
    const world = { ...drawn, plans: [...drawn.plans.filter((p) => p.counter !== '1' || p === lunch), coffee].sort((a, b) => a.at - b.at) };
    // Forked after lunch time while counter 1 is still on its short break: lunch is deferred.
    const forked = forkWithTrueFuture(world, (s) => s.now > lunch.at && s.state.counters['1']!.pauseReason === 'other');
    expect(forked.waitingAtFork.length).toBeGreaterThan(5);
    for (const id of forked.waitingAtFork) expect(forked.forkedTimes[id]).toBe(forked.truth[id]);
  });

  it('keeps no future draw in a fork: every break still to come and every one in progress goes through the redraw', () => {
    const world = drawWorld(ordinary, 5);
    const index = new Map(world.customers.map((c, i) => [c.id, i]));
    const redrawn: number[] = [];
    let expected: number[] = [];
    const sim = BranchSimulator.forDay(world, {
      onIssue: (s, id) => {
        if (id !== 'c200') return;
        const now = s.now;
        // The plans the day drew that have not started by now: a fork must redraw each of them.
        expected = world.plans.filter((p) => p.at > now).map((p) => p.nominalAt).sort((a, b) => a - b);
        const fork = s.fork({
          serviceMinutes: (c) => c.serviceMinutes,
          remainingPatience: (c) => c.patienceMinutes - (now - c.arrivalAt) / MINUTE,
          walkMinutes: (c) => c.walkMinutes,
          plan: (p) => {
            redrawn.push(p.nominalAt);
            // Somewhere else in its window: the fork must run on this, not the day's draw.
            return p.endAt === null ? { ...p, at: Math.max(now, p.nominalAt), minutes: 1 } : p;
          },
          breakMinutes: (_p, elapsed) => Math.max(1, elapsed),
          hasLeft: (_c, _w, left) => left,
          arrivals: (from, to) => world.customers.filter((c) => index.get(c.id)! > 200 && c.arrivalAt >= from && c.arrivalAt < to),
        });
        fork.run();
      },
    });
    sim.run();
    expect(expected.length).toBeGreaterThan(5);
    expect(redrawn.sort((a, b) => a - b)).toEqual(expected);
    // Short breaks have nominal times apart from their drawn ones.
    expect(world.plans.some((p) => p.endAt === null && p.at !== p.nominalAt)).toBe(true);
  });

  it('reproduces M/M/8 at load 0.85: the share delayed and the mean wait of Erlang C', () => {
    // Erlang C with s = 8, a = λ/μ = 6.8.
    const s = 8;
    const a = 1.36 * 5;
    let sum = 0;
    let term = 1;
    for (let k = 0; k < s; k++) {
      if (k > 0) term *= a / k;
      sum += term;
    }
    const last = (term * a) / s / (1 - a / s);
    const delayed = last / (sum + last);
    const meanWait = delayed / (s / 5 - 1.36);

    let n = 0;
    let waited = 0;
    let totalWait = 0;
    for (let day = 0; day < 4; day++) {
      const world = drawWorld(mm8, 900 + day);
      const sim = runWorld(world);
      for (const o of sim.outcomes.values()) {
        if (o.issuedAt < world.openAt + mm8.warmupMinutes * MINUTE) continue;
        n++;
        if (o.calledAt! > o.issuedAt) waited++;
        totalWait += (o.calledAt! - o.issuedAt) / MINUTE;
      }
    }
    expect(delayed).toBeCloseTo(0.55, 1);
    expect(Math.abs(waited / n - delayed)).toBeLessThan(0.08);
    expect(Math.abs(totalWait / n - meanWait) / meanWait).toBeLessThan(0.3);
  });
});

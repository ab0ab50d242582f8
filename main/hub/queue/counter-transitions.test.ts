import { describe, expect, it } from 'vitest';
import { COUNTER_STATUSES, type CounterStatus, type LobbyState } from '../../common/domain.js';
import type { QueueCommand, QueueEventType } from '../../common/events.js';
import { applyEvents, decide } from './index.js';
import { branch, deepFreeze, issue, MIN, run, T0 } from './test-support.js';

const NOW = T0 + 20 * MIN;

/** Counter 1 in `status`, free, with one waiting cash ticket w1 in the lobby. */
function withCounterIn(status: CounterStatus): LobbyState {
  const steps: Record<CounterStatus, QueueCommand[]> = {
    open: [],
    paused: [{ type: 'counter.pause', counter: '1', reason: 'lunch' }],
    closed: [{ type: 'counter.close', counter: '1' }],
  };
  const state = issue(run(branch(), steps[status], T0 + MIN), 'w1', 'cash', T0 + 2 * MIN);
  expect(state.counters['1']?.status).toBe(status);
  return state;
}

type Move = 'open' | 'pause' | 'resume' | 'close' | 'call_next' | 'call_ticket';
const COMMANDS: Record<Move, QueueCommand> = {
  open: { type: 'counter.open', counter: '1', staffId: 'teller9' },
  pause: { type: 'counter.pause', counter: '1', reason: 'cash_replenishment' },
  resume: { type: 'counter.resume', counter: '1' },
  close: { type: 'counter.close', counter: '1' },
  call_next: { type: 'counter.call_next', counter: '1' },
  call_ticket: { type: 'counter.call_ticket', counter: '1', ticket: 'w1' },
};

type Outcome = { ok: [QueueEventType, CounterStatus] } | { code: string };
const illegal = { code: 'illegal_transition' };
const notOpen = { code: 'counter_not_open' };
const TABLE: Record<CounterStatus, Record<Move, Outcome>> = {
  open: {
    open: illegal,
    pause: { ok: ['counter.paused', 'paused'] },
    resume: illegal,
    close: { ok: ['counter.closed', 'closed'] },
    call_next: { ok: ['ticket.called', 'open'] },
    call_ticket: { ok: ['ticket.called', 'open'] },
  },
  paused: {
    open: { ok: ['counter.opened', 'open'] },
    pause: illegal,
    resume: { ok: ['counter.resumed', 'open'] },
    close: { ok: ['counter.closed', 'closed'] },
    call_next: notOpen,
    call_ticket: notOpen,
  },
  closed: {
    open: { ok: ['counter.opened', 'open'] },
    pause: illegal,
    resume: illegal,
    close: illegal,
    call_next: notOpen,
    call_ticket: notOpen,
  },
};

const cases = COUNTER_STATUSES.flatMap((status) => (Object.keys(COMMANDS) as Move[]).map((move) => ({ status, move, outcome: TABLE[status][move] })));

describe('every (counter status, counter command) pair', () => {
  it.each(cases)('$status + $move', ({ status, move, outcome }) => {
    const state = deepFreeze(withCounterIn(status));
    const before = structuredClone(state);
    if ('ok' in outcome) {
      const events = decide(state, COMMANDS[move], NOW);
      expect(events.map((e) => e.type)).toEqual([outcome.ok[0]]);
      const after = applyEvents(state, events.map((event) => ({ event, at: NOW })));
      expect(after.counters['1']?.status).toBe(outcome.ok[1]);
      if (outcome.ok[0].startsWith('counter.')) expect(after.counters['1']?.since).toBe(NOW);
    } else {
      expect(() => decide(state, COMMANDS[move], NOW)).toThrow(expect.objectContaining({ kind: 'conflict', code: outcome.code }));
    }
    expect(state).toEqual(before);
  });
});

describe('a counter with a current ticket', () => {
  const busy = () => deepFreeze(run(withCounterIn('open'), [{ type: 'counter.call_next', counter: '1' }], T0 + 3 * MIN));

  it.each(['pause', 'close', 'call_next'] as const)('refuses %s with counter_busy', (move) => {
    const s = issue(busy(), 'w2', 'cash', T0 + 4 * MIN);
    expect(() => decide(s, COMMANDS[move], NOW)).toThrow(expect.objectContaining({ kind: 'conflict', code: 'counter_busy' }));
  });

  it('refuses call_ticket with counter_busy', () => {
    const s = issue(busy(), 'w2', 'cash', T0 + 4 * MIN);
    expect(() => decide(s, { type: 'counter.call_ticket', counter: '1', ticket: 'w2' }, NOW)).toThrow(expect.objectContaining({ code: 'counter_busy' }));
  });
});

describe('counter details', () => {
  it('open signs the staff member in, close signs them out, pause keeps them and records the reason', () => {
    let s = run(branch(), [{ type: 'counter.open', counter: '3', staffId: 'teller3' }], T0 + MIN);
    expect(s.counters['3']).toMatchObject({ status: 'open', staffId: 'teller3', since: T0 + MIN });
    s = run(s, [{ type: 'counter.pause', counter: '3', reason: 'meeting' }], T0 + 2 * MIN);
    expect(s.counters['3']).toMatchObject({ status: 'paused', staffId: 'teller3', pauseReason: 'meeting' });
    s = run(s, [{ type: 'counter.close', counter: '3' }], T0 + 3 * MIN);
    expect(s.counters['3']).toMatchObject({ status: 'closed', staffId: null, pauseReason: null });
  });

  it('refuses a teller already signed in elsewhere, and an empty staff id', () => {
    expect(() => decide(branch(), { type: 'counter.open', counter: '3', staffId: 'teller1' }, T0)).toThrow(expect.objectContaining({ code: 'staff_elsewhere' }));
    expect(() => decide(branch(), { type: 'counter.open', counter: '3', staffId: '' }, T0)).toThrow(expect.objectContaining({ code: 'invalid_staff', kind: 'invalid' }));
  });

  it('call_next with nobody waiting returns no events', () => {
    expect(decide(branch(), { type: 'counter.call_next', counter: '1' }, NOW)).toEqual([]);
  });

  it('call_ticket refuses a service the counter does not serve, or a ticket targeted elsewhere', () => {
    let s = issue(run(branch(), [{ type: 'counter.open', counter: '3', staffId: 'teller3' }], T0), 'b', 'noncash', T0);
    expect(() => decide(s, { type: 'counter.call_ticket', counter: '3', ticket: 'b' }, NOW)).toThrow(expect.objectContaining({ code: 'not_serving_service', kind: 'conflict' }));
    s = run(issue(s, 'a', 'cash', T0), [{ type: 'ticket.transfer', ticket: 'a', counter: '2' }], T0);
    expect(() => decide(s, { type: 'counter.call_ticket', counter: '1', ticket: 'a' }, NOW)).toThrow(/transferred to counter 2/);
    expect(decide(s, { type: 'counter.call_ticket', counter: '2', ticket: 'a' }, NOW)).toEqual([{ type: 'ticket.called', ticket: 'a', counter: '2' }]);
  });

  it('set_services replaces the ordered list and checks it', () => {
    const s = run(branch(), [{ type: 'counter.set_services', counter: '3', services: ['noncash', 'cash'] }], T0);
    expect(s.counters['3']?.services).toEqual(['noncash', 'cash']);
    expect(() => decide(s, { type: 'counter.set_services', counter: '3', services: ['gold'] }, T0)).toThrow(expect.objectContaining({ code: 'unknown_service' }));
    expect(() => decide(s, { type: 'counter.set_services', counter: '3', services: [] }, T0)).toThrow(expect.objectContaining({ code: 'invalid_services', kind: 'invalid' }));
    expect(() => decide(s, { type: 'counter.set_services', counter: '3', services: ['cash', 'cash'] }, T0)).toThrow(expect.objectContaining({ code: 'invalid_services' }));
    expect(() => decide(s, { type: 'counter.pause', counter: '9', reason: 'lunch' }, T0)).toThrow(expect.objectContaining({ code: 'unknown_counter', kind: 'not_found' }));
  });
});

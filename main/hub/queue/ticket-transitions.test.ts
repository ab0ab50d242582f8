import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type LobbyState, type TicketStatus } from '../../common/domain.js';
import type { QueueCommand, QueueEventType } from '../../common/events.js';
import { DomainError } from '../../common/errors.js';
import { applyEvents, decide } from './index.js';
import { branch, deepFreeze, issue, MIN, run, T0 } from './test-support.js';

const ID = 't1';
const NOW = T0 + 10 * MIN;

/** A branch where ticket t1 (A001, called at counter 1 when called at all) is in `status`. */
function withTicketIn(status: TicketStatus): LobbyState {
  const waiting = issue(branch(), ID, 'cash', T0 + MIN);
  const call: QueueCommand = { type: 'counter.call_ticket', counter: '1', ticket: ID };
  const steps: Record<TicketStatus, QueueCommand[]> = {
    waiting: [],
    called: [call],
    recalled: [call, { type: 'ticket.recall', ticket: ID }],
    serving: [call, { type: 'ticket.start', ticket: ID }],
    done: [call, { type: 'ticket.start', ticket: ID }, { type: 'ticket.finish', ticket: ID }],
    no_show: [call, { type: 'ticket.no_show', ticket: ID }],
    cancelled: [{ type: 'ticket.cancel', ticket: ID }],
    // The close closes every counter; counter 2 opens again so only the ticket can refuse a call.
    unserved_at_close: [{ type: 'day.close' }, { type: 'counter.open', counter: '2', staffId: 'teller2' }],
  };
  const state = run(waiting, steps[status], T0 + 2 * MIN);
  expect(state.tickets[ID]?.status).toBe(status);
  return state;
}

type Move = 'call' | 'recall' | 'start' | 'finish' | 'no_show' | 'cancel' | 'transfer' | 'set_priority';
const COMMANDS: Record<Move, QueueCommand> = {
  // Counter 2 is open, free and serves cash, so only the ticket's status can refuse the call.
  call: { type: 'counter.call_ticket', counter: '2', ticket: ID },
  recall: { type: 'ticket.recall', ticket: ID },
  start: { type: 'ticket.start', ticket: ID },
  finish: { type: 'ticket.finish', ticket: ID, tags: ['withdrawal'] },
  no_show: { type: 'ticket.no_show', ticket: ID },
  cancel: { type: 'ticket.cancel', ticket: ID },
  transfer: { type: 'ticket.transfer', ticket: ID, service: 'noncash' },
  set_priority: { type: 'ticket.set_priority', ticket: ID, priority: 'green' },
};

// Written out by hand from the issue, not derived from the engine's own table.
const ALLOWED: Record<Move, Partial<Record<TicketStatus, [QueueEventType, TicketStatus]>>> = {
  call: { waiting: ['ticket.called', 'called'] },
  recall: { called: ['ticket.recalled', 'recalled'], recalled: ['ticket.recalled', 'recalled'] },
  start: { called: ['ticket.started', 'serving'], recalled: ['ticket.started', 'serving'] },
  finish: { serving: ['ticket.finished', 'done'] },
  no_show: { called: ['ticket.no_show', 'no_show'], recalled: ['ticket.no_show', 'no_show'] },
  cancel: {
    waiting: ['ticket.cancelled', 'cancelled'],
    called: ['ticket.cancelled', 'cancelled'],
    recalled: ['ticket.cancelled', 'cancelled'],
  },
  transfer: {
    waiting: ['ticket.transferred', 'waiting'],
    called: ['ticket.transferred', 'waiting'],
    recalled: ['ticket.transferred', 'waiting'],
    serving: ['ticket.transferred', 'waiting'],
  },
  set_priority: { waiting: ['ticket.priority_set', 'waiting'] },
};

const cases = TICKET_STATUSES.flatMap((status) => (Object.keys(COMMANDS) as Move[]).map((move) => ({ status, move })));

describe('every (ticket status, ticket command) pair', () => {
  it('covers 8 statuses × 8 commands', () => {
    expect(cases).toHaveLength(64);
  });

  it.each(cases)('$status + $move', ({ status, move }) => {
    const state = deepFreeze(withTicketIn(status));
    const before = structuredClone(state);
    const allowed = ALLOWED[move][status];
    if (allowed) {
      const events = decide(state, COMMANDS[move], NOW);
      expect(events.map((e) => e.type)).toEqual([allowed[0]]);
      const after = applyEvents(state, events.map((event) => ({ event, at: NOW })));
      expect(after.tickets[ID]?.status).toBe(allowed[1]);
      // A ticket that leaves a counter frees it; one that is called holds it.
      const holder = Object.values(after.counters).find((c) => c.currentTicketId === ID);
      expect(holder?.id ?? null).toBe(['called', 'recalled', 'serving'].includes(allowed[1]) ? after.tickets[ID]?.counter : null);
    } else {
      let error: unknown;
      try {
        decide(state, COMMANDS[move], NOW);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: 'conflict', code: 'illegal_transition' });
      expect((error as Error).message).toMatch(/^Ticket A001 is [a-z -]+; it cannot be [a-z -]+\.$/);
    }
    expect(state).toEqual(before);
  });

  it('names the status and the command in plain words', () => {
    expect(() => decide(withTicketIn('done'), COMMANDS.recall, NOW)).toThrow('Ticket A001 is done; it cannot be recalled.');
    expect(() => decide(withTicketIn('serving'), COMMANDS.no_show, NOW)).toThrow('Ticket A001 is being served; it cannot be marked as a no-show.');
  });
});

describe('ticket moves in detail', () => {
  it('stamps calledAt, startedAt and finishedAt with the event time and keeps the tags', () => {
    let s = issue(branch(), ID, 'cash', T0 + MIN);
    s = run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: ID }], T0 + 2 * MIN);
    s = run(s, [{ type: 'ticket.start', ticket: ID }], T0 + 3 * MIN);
    s = run(s, [{ type: 'ticket.finish', ticket: ID, tags: ['deposit', 'deposit', 'fx'] }], T0 + 9 * MIN);
    expect(s.tickets[ID]).toMatchObject({ calledAt: T0 + 2 * MIN, startedAt: T0 + 3 * MIN, finishedAt: T0 + 9 * MIN, tags: ['deposit', 'fx'], counter: '1' });
    expect(s.counters['1']?.currentTicketId).toBeNull();
  });

  it('recalls up to maxRecalls times, then a recall is a no-show', () => {
    let s = run(issue(branch(), ID, 'cash', T0), [{ type: 'counter.call_ticket', counter: '1', ticket: ID }], T0);
    const recall: QueueCommand = { type: 'ticket.recall', ticket: ID };
    s = run(s, [recall], T0 + MIN);
    expect(s.tickets[ID]).toMatchObject({ status: 'recalled', recalls: 1 });
    s = run(s, [recall], T0 + 2 * MIN);
    expect(s.tickets[ID]).toMatchObject({ status: 'recalled', recalls: 2 });
    expect(decide(s, recall, T0 + 3 * MIN)).toEqual([{ type: 'ticket.no_show', ticket: ID, counter: '1' }]);
    s = run(s, [recall], T0 + 3 * MIN);
    expect(s.tickets[ID]?.status).toBe('no_show');
    expect(s.counters['1']?.currentTicketId).toBeNull();
  });

  it('honours a configured recall limit of zero', () => {
    const s = run(issue(branch({ maxRecalls: 0 }), ID, 'cash', T0), [{ type: 'counter.call_ticket', counter: '1', ticket: ID }], T0);
    expect(decide(s, { type: 'ticket.recall', ticket: ID }, T0)[0]?.type).toBe('ticket.no_show');
  });

  it('transfer keeps issuedAt and number, clears the counter, counts the transfer and frees the counter', () => {
    let s = issue(branch(), ID, 'cash', T0 + MIN);
    s = run(s, [{ type: 'counter.call_ticket', counter: '1', ticket: ID }, { type: 'ticket.start', ticket: ID }], T0 + 5 * MIN);
    s = run(s, [{ type: 'ticket.transfer', ticket: ID, service: 'noncash', note: 'wealth product' }], T0 + 12 * MIN);
    expect(s.tickets[ID]).toMatchObject({
      status: 'waiting',
      service: 'noncash',
      number: 'A001',
      issuedAt: T0 + MIN,
      counter: null,
      targetCounter: null,
      startedAt: null,
      calledAt: T0 + 5 * MIN,
      transfers: 1,
    });
    expect(s.counters['1']?.currentTicketId).toBeNull();
  });

  it('a transfer to a counter targets the ticket there, and a closed counter is refused', () => {
    const s = run(issue(branch(), ID, 'cash', T0), [{ type: 'ticket.transfer', ticket: ID, counter: '2' }], T0 + MIN);
    expect(s.tickets[ID]).toMatchObject({ service: 'cash', targetCounter: '2', transfers: 1 });
    expect(() => decide(s, { type: 'ticket.transfer', ticket: ID, counter: '3' }, T0)).toThrow(expect.objectContaining({ code: 'counter_not_open', kind: 'conflict' }));
    expect(() => decide(s, { type: 'ticket.transfer', ticket: ID }, T0)).toThrow(expect.objectContaining({ code: 'invalid_transfer', kind: 'invalid' }));
    expect(() => decide(s, { type: 'ticket.transfer', ticket: ID, service: 'gold' }, T0)).toThrow(expect.objectContaining({ code: 'unknown_service', kind: 'not_found' }));
    expect(() => decide(s, { type: 'ticket.transfer', ticket: ID, counter: '9' }, T0)).toThrow(expect.objectContaining({ code: 'unknown_counter', kind: 'not_found' }));
  });

  it('set_priority raises a waiting ticket to green channel, which then goes first', () => {
    let s = issue(branch(), 'early', 'cash', T0);
    s = issue(s, ID, 'cash', T0 + MIN);
    expect(decide(s, { type: 'ticket.set_priority', ticket: ID, priority: 'green' }, T0)).toEqual([
      { type: 'ticket.priority_set', ticket: ID, priority: 'green', from: 'normal' },
    ]);
    s = run(s, [{ type: 'ticket.set_priority', ticket: ID, priority: 'green' }], T0 + 2 * MIN);
    expect(s.tickets[ID]?.priority).toBe('green');
    // The same priority again is no event at all; appointment needs a time only issuing gives.
    expect(decide(s, { type: 'ticket.set_priority', ticket: ID, priority: 'green' }, T0)).toEqual([]);
    expect(() => decide(s, { type: 'ticket.set_priority', ticket: ID, priority: 'appointment' }, T0)).toThrow(expect.objectContaining({ code: 'invalid_priority', kind: 'invalid' }));
    s = run(s, [{ type: 'counter.call_next', counter: '1' }], T0 + 3 * MIN);
    expect(s.tickets[ID]?.status).toBe('called');
    expect(s.tickets['early']?.status).toBe('waiting');
  });

  it('refuses unknown tickets with 404', () => {
    expect(() => decide(branch(), { type: 'ticket.start', ticket: 'nope' }, T0)).toThrow(expect.objectContaining({ code: 'unknown_ticket', kind: 'not_found' }));
  });

  it('refuses issuing an unknown service, an unknown priority or a duplicate id', () => {
    const s = issue(branch(), ID, 'cash', T0);
    expect(() => issue(s, 'x', 'gold', T0)).toThrow(expect.objectContaining({ code: 'unknown_service', kind: 'not_found' }));
    expect(() => issue(s, 'x', 'cash', T0, { priority: 'royal' as never })).toThrow(expect.objectContaining({ code: 'invalid_priority', kind: 'invalid' }));
    expect(() => issue(s, ID, 'cash', T0)).toThrow(expect.objectContaining({ code: 'duplicate_ticket', kind: 'conflict' }));
  });

  it('keeps an appointment time only on appointment tickets', () => {
    let s = issue(branch(), 'ap', 'cash', T0, { priority: 'appointment', appointmentAt: T0 + 30 * MIN });
    s = issue(s, 'n', 'cash', T0, { priority: 'normal', appointmentAt: T0 + 30 * MIN });
    expect(s.tickets['ap']?.appointmentAt).toBe(T0 + 30 * MIN);
    expect(s.tickets['n']?.appointmentAt).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import type { QueueCommand, QueueEvent } from '../../common/events.js';
import { applyEvent, applyEvents, decide } from './index.js';
import { branch, deepFreeze, issue, MIN, run, T0 } from './test-support.js';

/** A busy lobby: tickets in several statuses at two counters. */
function lobby(): LobbyState {
  let s = branch();
  for (const id of ['a', 'b', 'c', 'd']) s = issue(s, id, 'cash', T0);
  s = issue(s, 'e', 'noncash', T0);
  return run(s, [{ type: 'counter.open', counter: '3', staffId: 't3' }, { type: 'counter.call_ticket', counter: '1', ticket: 'a' }, { type: 'ticket.start', ticket: 'a' }, { type: 'counter.call_ticket', counter: '2', ticket: 'b' }], T0 + MIN);
}

const COMMANDS: QueueCommand[] = [
  { type: 'ticket.issue', id: 'n', service: 'cash', priority: 'vip' },
  { type: 'ticket.recall', ticket: 'b' },
  { type: 'ticket.start', ticket: 'b' },
  { type: 'ticket.finish', ticket: 'a', tags: ['fx'] },
  { type: 'ticket.no_show', ticket: 'b' },
  { type: 'ticket.cancel', ticket: 'c' },
  { type: 'ticket.transfer', ticket: 'a', service: 'noncash', counter: '2' },
  { type: 'counter.pause', counter: '3', reason: 'lunch' },
  { type: 'counter.set_services', counter: '3', services: ['noncash'] },
  { type: 'counter.close', counter: '3' },
  { type: 'service.define', service: { code: 'corp', prefix: 'C', nameZh: '对公', nameEn: 'Corporate', targetWaitMinutes: 20, maxWaitMinutes: 45, priorServiceMinutes: 15 } },
  { type: 'counter.define', counter: '4', services: ['cash'] },
  { type: 'config.set', config: { maxRecalls: 3 } },
];

describe('applyEvent is pure', () => {
  it.each(COMMANDS.map((c) => ({ c, type: c.type })))('$type leaves a deep-frozen input untouched', ({ c }) => {
    const state = deepFreeze(lobby());
    const before = structuredClone(state);
    const events = decide(state, c, T0 + 2 * MIN);
    expect(events.length).toBeGreaterThan(0);
    let after = state;
    for (const e of events) after = applyEvent(after, e, T0 + 2 * MIN);
    expect(after).not.toBe(state);
    expect(state).toEqual(before);
  });

  it('day events leave a deep-frozen input untouched too', () => {
    const state = deepFreeze(run(lobby(), [{ type: 'ticket.finish', ticket: 'a' }], T0 + 2 * MIN));
    const before = structuredClone(state);
    const closed = applyEvent(state, { type: 'day.closed', date: '2025-01-06', unserved: ['b', 'c', 'd', 'e'] }, T0 + 3 * MIN);
    deepFreeze(closed);
    applyEvent(closed, { type: 'day.opened', date: '2025-01-07' }, T0 + 4 * MIN);
    expect(state).toEqual(before);
  });
});

describe('applyEvent shares what did not change', () => {
  it('keeps the identity of untouched tickets and counters', () => {
    const state = deepFreeze(lobby());
    const after = applyEvent(state, { type: 'ticket.called', ticket: 'c', counter: '3' }, T0 + 2 * MIN);
    expect(after.tickets['c']).not.toBe(state.tickets['c']);
    expect(after.counters['3']).not.toBe(state.counters['3']);
    for (const id of ['a', 'b', 'd', 'e']) expect(after.tickets[id]).toBe(state.tickets[id]);
    for (const id of ['1', '2']) expect(after.counters[id]).toBe(state.counters[id]);
    expect(after.services).toBe(state.services);
    expect(after.config).toBe(state.config);
  });

  it('a counter event touches only that counter', () => {
    const state = deepFreeze(lobby());
    const after = applyEvent(state, { type: 'counter.paused', counter: '3', reason: 'meeting' }, T0 + 2 * MIN);
    expect(after.tickets).toBe(state.tickets);
    expect(after.counters['1']).toBe(state.counters['1']);
    expect(after.counters['3']).toMatchObject({ status: 'paused', staffId: 't3', pauseReason: 'meeting', since: T0 + 2 * MIN });
  });

  it('an event about an unknown ticket or counter changes nothing', () => {
    const state = deepFreeze(lobby());
    expect(applyEvent(state, { type: 'ticket.started', ticket: 'zz', counter: '1' }, T0)).toBe(state);
    expect(applyEvent(state, { type: 'counter.paused', counter: '9', reason: 'lunch' }, T0)).toBe(state);
  });
});

describe('applyEvents', () => {
  it('equals applying the events one by one, each at its own time', () => {
    const events: { event: QueueEvent; at: number }[] = [
      { event: { type: 'ticket.called', ticket: 'c', counter: '3' }, at: T0 + 2 * MIN },
      { event: { type: 'ticket.started', ticket: 'c', counter: '3' }, at: T0 + 3 * MIN },
      { event: { type: 'ticket.finished', ticket: 'c', counter: '3', tags: [] }, at: T0 + 8 * MIN },
    ];
    const state = deepFreeze(lobby());
    const after = applyEvents(state, events);
    expect(after).toEqual(events.reduce((s, { event, at }) => applyEvent(s, event, at), state));
    expect(after.tickets['c']).toMatchObject({ status: 'done', calledAt: T0 + 2 * MIN, startedAt: T0 + 3 * MIN, finishedAt: T0 + 8 * MIN });
  });
});

describe('definitions', () => {
  it('re-defining a service or counter as it is emits nothing; changing it emits the change', () => {
    const s = branch();
    const cash = s.services['cash']!;
    expect(decide(s, { type: 'service.define', service: { ...cash } }, T0)).toEqual([]);
    expect(decide(s, { type: 'service.define', service: { ...cash, priorServiceMinutes: 6 } }, T0)).toEqual([{ type: 'service.defined', service: { ...cash, priorServiceMinutes: 6 } }]);
    expect(decide(s, { type: 'counter.define', counter: '1', services: ['cash', 'noncash'] }, T0)).toEqual([]);
    expect(decide(s, { type: 'counter.define', counter: '1', services: ['cash'] }, T0)).toEqual([{ type: 'counter.services_set', counter: '1', services: ['cash'] }]);
    expect(decide(s, { type: 'config.set', config: { maxRecalls: 2 } }, T0)).toEqual([]);
  });

  it('a new counter starts closed with nobody signed in', () => {
    const s = run(branch(), [{ type: 'counter.define', counter: '7', services: ['cash'] }], T0 + MIN);
    expect(s.counters['7']).toEqual({ id: '7', services: ['cash'], status: 'closed', pauseReason: null, staffId: null, since: T0 + MIN, currentTicketId: null, label: null });
  });

  it('refuses a prefix used by another service and invalid values', () => {
    const s = branch();
    const corp = { code: 'corp', prefix: 'A', nameZh: '对公', nameEn: 'Corporate', targetWaitMinutes: 20, maxWaitMinutes: 45, priorServiceMinutes: 15 };
    expect(() => decide(s, { type: 'service.define', service: corp }, T0)).toThrow(expect.objectContaining({ code: 'prefix_taken', kind: 'conflict' }));
    expect(() => decide(s, { type: 'service.define', service: { ...corp, prefix: 'C', priorServiceMinutes: 0 } }, T0)).toThrow(expect.objectContaining({ code: 'invalid_service', kind: 'invalid' }));
    expect(() => decide(s, { type: 'config.set', config: { maxRecalls: -1 } }, T0)).toThrow(expect.objectContaining({ code: 'invalid_config', kind: 'invalid' }));
    expect(() => decide(s, { type: 'nope' } as never, T0)).toThrow(expect.objectContaining({ code: 'unknown_command', kind: 'invalid' }));
  });
});

import { describe, expect, it } from 'vitest';
import type { ApiCounter, ApiQueue, ApiTicket, DisplayTicket, FeedEvent, LobbySnapshot } from '../../main/common/api';
import { applyEvent, fromSnapshot, KEEP_FINISHED, parseMessage, receive, ticketByRef, ticketKey } from './lobby-state';

const queue = (service: string, waiting: number): ApiQueue => ({
  service,
  prefix: service === 'cash' ? 'A' : 'B',
  nameZh: service,
  nameEn: service,
  waiting,
  longestWaitMinutes: 0,
  estimate: { minutes: waiting * 3, low: waiting * 2, high: waiting * 4 },
});
const counter = (id: string, patch: Partial<ApiCounter> = {}): ApiCounter => ({
  id,
  services: ['cash'],
  status: 'closed',
  pauseReason: null,
  staffId: null,
  since: '2025-01-01T08:00:00.000Z',
  currentTicket: null,
  label: null,
  ...patch,
});
const ticket = (id: string, patch: Partial<ApiTicket> = {}): ApiTicket => ({
  id,
  number: `A${id.padStart(3, '0')}`,
  service: 'cash',
  priority: 'normal',
  status: 'waiting',
  issuedAt: '2025-01-01T09:00:00.000Z',
  calledAt: null,
  startedAt: null,
  finishedAt: null,
  counter: null,
  targetCounter: null,
  recalls: 0,
  transfers: 0,
  ahead: 0,
  estimate: { minutes: 1, low: 0, high: 2 },
  ...patch,
});
const snapshot = (patch: Partial<LobbySnapshot> = {}): LobbySnapshot => ({
  seq: 10,
  branch: { nameZh: '演示支行', nameEn: 'Demo branch' },
  day: { date: '2025-01-01', status: 'open' },
  queues: [queue('cash', 1), queue('noncash', 0)],
  counters: [counter('1'), counter('2')],
  tickets: [ticket('1')],
  ...patch,
});
const event = (seq: number, patch: Partial<FeedEvent> = {}): FeedEvent => ({
  type: 'ticket.issued',
  seq,
  at: '2025-01-01T09:01:00.000Z',
  data: {},
  queues: [],
  counters: [],
  tickets: [],
  ...patch,
});

describe('lobby state from the live feed', () => {
  it('holds a snapshot keyed by ticket id', () => {
    const s = fromSnapshot(snapshot());
    expect(s.seq).toBe(10);
    expect(Object.keys(s.tickets)).toEqual(['1']);
    expect(s.counters.map((c) => c.id)).toEqual(['1', '2']);
  });

  it('keys display tickets (no id) by number', () => {
    const t: DisplayTicket = { number: 'A007', service: 'cash', status: 'called', counter: '3', calledAt: null, recalls: 0 };
    expect(ticketKey(t)).toBe('A007');
  });

  it('applies the next event: queues, counters and tickets merged', () => {
    const s = fromSnapshot(snapshot());
    const r = applyEvent(
      s,
      event(11, {
        type: 'ticket.called',
        queues: [queue('cash', 0)],
        counters: [counter('1', { status: 'open', staffId: 'teller1', currentTicket: '1' })],
        tickets: [ticket('1', { status: 'called', counter: '1', calledAt: '2025-01-01T09:02:00.000Z', estimate: null })],
      }),
    );
    expect(r.kind).toBe('applied');
    if (r.kind !== 'applied') return;
    expect(r.state.seq).toBe(11);
    expect(r.state.queues.find((q) => q.service === 'cash')?.waiting).toBe(0);
    expect(r.state.queues.find((q) => q.service === 'noncash')?.waiting).toBe(0); // untouched, kept
    expect(r.state.counters.find((c) => c.id === '1')?.currentTicket).toBe('1');
    expect(r.state.counters.find((c) => c.id === '2')?.status).toBe('closed');
    expect(r.state.tickets['1']?.status).toBe('called');
    expect(s.tickets['1']?.status).toBe('waiting'); // the old state is not mutated
  });

  it('adds new tickets and refreshes estimates of waiting ones', () => {
    const s = fromSnapshot(snapshot());
    const r = applyEvent(s, event(11, { tickets: [ticket('2')], estimates: { '1': { minutes: 5, low: 3, high: 8, ahead: 2 } } }));
    if (r.kind !== 'applied') throw new Error(r.kind);
    expect(Object.keys(r.state.tickets).sort()).toEqual(['1', '2']);
    const t1 = r.state.tickets['1'] as ApiTicket;
    expect(t1.ahead).toBe(2);
    expect(t1.estimate).toEqual({ minutes: 5, low: 3, high: 8 });
  });

  it('ignores an event it already holds', () => {
    const s = fromSnapshot(snapshot());
    const r = applyEvent(s, event(10, { queues: [queue('cash', 99)] }));
    expect(r.kind).toBe('stale');
    if (r.kind === 'stale') expect(r.state).toBe(s);
  });

  it('reports a gap when a seq is skipped', () => {
    const s = fromSnapshot(snapshot());
    expect(applyEvent(s, event(12))).toEqual({ kind: 'gap', expected: 11, got: 12 });
  });

  it('day.opened clears the previous day and day.closed marks it', () => {
    const s = fromSnapshot(snapshot({ day: { date: '2025-01-01', status: 'open' } }));
    const closed = applyEvent(s, event(11, { type: 'day.closed', data: { date: '2025-01-01' } }));
    if (closed.kind !== 'applied') throw new Error(closed.kind);
    expect(closed.state.day?.status).toBe('closed');
    const opened = applyEvent(closed.state, event(12, { type: 'day.opened', data: { date: '2025-01-02' } }));
    if (opened.kind !== 'applied') throw new Error(opened.kind);
    expect(opened.state.day).toEqual({ date: '2025-01-02', status: 'open' });
    expect(opened.state.tickets).toEqual({});
  });

  it('keeps every live ticket but only the newest finished ones', () => {
    const many = Array.from({ length: KEEP_FINISHED + 10 }, (_, i) =>
      ticket(String(i + 1), { status: 'done', finishedAt: `2025-01-01T10:${String(i).padStart(2, '0')}:00.000Z` }),
    );
    const s = fromSnapshot(snapshot({ tickets: [...many, ticket('999')] }));
    expect(Object.keys(s.tickets)).toHaveLength(KEEP_FINISHED + 1);
    expect(s.tickets['999']).toBeDefined();
    expect(s.tickets['1']).toBeUndefined(); // the oldest finished went first
    expect(s.tickets[String(KEEP_FINISHED + 10)]).toBeDefined();
  });

  it('receive(): snapshot first, events in order, resync on a gap or without a snapshot', () => {
    const first = receive(null, { type: 'snapshot', ...snapshot() });
    expect(first.resync).toBe(false);
    expect(first.state?.seq).toBe(10);
    expect(receive(null, event(11)).resync).toBe(true);
    const next = receive(first.state, event(11));
    expect(next).toMatchObject({ resync: false, state: { seq: 11 } });
    const gap = receive(next.state, event(13));
    expect(gap.resync).toBe(true);
    expect(gap.state?.seq).toBe(11);
  });

  it('parseMessage() rejects frames that are not feed messages', () => {
    expect(parseMessage('not json')).toBeNull();
    expect(parseMessage('{"type":"x"}')).toBeNull();
    expect(parseMessage('{"type":"x","seq":3}')).toMatchObject({ type: 'x', seq: 3 });
  });
});

describe('ticketByRef', () => {
  it('finds a counter’s current ticket by id or by number', () => {
    const s = fromSnapshot(snapshot({ tickets: [ticket('7')] }));
    expect(ticketByRef(s.tickets, '7')?.number).toBe('A007');
    expect(ticketByRef(s.tickets, 'A007')?.number).toBe('A007');
    expect(ticketByRef(s.tickets, 'A999')).toBeUndefined();
    expect(ticketByRef(s.tickets, null)).toBeUndefined();
  });
});

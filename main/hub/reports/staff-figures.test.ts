// Teller figures on hand-built event sequences: each case is a day written as the ledger
// would hold it (time, event), replayed through the engine's applyEvent into StaffDay.
import { describe, expect, it } from 'vitest';
import type { LobbyState, Ticket } from '../../common/domain.js';
import type { QueueEvent } from '../../common/events.js';
import type { StaffFigures } from '../../common/records.js';
import { applyEvent, initialState } from '../queue/index.js';
import { service } from '../queue/test-support.js';
import { addTallies, StaffDay, staffRows, type StaffTallies } from './staff-figures.js';

const DATE = '2026-06-08';
/** Epoch ms of HH:MM on the fixture's day (UTC: the figures only use differences). */
const t = (hhmm: string) => Date.UTC(2026, 5, 8, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3)));

/** cash (A) and noncash (B); counter 1 [cash, noncash], 2 [noncash], 3 [cash]. */
function definitions(): LobbyState {
  const defs: QueueEvent[] = [
    { type: 'service.defined', service: service('cash', 'A') },
    { type: 'service.defined', service: service('noncash', 'B') },
    { type: 'counter.defined', counter: { id: '1', services: ['cash', 'noncash'] } },
    { type: 'counter.defined', counter: { id: '2', services: ['noncash'] } },
    { type: 'counter.defined', counter: { id: '3', services: ['cash'] } },
  ];
  return defs.reduce((s, e) => applyEvent(s, e, t('08:00')), initialState());
}

const ticket = (id: string, svc: 'cash' | 'noncash', at: string): QueueEvent => ({
  type: 'ticket.issued',
  ticket: {
    id, number: `${svc === 'cash' ? 'A' : 'B'}${id.slice(1).padStart(3, '0')}`, service: svc, priority: 'normal', status: 'waiting', businessDay: DATE,
    issuedAt: t(at), calledAt: null, startedAt: null, finishedAt: null, counter: null, targetCounter: null, appointmentAt: null, recalls: 0, transfers: 0, tags: [],
  } satisfies Ticket,
});
const open = (counter: string, staffId: string): QueueEvent => ({ type: 'counter.opened', counter, staffId });
const call = (id: string, counter: string): QueueEvent => ({ type: 'ticket.called', ticket: id, counter });
const start = (id: string, counter: string): QueueEvent => ({ type: 'ticket.started', ticket: id, counter });
const finish = (id: string, counter: string): QueueEvent => ({ type: 'ticket.finished', ticket: id, counter, tags: [] });

/** Replays [time, event] pairs from the day's opening at 09:00; time counts until `until`. */
function tallies(events: [string, QueueEvent][], until = '18:00'): StaffTallies {
  let state = definitions();
  const day = new StaffDay(t(until));
  const all: [string, QueueEvent][] = [['09:00', { type: 'day.opened', date: DATE }], ...events];
  for (const [at, event] of all) {
    const after = applyEvent(state, event, t(at));
    if (event.type === 'day.opened') day.start(after, t(at));
    else day.observe(state, event, t(at), after);
    state = after;
  }
  return day.finish();
}
const rows = (events: [string, QueueEvent][], until?: string) => staffRows(tallies(events, until));
const row = (rs: StaffFigures[], id: string) => rs.find((r) => r.staffId === id);

describe('teller figures of a day', () => {
  it('a teller serving two counters in a day: one row, both counters, averages over both', () => {
    const rs = rows([
      ['09:00', open('1', 't1')],
      ['09:01', ticket('a1', 'cash', '09:01')],
      ['09:05', call('a1', '1')],
      ['09:07', start('a1', '1')],
      ['09:17', finish('a1', '1')],
      ['09:30', { type: 'counter.closed', counter: '1' }],
      ['10:00', open('3', 't1')],
      ['10:00', ticket('a2', 'cash', '10:00')],
      ['10:00', call('a2', '3')],
      ['10:01', start('a2', '3')],
      ['10:05', finish('a2', '3')],
      ['10:10', open('1', 't2')],
    ]);
    expect(row(rs, 't1')).toMatchObject({ counters: ['1', '3'], served: 2, avgServiceMinutes: 7, walkMinutes: 1.5, recalls: 0, noShows: 0 });
    // Signed in at counter 1 afterwards: a row of their own, with nothing done.
    expect(row(rs, 't2')).toMatchObject({ counters: ['1'], served: 0, avgServiceMinutes: 0, walkMinutes: 0 });
    expect(rs.map((r) => r.staffId)).toEqual(['t1', 't2']);
  });

  it('a pause spanning lunch, and one by another reason ended by closing the counter', () => {
    const r = row(
      rows([
        ['09:00', open('1', 't1')],
        ['11:50', { type: 'counter.paused', counter: '1', reason: 'lunch' }],
        ['13:05', { type: 'counter.resumed', counter: '1' }],
        ['15:00', { type: 'counter.paused', counter: '1', reason: 'cash_replenishment' }],
        ['15:20', { type: 'counter.closed', counter: '1' }],
      ]),
      't1',
    );
    expect(r?.pauseMinutes).toBe(95);
    expect(r?.pauseByReason).toEqual({ lunch: 75, cash_replenishment: 20, meeting: 0, other: 0 });
  });

  it('a pause still running when the day ends counts until then, not overnight', () => {
    const r = row(rows([['09:00', open('1', 't1')], ['17:30', { type: 'counter.paused', counter: '1', reason: 'meeting' }]], '18:00'), 't1');
    expect(r?.pauseByReason.meeting).toBe(30);
  });

  it('idle while their services have people waiting counts; idle with nobody waiting, or waiting for another service, does not', () => {
    const rs = rows([
      ['09:00', open('3', 't1')], // cash only
      ['09:00', open('2', 't2')], // noncash only
      // 09:00–09:10 nobody waits: idle, not counted.
      ['09:10', ticket('a1', 'cash', '09:10')],
      // 09:10–09:15 a cash customer waits: t1 idle 5; t2 serves noncash only, not counted.
      ['09:15', call('a1', '3')],
      ['09:16', start('a1', '3')],
      ['09:20', ticket('a2', 'cash', '09:20')],
      // 09:20–09:30 a cash customer waits while t1 serves: busy, not idle.
      ['09:30', finish('a1', '3')],
      // 09:30–09:40 t1 pauses with a customer waiting: pause, not idle.
      ['09:30', { type: 'counter.paused', counter: '3', reason: 'other' }],
      ['09:40', { type: 'counter.resumed', counter: '3' }],
      // 09:40–09:43 idle while a2 waits.
      ['09:43', call('a2', '3')],
    ]);
    expect(row(rs, 't1')).toMatchObject({ idleWhileWaitingMinutes: 8, pauseMinutes: 10 });
    expect(row(rs, 't2')?.idleWhileWaitingMinutes).toBe(0);
  });

  it('a transfer: the first teller served nobody, the second serves from their own start, each walk measured at its counter', () => {
    const rs = rows([
      ['09:00', open('1', 't1')],
      ['09:00', open('2', 't2')],
      ['09:00', ticket('a1', 'cash', '09:00')],
      ['09:00', call('a1', '1')],
      ['09:02', start('a1', '1')],
      ['09:06', { type: 'ticket.transferred', ticket: 'a1', fromService: 'cash', toService: 'noncash', toCounter: '2', fromCounter: '1', note: null }],
      ['09:10', call('a1', '2')],
      ['09:13', start('a1', '2')],
      ['09:23', finish('a1', '2')],
    ]);
    expect(row(rs, 't1')).toMatchObject({ served: 0, walkMinutes: 2, avgServiceMinutes: 0 });
    expect(row(rs, 't2')).toMatchObject({ served: 1, walkMinutes: 3, avgServiceMinutes: 10 });
    // From the transfer to the call the ticket waited for counter 2 only: t2 was idle 4 minutes, t1 not.
    expect(row(rs, 't2')?.idleWhileWaitingMinutes).toBe(4);
    expect(row(rs, 't1')?.idleWhileWaitingMinutes).toBe(0);
  });

  it('a recall then a no-show: both counted for the teller, no walk', () => {
    const r = row(
      rows([
        ['09:00', open('1', 't1')],
        ['09:00', ticket('a1', 'cash', '09:00')],
        ['09:00', call('a1', '1')],
        ['09:02', { type: 'ticket.recalled', ticket: 'a1', counter: '1', recalls: 1 }],
        ['09:04', { type: 'ticket.recalled', ticket: 'a1', counter: '1', recalls: 2 }],
        ['09:06', { type: 'ticket.no_show', ticket: 'a1', counter: '1' }],
      ]),
      't1',
    );
    expect(r).toMatchObject({ recalls: 2, noShows: 1, walkMinutes: 0, served: 0 });
  });

  it('a recall is part of the walk: first call to start', () => {
    const r = row(
      rows([
        ['09:00', open('1', 't1')],
        ['09:00', ticket('a1', 'cash', '09:00')],
        ['09:00', call('a1', '1')],
        ['09:03', { type: 'ticket.recalled', ticket: 'a1', counter: '1', recalls: 1 }],
        ['09:04', start('a1', '1')],
      ]),
      't1',
    );
    expect(r).toMatchObject({ recalls: 1, walkMinutes: 4 });
  });

  it('events go to whoever is signed in at the counter at the time, whoever pressed the button', () => {
    const rs = rows([
      ['09:00', open('1', 't1')],
      ['09:00', ticket('a1', 'cash', '09:00')],
      ['09:00', call('a1', '1')],
      ['09:01', start('a1', '1')],
      ['09:05', { type: 'counter.closed', counter: '1' }],
      ['09:06', open('1', 't2')],
      // The ticket stayed current at counter 1 (a close does not end service): t2 finishes it.
      ['09:09', finish('a1', '1')],
    ]);
    expect(row(rs, 't1')?.served).toBe(0);
    expect(row(rs, 't2')).toMatchObject({ served: 1, avgServiceMinutes: 8 });
  });

  it('ratings: none from the seam today, so 0 and null; when the pad gives some, counted and averaged', () => {
    expect(row(rows([['09:00', open('1', 't1')]]), 't1')).toMatchObject({ ratings: 0, avgRating: null });
    const day = new StaffDay(t('18:00'));
    day.addRatings('t1', []);
    day.addRatings('t1', [5, 4, 4]);
    expect(staffRows(day.finish())[0]).toMatchObject({ staffId: 't1', ratings: 3, avgRating: 4.33 });
  });

  it('nothing counts before the day opens or after it closes', () => {
    let state = definitions();
    const day = new StaffDay(t('23:59'));
    const step = (at: string, e: QueueEvent) => {
      const after = applyEvent(state, e, t(at));
      if (e.type === 'day.opened') day.start(after, t(at));
      else day.observe(state, e, t(at), after);
      state = after;
    };
    step('08:30', open('1', 't1'));
    step('08:30', { type: 'counter.paused', counter: '1', reason: 'other' });
    step('09:00', { type: 'day.opened', date: DATE });
    step('09:10', { type: 'day.closed', date: DATE, unserved: [] });
    expect(row(staffRows(day.finish()), 't1')?.pauseMinutes).toBe(10);
  });
});

describe('teller figures of a month', () => {
  it('sums counts and weights averages by what they average, not the mean of the days', () => {
    const day1 = tallies([
      ['09:00', open('1', 't1')],
      ['09:00', ticket('a1', 'cash', '09:00')],
      ['09:00', call('a1', '1')],
      ['09:01', start('a1', '1')],
      ['09:11', finish('a1', '1')], // 10 minutes
      ['12:00', { type: 'counter.paused', counter: '1', reason: 'lunch' }],
      ['12:30', { type: 'counter.resumed', counter: '1' }],
    ]);
    const day2 = tallies([
      ['09:00', open('3', 't1')],
      ...(['a1', 'a2', 'a3'] as const).flatMap((id, i): [string, QueueEvent][] => {
        const m = (k: number) => `09:${String(i * 10 + k).padStart(2, '0')}`;
        return [[m(0), ticket(id, 'cash', m(0))], [m(0), call(id, '3')], [m(3), start(id, '3')], [m(5), finish(id, '3')]]; // 2 minutes each, walk 3
      }),
      ['12:00', { type: 'counter.paused', counter: '3', reason: 'lunch' }],
      ['12:45', { type: 'counter.resumed', counter: '3' }],
    ]);
    const [m] = staffRows(addTallies(addTallies(new Map(), day1), day2));
    expect(m).toMatchObject({ staffId: 't1', counters: ['1', '3'], served: 4, avgServiceMinutes: 4, walkMinutes: 2.5, pauseMinutes: 75 });
    expect(m?.pauseByReason.lunch).toBe(75);
    // The days' own averages (10 and 2) would give 6: the weighted figure is 16 / 4.
    expect(staffRows(day1)[0]?.avgServiceMinutes).toBe(10);
    expect(staffRows(day2)[0]?.avgServiceMinutes).toBe(2);
    // Adding never changes its inputs.
    expect(staffRows(day1)[0]?.served).toBe(1);
  });
});

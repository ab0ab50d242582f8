// The closed-service decision: no counter that may call the ticket is open (a short break
// still counts as serving), and when the first of them opens: the rota's pause end, else the
// branch's opening time before the branch opens, else nobody knows.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import type { QueueCommand } from '../../common/events.js';
import { initialState } from '../queue/index.js';
import { DAY, MIN, run, service, T0 } from '../queue/test-support.js';
import { serviceClosure, withServiceHours, type ServiceHours } from './service-hours.js';
import type { WaitPredictor } from './predictor.js';
import { atriumPredictor } from './atrium.js';
import { newTicketEstimate } from './new-ticket.js';

/** T0 is 09:00 in the fixture's zone (UTC+8). */
const ZONE = 480;
const at = (hhmm: string) => T0 + ((Number(hhmm.slice(0, 2)) - 9) * 60 + Number(hhmm.slice(3))) * MIN;
const hours = (over: Partial<ServiceHours> = {}): ServiceHours => ({ rota: [], openingTime: '09:00', utcOffsetMinutes: ZONE, ...over });

/** cash served by counters 1 and 2, corporate by counter 3 only; day open; nobody signed in. */
function lobby(extra: QueueCommand[] = [], now = at('08:30')): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('cash', 'A') },
      { type: 'service.define', service: service('corporate', 'C', { priorServiceMinutes: 20 }) },
      { type: 'counter.define', counter: '1', services: ['cash'] },
      { type: 'counter.define', counter: '2', services: ['cash'] },
      { type: 'counter.define', counter: '3', services: ['corporate'] },
      { type: 'day.open', date: DAY },
      ...extra,
    ],
    now,
  );
}
const corporate = { service: 'corporate', targetCounter: null };
const cash = { service: 'cash', targetCounter: null };

describe('serviceClosure', () => {
  it('before the branch opens, with no counter open: closed, opening at the opening time', () => {
    expect(serviceClosure(lobby(), cash, at('08:30'), hours())).toEqual({ opensAt: '09:00' });
    expect(serviceClosure(lobby(), corporate, at('08:30'), hours({ openingTime: '08:45' }))).toEqual({ opensAt: '08:45' });
  });

  it('a rota pause that keeps the only counter away gives its end, one pause running into the next', () => {
    const rota = [
      { counter: '3', from: '09:00', until: '10:00', reason: 'meeting' as const },
      { counter: '3', from: '10:00', until: '10:30', reason: 'other' as const },
    ];
    expect(serviceClosure(lobby(), corporate, at('08:30'), hours({ rota }))).toEqual({ opensAt: '10:30' });
    expect(serviceClosure(lobby(), corporate, at('09:40'), hours({ rota }))).toEqual({ opensAt: '10:30' });
    // Another counter's pause says nothing of corporate's.
    expect(serviceClosure(lobby(), cash, at('09:40'), hours({ rota }))).toEqual({ opensAt: null });
  });

  it('after opening with no rota entry nobody knows when: closed, opensAt null', () => {
    expect(serviceClosure(lobby(), corporate, at('10:00'), hours())).toEqual({ opensAt: null });
    expect(serviceClosure(lobby(), corporate, at('08:00'), hours({ openingTime: null }))).toEqual({ opensAt: null });
  });

  it('an open counter serves it; one open counter of two is enough', () => {
    const s = lobby([{ type: 'counter.open', counter: '1', staffId: 't1' }]);
    expect(serviceClosure(s, cash, at('09:05'), hours())).toBeNull();
    expect(serviceClosure(s, corporate, at('09:05'), hours())).toEqual({ opensAt: null });
  });

  it('a short break still serves; lunch, or a pause the rota planned, does not', () => {
    const open = lobby([{ type: 'counter.open', counter: '3', staffId: 't3' }]);
    const onBreak = run(open, [{ type: 'counter.pause', counter: '3', reason: 'other' }], at('10:00'));
    expect(serviceClosure(onBreak, corporate, at('10:05'), hours())).toBeNull();
    const atLunch = run(open, [{ type: 'counter.pause', counter: '3', reason: 'lunch' }], at('11:30'));
    expect(serviceClosure(atLunch, corporate, at('11:35'), hours())).toEqual({ opensAt: null });
    const rota = [{ counter: '3', from: '11:30', until: '12:45', reason: 'lunch' as const }];
    expect(serviceClosure(atLunch, corporate, at('11:35'), hours({ rota }))).toEqual({ opensAt: '12:45' });
    const meeting = run(open, [{ type: 'counter.pause', counter: '3', reason: 'meeting' }], at('11:30'));
    expect(serviceClosure(meeting, corporate, at('11:35'), hours({ rota }))).toEqual({ opensAt: '12:45' });
  });

  it('a ticket sent to one counter is closed while that counter is, whatever its service', () => {
    const s = lobby([{ type: 'counter.open', counter: '1', staffId: 't1' }]);
    expect(serviceClosure(s, { service: 'cash', targetCounter: '2' }, at('09:05'), hours())).toEqual({ opensAt: null });
    expect(serviceClosure(s, { service: 'cash', targetCounter: '1' }, at('09:05'), hours())).toBeNull();
  });

  it('the earliest counter to open wins', () => {
    const rota = [
      { counter: '1', from: '09:00', until: '11:00', reason: 'meeting' as const },
      { counter: '2', from: '09:00', until: '10:15', reason: 'meeting' as const },
    ];
    expect(serviceClosure(lobby(), cash, at('08:30'), hours({ rota }))).toEqual({ opensAt: '10:15' });
  });
});

describe('withServiceHours', () => {
  const inner = atriumPredictor({ runs: 1 });
  const predictor: WaitPredictor = withServiceHours(inner, () => hours({ rota: [{ counter: '3', from: '09:00', until: '10:30', reason: 'meeting' }] }));

  it('marks the estimates of a service nobody serves, keeping the minutes, and leaves the others alone', () => {
    let s = lobby([{ type: 'counter.open', counter: '1', staffId: 't1' }], at('09:10'));
    s = run(s, [{ type: 'ticket.issue', id: 'a', service: 'cash', priority: 'normal' }, { type: 'ticket.issue', id: 'c', service: 'corporate', priority: 'normal' }], at('09:10'));
    const est = predictor.predict(s, at('09:11'));
    const plain = inner.predict(s, at('09:11'));
    expect(est['a']).toEqual(plain['a']);
    expect(est['c']).toEqual({ ...plain['c'], closed: { opensAt: '10:30' } });
    // The kiosk's question, a ticket not yet taken, is answered the same way.
    expect(newTicketEstimate(predictor, s, 'corporate', 'normal', at('09:11')).closed).toEqual({ opensAt: '10:30' });
    expect(newTicketEstimate(predictor, s, 'cash', 'normal', at('09:11')).closed).toBeUndefined();
  });
});

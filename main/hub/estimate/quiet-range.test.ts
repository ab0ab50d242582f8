// Issue 15: "1 waiting · about 7–87 min", and once "1 人等候 · 约 13–203 分钟", on a kiosk with a
// few counters open. Reproduced here: one counter open (cash 3.5 min, or corporate 20 min with
// a job in progress), one to five waiting, and the kiosk's question (a new ticket's range).
// The cause (README, Performance and wait estimates): the printed range doubled the runs'
// deviation above the estimate, a factor calibrated on busy days for what the runs leave out;
// in a quiet lobby the wait is one or two services whose spread the runs already draw, and the
// doubled top reached two to three times the estimate. A quiet lobby's range is now the
// narrowest whole-minute range holding 80% of 400 runs (spread.ts narrowestRange): within the
// issue's bound of twice the estimate wherever the state has no second mode (a lunch that may or
// may not come first is one; its range stays wide, as it should). Coverage and the median and
// p90 widths over many simulated quiet lobbies: quiet-coverage.test.ts.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { initialState } from '../queue/index.js';
import { DAY, MIN, run, service, T0 } from '../queue/test-support.js';
import { atriumPredictor } from './atrium.js';
import { newTicketEstimate } from './new-ticket.js';

const predictor = atriumPredictor({ utcOffsetMinutes: 480 });
const at = (minutes: number) => T0 + minutes * MIN;

/** Counter 1 (cash) and 6 (corporate) defined, only `open` opened at 09:00; a 20-minute corporate service. */
function lobby(open: '1' | '6'): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('cash', 'A', { priorServiceMinutes: 3.5, maxWaitMinutes: 20 }) },
      { type: 'service.define', service: service('corporate', 'C', { priorServiceMinutes: 20 }) },
      { type: 'counter.define', counter: '1', services: ['cash'] },
      { type: 'counter.define', counter: '6', services: ['corporate'] },
      { type: 'day.open', date: DAY },
      { type: 'counter.open', counter: open, staffId: 't' },
    ],
    T0,
  );
}

/** `waiting` tickets of `svc` behind a job that started `elapsed` minutes before `now` (60 min after opening). */
function queue(open: '1' | '6', svc: string, waiting: number, elapsed: number): { state: LobbyState; now: number } {
  let s = run(lobby(open), [{ type: 'ticket.issue', id: 'job', service: svc, priority: 'normal' }, { type: 'counter.call_next', counter: open }, { type: 'ticket.start', ticket: 'job' }], at(60 - elapsed));
  for (let i = 0; i < waiting; i++) s = run(s, [{ type: 'ticket.issue', id: `w${i}`, service: svc, priority: 'normal' }], at(60 - elapsed + 0.1 + i * 0.1));
  return { state: s, now: at(60) };
}

const width = (e: { minutes: number; low: number; high: number }) => (e.high - e.low) / e.minutes;

describe('a quiet lobby\'s range (issue 15)', () => {
  // A job in progress for a minute of a 3.5-minute cash service, five of a 20-minute corporate one.
  for (const [open, svc, elapsed] of [['1', 'cash', 1], ['6', 'corporate', 5]] as const) {
    // With nobody waiting the new ticket's wait is the rest of one job, lognormal with CV 0.8:
    // its 10th–90th percentiles are about 2× its mean apart; the narrowest 80% from zero, 1.5×.
    it(`one ${svc} counter open, one to five waiting: the kiosk's range is at most twice the estimate`, () => {
      for (let waiting = 1; waiting <= 5; waiting++) {
        const { state, now } = queue(open, svc, waiting, elapsed);
        const e = newTicketEstimate(predictor, state, svc, 'normal', now);
        expect(e.low).toBeLessThanOrEqual(e.minutes);
        expect(width(e), `${svc}, ${waiting} waiting: ${JSON.stringify(e)}`).toBeLessThanOrEqual(2);
      }
    });
  }

  it('still prints the wider range of a lobby too busy to be quiet', () => {
    const quiet = queue('1', 'cash', 4, 1);
    const busy = queue('1', 'cash', 12, 1);
    const q = newTicketEstimate(predictor, quiet.state, 'cash', 'normal', quiet.now);
    const b = newTicketEstimate(predictor, busy.state, 'cash', 'normal', busy.now);
    // Busy: the runs' deviation ×2 above the estimate, the calibrated band of busy days; quiet:
    // the runs' narrowest 80%, which leans to the short side of a skewed wait.
    expect((b.high - b.minutes) / (b.minutes - b.low)).toBeGreaterThan(1.5);
    expect((q.high - q.minutes) / (q.minutes - q.low)).toBeLessThan(1.5);
  });
});

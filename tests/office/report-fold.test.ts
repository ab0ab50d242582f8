// The report's counting rules on hand-made events (no database): waits end at the first call,
// shares are of called tickets, the period is the business day, answers in time against their
// due times, interventions signed or not, unknown and malformed events skipped.
import { describe, expect, it } from 'vitest';
import { foldFigures, type ShippedEvent } from '../../main/office/reports/fold.js';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T01:00:00Z');
const dateOf = (at: number) => new Date(at).toISOString().slice(0, 10);
const ev = (type: string, at: number, data: Record<string, unknown>): ShippedEvent => ({ type, at, data });
const issue = (id: string, at: number, businessDay = '2026-03-02') => ev('ticket.issued', at, { ticket: { id, businessDay, issuedAt: at } });

describe('foldFigures', () => {
  it('counts tickets of the period, with waits to the first call', () => {
    const events = [
      issue('a', T0),
      issue('b', T0),
      issue('c', T0),
      issue('d', T0),
      issue('old', T0 - 1440 * MIN, '2026-03-01'),
      ev('ticket.called', T0 + 10 * MIN, { ticket: 'a', counter: '1' }), // 10 min
      ev('ticket.finished', T0 + 12 * MIN, { ticket: 'a', counter: '1', tags: [] }),
      ev('ticket.called', T0 + 20 * MIN, { ticket: 'b', counter: '1' }), // 20 min, then a transfer and a second call: still 20
      ev('ticket.transferred', T0 + 21 * MIN, { ticket: 'b' }),
      ev('ticket.called', T0 + 50 * MIN, { ticket: 'b', counter: '2' }),
      ev('ticket.no_show', T0 + 55 * MIN, { ticket: 'b', counter: '2' }),
      ev('ticket.called', T0 + 40 * MIN, { ticket: 'c', counter: '1' }), // 40 min
      ev('ticket.finished', T0 + 45 * MIN, { ticket: 'c', counter: '1', tags: [] }),
      ev('ticket.called', T0, { ticket: 'old', counter: '1' }),
      ev('day.closed', T0 + 600 * MIN, { date: '2026-03-02', unserved: ['d'] }),
      ev('ticket.mystery', T0, {}),
      ev('ticket.issued', T0, { ticket: 'not an object' }),
    ];
    const f = foldFigures(events, (d) => d === '2026-03-02', dateOf);
    expect(f).toMatchObject({ issued: 4, served: 2, noShow: 1, called: 3, within15: 33.3, within30: 66.7 });
    expect(foldFigures([issue('x', T0)], () => true, dateOf)).toMatchObject({ issued: 1, called: 0, within15: null, within30: null });
  });

  it('averages the ratings of the period and checks answers against their due times', () => {
    const events = [
      ev('rating.recorded', T0, { businessDay: '2026-03-02', score: 5 }),
      ev('rating.recorded', T0, { businessDay: '2026-03-02', score: 2 }),
      ev('rating.recorded', T0, { businessDay: '2026-03-01', score: 1 }),
      ev('complaint.opened', T0, { complaint: { id: 'c1', dueAt: T0 + 60 * MIN } }),
      ev('complaint.opened', T0, { complaint: { id: 'c2', dueAt: T0 + 60 * MIN } }),
      ev('complaint.opened', T0, { complaint: { id: 'c3', dueAt: T0 + 60 * MIN } }),
      ev('complaint.resolved', T0 + 30 * MIN, { id: 'c1' }),
      ev('complaint.resolved', T0 + 90 * MIN, { id: 'c2' }),
      ev('opinion.recorded', T0, { id: 'o1', date: '2026-03-02', dueDate: '2026-03-02' }),
      ev('opinion.recorded', T0, { id: 'o2', date: '2026-03-02', dueDate: '2026-03-02' }),
      ev('opinion.replied', T0 + 60 * MIN, { id: 'o1' }),
      ev('opinion.replied', T0 + 1440 * MIN, { id: 'o2' }),
      ev('intervention.recorded', T0, { id: 'i1', date: '2026-03-02' }),
      ev('intervention.recorded', T0, { id: 'i2', date: '2026-03-02' }),
      ev('intervention.signed', T0, { id: 'i2' }),
    ];
    const f = foldFigures(events, (d) => d === '2026-03-02', dateOf);
    expect(f.satisfaction).toEqual({ count: 2, mean: 3.5 });
    expect(f.complaints).toEqual({ opened: 3, answeredInTime: 1, answeredLate: 1, open: 1 });
    expect(f.opinions).toEqual({ recorded: 2, answeredInTime: 1, answeredLate: 1, open: 0 });
    expect(f.interventions).toEqual({ count: 2, signed: 1 });
    expect(foldFigures(events, (d) => d === '2026-03-03', dateOf).satisfaction).toEqual({ count: 0, mean: null });
  });
});

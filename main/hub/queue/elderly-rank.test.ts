// Older customers' tickets (priority elderly) in the dispatch order, under each of the three
// ranks the branch may set; the wait estimator replays the same order, and the rank is the
// engine's own config, set by config.set and replayed like any other event. The estimator's
// side is main/hub/estimate/elderly-rank.test.ts.
import { describe, expect, it } from 'vitest';
import type { ElderlyRank, LobbyState } from '../../common/domain.js';
import { applyEvent, decide, dispatchOrder, initialState } from './index.js';
import { branch, issue, MIN, run, T0 } from './test-support.js';

const ids = (s: LobbyState, counter: string, now: number) => dispatchOrder(s, counter, now).map((t) => t.id);

/** One of each class at cash, counter 1, 40 minutes in: `aged` has waited past cash's 30. */
function mixed(rank?: ElderlyRank): { s: LobbyState; now: number } {
  const now = T0 + 40 * MIN;
  let s = branch(rank ? { elderlyRank: rank } : {});
  s = issue(s, 'aged', 'cash', T0);
  s = issue(s, 'normal', 'cash', T0 + 33 * MIN);
  s = issue(s, 'elderly', 'cash', T0 + 34 * MIN, { priority: 'elderly' });
  s = issue(s, 'vip', 'cash', T0 + 35 * MIN, { priority: 'vip' });
  s = issue(s, 'apDue', 'cash', T0 + 36 * MIN, { priority: 'appointment', appointmentAt: now + 10 * MIN });
  s = issue(s, 'green', 'cash', T0 + 37 * MIN, { priority: 'green' });
  return { s, now };
}

describe('elderly tickets in the dispatch order', () => {
  it.each<[string, ElderlyRank | undefined, string[]]>([
    ['by default: after VIP, before normal', undefined, ['green', 'apDue', 'aged', 'vip', 'elderly', 'normal']],
    ['below_vip: after VIP, before normal', 'below_vip', ['green', 'apDue', 'aged', 'vip', 'elderly', 'normal']],
    ['above_vip: before VIP, still after green, due appointments and aged tickets', 'above_vip', ['green', 'apDue', 'aged', 'elderly', 'vip', 'normal']],
    // As normal: the longest wait first, so the earlier normal ticket goes before it.
    ['normal: by wait among normal tickets', 'normal', ['green', 'apDue', 'aged', 'vip', 'normal', 'elderly']],
  ])('%s', (_name, rank, order) => {
    const { s, now } = mixed(rank);
    expect(ids(s, '1', now)).toEqual(order);
  });

  it('is the default rank below_vip', () => {
    expect(initialState().config.elderlyRank).toBe('below_vip');
  });

  it('an elderly ticket ages like any other: past the longest wait it goes ahead of a fresh VIP', () => {
    let s = issue(branch({ elderlyRank: 'below_vip' }), 'old', 'cash', T0, { priority: 'elderly' });
    s = issue(s, 'freshVip', 'cash', T0 + 20 * MIN, { priority: 'vip' });
    expect(ids(s, '1', T0 + 25 * MIN)).toEqual(['freshVip', 'old']);
    expect(ids(s, '1', T0 + 31 * MIN)).toEqual(['old', 'freshVip']);
  });

  it('call_next calls by the rank in force: a config.set changes the next call', () => {
    let s = issue(branch(), 'vip', 'cash', T0, { priority: 'vip' });
    s = issue(s, 'elderly', 'cash', T0 + MIN, { priority: 'elderly' });
    const called = (state: LobbyState) => decide(state, { type: 'counter.call_next', counter: '1' }, T0 + 2 * MIN);
    expect(called(s)).toEqual([{ type: 'ticket.called', ticket: 'vip', counter: '1' }]);
    s = run(s, [{ type: 'config.set', config: { elderlyRank: 'above_vip' } }], T0 + 2 * MIN);
    expect(called(s)).toEqual([{ type: 'ticket.called', ticket: 'elderly', counter: '1' }]);
  });

  it('config.set of the same rank emits nothing; an unknown rank is refused', () => {
    const s = branch();
    expect(decide(s, { type: 'config.set', config: { elderlyRank: 'below_vip' } }, T0)).toEqual([]);
    expect(() => decide(s, { type: 'config.set', config: { elderlyRank: 'first' as ElderlyRank } }, T0)).toThrow(expect.objectContaining({ code: 'invalid_config' }));
  });

  it('a config.set written before the rank existed leaves the default', () => {
    const s = applyEvent(initialState(), { type: 'config.set', config: { maxRecalls: 1, appointmentEarlyMinutes: 10 } }, T0);
    expect(s.config).toEqual({ maxRecalls: 1, appointmentEarlyMinutes: 10, elderlyRank: 'below_vip' });
  });

  it('the ticket.issue choice is recorded on ticket.issued, and absent without one', () => {
    const s = branch();
    const [withChoice] = decide(s, { type: 'ticket.issue', id: 'x', service: 'cash', priority: 'elderly', choice: 'cash' }, T0);
    const [without] = decide(s, { type: 'ticket.issue', id: 'y', service: 'cash', priority: 'normal', choice: null }, T0);
    expect(withChoice).toMatchObject({ type: 'ticket.issued', choice: 'cash', ticket: { priority: 'elderly' } });
    expect(without).not.toHaveProperty('choice');
  });
});

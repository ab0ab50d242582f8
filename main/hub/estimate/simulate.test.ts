// The forward run itself, on hand-made counters and later arrivals.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { initialState } from '../queue/index.js';
import { DAY, issue, MIN, run, service, T0 } from '../queue/test-support.js';
import { CLASS_RANK } from '../queue/dispatch.js';
import { simulate } from './simulate.js';

function lobby(): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('cash', 'A', { maxWaitMinutes: 600, priorServiceMinutes: 3 }) },
      { type: 'service.define', service: service('noncash', 'B', { maxWaitMinutes: 600, priorServiceMinutes: 8 }) },
      { type: 'counter.define', counter: '1', services: ['cash', 'noncash'] },
      { type: 'counter.define', counter: '2', services: ['cash'] },
      { type: 'counter.open', counter: '1', staffId: 't1' },
      { type: 'counter.open', counter: '2', staffId: 't2' },
      { type: 'day.open', date: DAY },
    ],
    T0,
  );
}

describe('the forward run', () => {
  it('lets a counter with nothing real to call serve later arrivals, so they do not fall on the other counters', () => {
    // One non-cash ticket; counter 1 (cash first) busy for 10 minutes, counter 2 (cash only) idle;
    // cash customers arrive at one every 5 minutes, which counter 2 alone keeps up with.
    const s = issue(lobby(), 'b1', 'noncash', T0);
    const now = T0 + MIN;
    const counters = () => [
      { id: '1', services: ['cash', 'noncash'], freeAt: 10, pendingVariance: 0 },
      { id: '2', services: ['cash'], freeAt: 0, pendingVariance: 0 },
    ];
    const params = { meanMinutes: { cash: 3, noncash: 8 }, horizonMinutes: 120, cv: 1 };
    const withArrivals = simulate(s, now, [s.tickets['b1']!], counters(), { ...params, rates: [{ service: 'cash', rank: CLASS_RANK.normal, perMinute: 0.2 }] });
    // Counter 2 has served the two cash customers who came in the first 10 minutes.
    expect(withArrivals.get('b1')!.minutes).toBeLessThan(11);
    const none = simulate(s, now, [s.tickets['b1']!], counters(), { ...params, rates: [] });
    expect(none.get('b1')!.minutes).toBeCloseTo(10, 5);
  });

  it('still puts later arrivals first where the only counter that may serve them is the ticket\'s own', () => {
    // Without counter 2, the cash customers who came while counter 1 was busy go first there.
    const s = issue(lobby(), 'b1', 'noncash', T0);
    const result = simulate(s, T0 + MIN, [s.tickets['b1']!], [{ id: '1', services: ['cash', 'noncash'], freeAt: 10, pendingVariance: 0 }], {
      meanMinutes: { cash: 3, noncash: 8 },
      horizonMinutes: 120,
      cv: 1,
      rates: [{ service: 'cash', rank: CLASS_RANK.normal, perMinute: 0.2 }],
    });
    expect(result.get('b1')!.minutes).toBeGreaterThan(15);
  });
});

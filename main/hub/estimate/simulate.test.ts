// The forward run itself, on hand-made counters and later arrivals (the state gives only
// the services and the ticket).
import { describe, expect, it } from 'vitest';
import { branch, issue, MIN, T0 } from '../queue/test-support.js';
import { CLASS_RANK } from '../queue/dispatch.js';
import { simulate } from './simulate.js';

describe('the forward run', () => {
  it('lets a counter with nothing real to call serve later arrivals, so they do not fall on the other counters', () => {
    // One non-cash ticket; counter 1 (cash first) busy for 10 minutes, counter 2 (cash only) idle;
    // cash customers arrive at one every 5 minutes, which counter 2 alone keeps up with.
    const s = issue(branch(), 'b1', 'noncash', T0);
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
    const s = issue(branch(), 'b1', 'noncash', T0);
    const result = simulate(s, T0 + MIN, [s.tickets['b1']!], [{ id: '1', services: ['cash', 'noncash'], freeAt: 10, pendingVariance: 0 }], {
      meanMinutes: { cash: 3, noncash: 8 },
      horizonMinutes: 120,
      cv: 1,
      rates: [{ service: 'cash', rank: CLASS_RANK.normal, perMinute: 0.2 }],
    });
    expect(result.get('b1')!.minutes).toBeGreaterThan(15);
  });
});

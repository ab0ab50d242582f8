// The wait estimator replays the dispatch policy: under each elderly rank the estimates order
// tickets as the counter would call them, and later elderly arrivals jump where dispatch ranks them.
import { describe, expect, it } from 'vitest';
import type { ElderlyRank, LobbyState } from '../../common/domain.js';
import { dispatchOrder } from '../queue/index.js';
import { CLASS_RANK } from '../queue/dispatch.js';
import { branch, issue, MIN, run, T0 } from '../queue/test-support.js';
import { jumpingRank } from './arrival-rates.js';
import { atriumPredictor } from './index.js';

const ids = (s: LobbyState, counter: string, now: number) => dispatchOrder(s, counter, now).map((t) => t.id);

describe('the estimator follows the elderly rank', () => {
  // The deterministic run, no later arrivals: the order of mean call times is the order of calling.
  const quiet = atriumPredictor({ runs: 1, arrivalHorizonMinutes: 0 });
  const order = (s: LobbyState, now: number) => {
    const est = quiet.predict(s, now);
    return Object.keys(est).sort((x, y) => est[x]!.minutes - est[y]!.minutes);
  };

  it.each<[ElderlyRank, string[]]>([
    ['below_vip', ['vip', 'elderly', 'normal']],
    ['above_vip', ['elderly', 'vip', 'normal']],
    ['normal', ['vip', 'normal', 'elderly']],
  ])('%s: the estimates rank tickets as counter 3 (cash only) would call them', (rank, expected) => {
    // Counter 3 alone serves cash: close 1 and 2 so one counter's order decides every estimate.
    let s = run(branch({ elderlyRank: rank }), [{ type: 'counter.close', counter: '1' }, { type: 'counter.close', counter: '2' }, { type: 'counter.open', counter: '3', staffId: 't3' }], T0);
    s = issue(s, 'normal', 'cash', T0 + MIN);
    s = issue(s, 'elderly', 'cash', T0 + 2 * MIN, { priority: 'elderly' });
    s = issue(s, 'vip', 'cash', T0 + 3 * MIN, { priority: 'vip' });
    const now = T0 + 4 * MIN;
    expect(order(s, now)).toEqual(expected);
    expect(order(s, now)).toEqual(ids(s, '3', now));
  });

  it.each<[ElderlyRank, number]>([
    ['below_vip', CLASS_RANK.elderlyBelowVip],
    ['above_vip', CLASS_RANK.elderlyAboveVip],
    ['normal', CLASS_RANK.normal],
  ])('later elderly arrivals jump as dispatch ranks them (%s)', (rank, expected) => {
    expect(jumpingRank('elderly', { elderlyRank: rank })).toBe(expected);
  });
});

// The simulation must follow the engine's dispatch policy, not a copy of it that drifts.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { dispatchOrder, initialState } from '../queue/index.js';
import { DAY, issue, MIN, run, service, T0 } from '../queue/test-support.js';
import { atriumPredictor } from './index.js';

// The deterministic run: the order of mean call times is the order of calling.
const quiet = atriumPredictor({ runs: 1, arrivalHorizonMinutes: 0 });

function lobby(maxWaitMinutes: number): LobbyState {
  return run(
    initialState(),
    [
      { type: 'service.define', service: service('cash', 'A', { maxWaitMinutes }) },
      { type: 'service.define', service: service('noncash', 'B', { maxWaitMinutes, priorServiceMinutes: 8 }) },
      { type: 'counter.define', counter: '1', services: ['cash', 'noncash'] },
      { type: 'counter.open', counter: '1', staffId: 't1' },
      { type: 'day.open', date: DAY },
    ],
    T0,
  );
}

describe('the simulation follows the dispatch policy', () => {
  it('calls tickets in dispatchOrder when no class changes on the way', () => {
    let s = lobby(600);
    const mix = [
      ['b1', 'noncash', 'normal'],
      ['a1', 'cash', 'normal'],
      ['v1', 'noncash', 'vip'],
      ['g1', 'noncash', 'green'],
      ['a2', 'cash', 'vip'],
      ['p1', 'cash', 'appointment'],
      ['a3', 'cash', 'normal'],
    ] as const;
    mix.forEach(([id, svc, priority], i) => (s = issue(s, id, svc, T0 + i * MIN, { priority })));
    const now = T0 + 10 * MIN;
    const est = quiet.predict(s, now);
    const bySimulation = Object.keys(est).sort((x, y) => est[x]!.minutes - est[y]!.minutes);
    expect(bySimulation).toEqual(dispatchOrder(s, '1', now).map((t) => t.id));
    expect(bySimulation).toEqual(['g1', 'p1', 'a2', 'v1', 'a1', 'a3', 'b1']);
  });

  it('re-evaluates classes at the simulated time: a normal ticket that ages on the way overtakes later VIPs', () => {
    let s = issue(lobby(30), 'old', 'cash', T0);
    for (let i = 0; i < 5; i++) s = issue(s, `vip${i}`, 'cash', T0 + (20 + i / 10) * MIN, { priority: 'vip' });
    const now = T0 + 25 * MIN;
    expect(dispatchOrder(s, '1', now)[0]?.id).toBe('vip0');
    // At +5 min 'old' has waited exactly 30 (not yet aged); at +10 it has, and goes next.
    expect(quiet.predict(s, now)['old']?.minutes).toBeCloseTo(10, 5);
  });
});

import { describe, expect, it } from 'vitest';
import { branch, issue, run, T0 } from '../queue/test-support.js';
import type { LobbyState } from '../../common/domain.js';
import { windowSuggestions } from './window-suggestion.js';

function withWaiting(s: LobbyState, service: string, n: number): LobbyState {
  for (let i = 0; i < n; i += 1) s = issue(s, `${service}-${i}`, service, T0 + i);
  return s;
}

describe('window suggestions', () => {
  it('suggests the counter preferring the short queue prefer the far longer one', () => {
    // Counter 1 [cash, noncash], 2 [noncash, cash] open; 3 [cash] closed.
    const s = withWaiting(withWaiting(branch(), 'noncash', 6), 'cash', 1);
    expect(windowSuggestions(s)).toEqual([
      { counter: '1', from: ['cash', 'noncash'], to: ['noncash', 'cash'], longService: 'noncash', longWaiting: 6, shortService: 'cash', shortWaiting: 1 },
    ]);
  });

  it('says nothing when the queues are close, or short, or the only other counter is closed', () => {
    expect(windowSuggestions(withWaiting(withWaiting(branch(), 'noncash', 6), 'cash', 2))).toEqual([]);
    expect(windowSuggestions(withWaiting(branch(), 'noncash', 4))).toEqual([]);
    // Cash is long: counter 2 (noncash first, none waiting) is asked; close it and nobody is left.
    const long = withWaiting(branch(), 'cash', 8);
    expect(windowSuggestions(long).map((x) => x.counter)).toEqual(['2']);
    expect(windowSuggestions(run(long, [{ type: 'counter.close', counter: '2' }], T0))).toEqual([]);
  });
});

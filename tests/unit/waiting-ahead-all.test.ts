// waitingAheadAll answers, for every waiting ticket at once, exactly what waitingAhead does one by one.
import { describe, expect, it } from 'vitest';
import { bigLobby } from '../../bench/estimator.js';
import { MIN, T0 } from '../../main/hub/queue/test-support.js';
import { waitingAhead, waitingAheadAll } from '../../main/hub/queue/index.js';

describe('waitingAheadAll', () => {
  it('equals waitingAhead for every waiting ticket of a busy lobby', () => {
    const s = bigLobby();
    const now = T0 + 102 * MIN;
    const all = waitingAheadAll(s, now);
    const waiting = Object.values(s.tickets).filter((t) => t.status === 'waiting');
    expect(Object.keys(all)).toHaveLength(waiting.length);
    for (const t of waiting) expect(all[t.id], t.number).toBe(waitingAhead(s, t.id, now));
    expect(new Set(Object.values(all)).size).toBeGreaterThan(10);
  });
});

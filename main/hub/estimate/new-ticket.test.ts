// The new-ticket estimate is asked by the feed, the kiosk and the watcher for the same state:
// it is computed once per state, service and priority within a second.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { applyEvent, initialState } from '../queue/index.js';
import { DAY, T0, service } from '../queue/test-support.js';
import { atriumPredictor, newTicketEstimate, type WaitPredictor } from './index.js';

function lobby(): LobbyState {
  let s = initialState();
  s = applyEvent(s, { type: 'service.defined', service: service('cash', 'A') }, T0);
  s = applyEvent(s, { type: 'counter.defined', counter: { id: '1', services: ['cash'] } }, T0);
  s = applyEvent(s, { type: 'counter.opened', counter: '1', staffId: 't1' }, T0);
  return applyEvent(s, { type: 'day.opened', date: DAY }, T0);
}

function counting(): WaitPredictor & { calls: number } {
  const inner = atriumPredictor();
  const p = { name: 'counting', calls: 0, predict: (s: LobbyState, now: number) => (p.calls++, inner.predict(s, now)) };
  return p;
}

describe('newTicketEstimate memo', () => {
  it('answers repeated questions about one state from one prediction', () => {
    const p = counting();
    const s = lobby();
    const a = newTicketEstimate(p, s, 'cash', 'normal', T0);
    expect(newTicketEstimate(p, s, 'cash', 'normal', T0 + 500)).toBe(a);
    expect(p.calls).toBe(1);
    newTicketEstimate(p, s, 'cash', 'vip', T0 + 500);
    expect(p.calls).toBe(2);
  });

  it('predicts again for a new state, or after a second', () => {
    const p = counting();
    const s = lobby();
    newTicketEstimate(p, s, 'cash', 'normal', T0);
    newTicketEstimate(p, s, 'cash', 'normal', T0 + 1500);
    expect(p.calls).toBe(2);
    const next = applyEvent(s, { type: 'counter.closed', counter: '1' }, T0 + 1500);
    newTicketEstimate(p, next, 'cash', 'normal', T0 + 1500);
    expect(p.calls).toBe(3);
  });
});

// The hub learns service times per kiosk choice from its own ledger: the choice rides on the
// `ticket.issued` events (the tickets table has no column for it), read for the chosen past days.
import { afterEach, describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import type { QueueCommand } from '../../common/events.js';
import type { Ledger } from '../ledger/index.js';
import { step, tempDir } from '../ledger/testing.js';
import { openHubLedger } from '../projectors.js';
import { initialState } from '../queue/index.js';
import { service } from '../queue/test-support.js';
import { historyFromLedger } from './ledger-knowledge.js';

const MIN = 60_000;
let ledger: Ledger | null = null;
afterEach(() => {
  ledger?.close();
  ledger = null;
});

describe('per-choice service times from the ledger', () => {
  it('learns each choice with enough past jobs from the ticket.issued events, and not today’s', () => {
    ledger = openHubLedger(tempDir());
    const l = ledger;
    let s: LobbyState = initialState();
    let at = Date.parse('2025-03-10T09:00:00Z');
    const exec = (c: QueueCommand): void => {
      s = step(l, s, c, at);
    };
    exec({ type: 'service.define', service: service('noncash', 'B', { priorServiceMinutes: 8 }) });
    exec({ type: 'counter.define', counter: '1', services: ['noncash'] });
    exec({ type: 'counter.open', counter: '1', staffId: 't1' });
    exec({ type: 'day.open', date: '2025-03-10' });
    // 30 transfers of 4 minutes, 30 wealth products of 20, 5 loans of 30 and 5 tickets with no choice of 10.
    const plan: [string | null, number, number][] = [['transfer', 4, 30], ['wealth', 20, 30], ['loan', 30, 5], [null, 10, 5]];
    let n = 0;
    for (const [choice, minutes, count] of plan) {
      for (let k = 0; k < count; k++) {
        const id = `t${n++}`;
        exec({ type: 'ticket.issue', id, service: 'noncash', priority: 'normal', choice });
        exec({ type: 'counter.call_next', counter: '1' });
        exec({ type: 'ticket.start', ticket: id });
        at += minutes * MIN;
        exec({ type: 'ticket.finish', ticket: id });
      }
    }
    exec({ type: 'day.close' });
    at = Date.parse('2025-03-11T09:00:00Z');
    exec({ type: 'day.open', date: '2025-03-11' });
    // Today's wealth tickets are not history.
    exec({ type: 'ticket.issue', id: 'today', service: 'noncash', priority: 'normal', choice: 'wealth' });

    const history = historyFromLedger(l.db, '2025-03-11');
    expect(history.days).toBe(1);
    expect(history.services['noncash']!.jobs).toBe(70);
    expect(history.choices).toEqual({
      noncash: { transfer: { minutes: 4, cv: 0, jobs: 30 }, wealth: { minutes: 20, cv: 0, jobs: 30 } },
    });
  });
});

// The kiosk choice a ticket was issued under is part of the ticket (issue 15: the estimator
// learns service times per choice): set on issue, kept through a transfer, rebuilt from the
// events at start-up, and never on a customer's screen.
import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../main/common/domain.js';
import type { QueueCommand } from '../../main/common/events.js';
import { loadState } from '../../main/hub/ledger/replay.js';
import { step, tempDir } from '../../main/hub/ledger/testing.js';
import { toDisplayTicket } from '../../main/hub/lobby/views.js';
import { openHubLedger } from '../../main/hub/projectors.js';
import { initialState } from '../../main/hub/queue/state.js';
import { branch, issue, MIN, run, T0 } from '../../main/hub/queue/test-support.js';

describe('a ticket keeps its kiosk choice', () => {
  it('is set on issue from the command, and absent without one', () => {
    let s = issue(branch(), 'x', 'noncash', T0, { choice: 'transfer' });
    s = issue(s, 'y', 'noncash', T0, { choice: null });
    s = issue(s, 'z', 'noncash', T0);
    expect(s.tickets['x']!.choice).toBe('transfer');
    expect(s.tickets['y']).not.toHaveProperty('choice');
    expect(s.tickets['z']).not.toHaveProperty('choice');
  });

  it('is kept through a call, a transfer to another service and counter, and the service after it', () => {
    let s = issue(branch(), 'x', 'noncash', T0, { choice: 'wealth' });
    s = run(s, [{ type: 'counter.call_next', counter: '2' }, { type: 'ticket.start', ticket: 'x' }], T0 + MIN);
    s = run(s, [{ type: 'ticket.transfer', ticket: 'x', service: 'cash', counter: '1' }], T0 + 5 * MIN);
    expect(s.tickets['x']).toMatchObject({ status: 'waiting', service: 'cash', transfers: 1, choice: 'wealth' });
    s = run(s, [{ type: 'counter.call_next', counter: '1' }, { type: 'ticket.start', ticket: 'x' }], T0 + 6 * MIN);
    s = run(s, [{ type: 'ticket.finish', ticket: 'x' }], T0 + 9 * MIN);
    expect(s.tickets['x']).toMatchObject({ status: 'done', choice: 'wealth' });
  });

  it('is rebuilt from the ledger events at start-up (loadState), transfer included', () => {
    const ledger = openHubLedger(tempDir());
    try {
      const commands: QueueCommand[] = [
        { type: 'service.define', service: { code: 'cash', prefix: 'A', nameZh: '现金', nameEn: 'Cash', targetWaitMinutes: 10, maxWaitMinutes: 20, priorServiceMinutes: 4 } },
        { type: 'service.define', service: { code: 'noncash', prefix: 'B', nameZh: '非现金', nameEn: 'Non-cash', targetWaitMinutes: 15, maxWaitMinutes: 30, priorServiceMinutes: 8 } },
        { type: 'counter.define', counter: '1', services: ['cash', 'noncash'] },
        { type: 'counter.open', counter: '1', staffId: 't1' },
        { type: 'day.open', date: '2025-01-06' },
        { type: 'ticket.issue', id: 'x', service: 'noncash', priority: 'normal', choice: 'transfer' },
        { type: 'ticket.issue', id: 'y', service: 'cash', priority: 'normal' },
        { type: 'counter.call_next', counter: '1' },
        { type: 'ticket.transfer', ticket: 'x', service: 'cash' },
      ];
      let live: LobbyState = initialState();
      commands.forEach((c, i) => {
        live = step(ledger, live, c, T0 + i * 1000);
      });
      expect(live.tickets['x']).toMatchObject({ service: 'cash', transfers: 1, choice: 'transfer' });
      const rebuilt = loadState(ledger.db);
      expect(rebuilt.tickets['x']!.choice).toBe('transfer');
      expect(rebuilt.tickets['y']).not.toHaveProperty('choice');
      expect(rebuilt.tickets).toEqual(live.tickets);
    } finally {
      ledger.close();
    }
  });

  it('is not on the ticket customers’ screens get (display, kiosk)', () => {
    const s = issue(branch(), 'x', 'noncash', T0, { choice: 'wealth' });
    expect(toDisplayTicket(s.tickets['x']!)).not.toHaveProperty('choice');
  });
});

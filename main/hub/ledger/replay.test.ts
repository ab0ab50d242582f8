import { describe, expect, it } from 'vitest';

import { isQueueEventType, queueEventOf } from './replay.js';
import { iterateEventRows } from './rows.js';
import { HistoryReplay, tempDir, twoDays } from './testing.js';
import { openHubLedger } from '../projectors.js';

describe('isQueueEventType', () => {
  it('takes the queue events and leaves out audit and other records', () => {
    for (const t of ['config.set', 'day.opened', 'day.closed', 'counter.paused', 'ticket.issued', 'ticket.transferred']) expect(isQueueEventType(t)).toBe(true);
    for (const t of ['auth.login', 'auth.locked', 'staff.defined', 'device.registered', 'device.paired', 'checklist.signed', 'toString', '']) {
      expect(isQueueEventType(t)).toBe(false);
    }
  });
});

describe('queueEventOf', () => {
  it('gives the event as appended, without seq, at or actor', () => {
    expect(queueEventOf({ type: 'ticket.called', data: '{"counter":"1","ticket":"t"}' })).toEqual({ type: 'ticket.called', ticket: 't', counter: '1' });
    expect(queueEventOf({ type: 'auth.login', data: '{}' })).toBeNull();
  });
});

describe('HistoryReplay', () => {
  it('remembers the last version of every ticket and day, across days', () => {
    const ledger = openHubLedger(tempDir());
    try {
      const live = twoDays(ledger);
      const replay = new HistoryReplay();
      for (const row of iterateEventRows(ledger.db)) {
        const e = queueEventOf(row);
        if (e) replay.apply(e, row.at);
      }
      replay.finish();
      expect(replay.state).toEqual(live);
      expect(Object.fromEntries([...replay.tickets].map(([id, t]) => [id, t.status]))).toEqual({
        'tk-a1': 'done',
        'tk-b1': 'no_show',
        'tk-a2': 'unserved_at_close',
        'tk-a3': 'unserved_at_close',
        'tk2-a1': 'waiting',
        'tk2-b1': 'called',
      });
      expect(replay.tickets.get('tk-a2')).toMatchObject({ service: 'noncash', transfers: 1 });
      expect([...replay.days.values()].map((d) => [d.date, d.status])).toEqual([
        ['2025-03-03', 'closed'],
        ['2025-03-04', 'open'],
      ]);
    } finally {
      ledger.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { LobbyState } from '../../common/domain.js';
import { initialState } from '../queue/index.js';

import { writeProjections } from './projections.js';
import { loadState, queueEventOf } from './replay.js';
import { iterateEventRows } from './rows.js';
import { commitQueueEvents, HistoryReplay, MIN, readProjectionState, step, tempDir, twoDays, T1, T2 } from './testing.js';
import { openHubLedger } from '../projectors.js';

const count = (ledger: ReturnType<typeof openHubLedger>, sql: string, ...params: unknown[]) => ledger.db.prepare(sql).pluck().get(...params);

describe('writeProjections', () => {
  it('makes the tables read back as the live state', () => {
    const ledger = openHubLedger(tempDir());
    try {
      const live = twoDays(ledger);
      expect(readProjectionState(ledger.db)).toEqual(live);
      expect(readProjectionState(ledger.db).day).toMatchObject({ date: '2025-03-04', status: 'open' });
    } finally {
      ledger.close();
    }
  });

  it("keeps every day's tickets and days, though the live state holds only the current day's", () => {
    const ledger = openHubLedger(tempDir());
    try {
      const live = twoDays(ledger);
      expect(Object.keys(live.tickets).sort()).toEqual(['tk2-a1', 'tk2-b1']);
      expect(ledger.db.prepare('SELECT id, status FROM tickets ORDER BY id').all()).toEqual([
        { id: 'tk-a1', status: 'done' },
        { id: 'tk-a2', status: 'unserved_at_close' },
        { id: 'tk-a3', status: 'unserved_at_close' },
        { id: 'tk-b1', status: 'no_show' },
        { id: 'tk2-a1', status: 'waiting' },
        { id: 'tk2-b1', status: 'called' },
      ]);
      expect(ledger.db.prepare('SELECT tags, transfers, service FROM tickets WHERE id = ?').all('tk-a1')).toEqual([
        { tags: '["withdrawal"]', transfers: 0, service: 'cash' },
      ]);
      expect(ledger.db.prepare('SELECT date, status FROM business_days ORDER BY date').all()).toEqual([
        { date: '2025-03-03', status: 'closed' },
        { date: '2025-03-04', status: 'open' },
      ]);
      // numbering restarted with the new day, as the state's lastNumber did
      expect(ledger.db.prepare('SELECT prefix, last FROM numbering ORDER BY prefix').all()).toEqual([
        { prefix: 'A', last: 1 },
        { prefix: 'B', last: 1 },
      ]);
    } finally {
      ledger.close();
    }
  });

  it('writes only the rows whose objects changed', () => {
    const ledger = openHubLedger(tempDir());
    try {
      let s = twoDays(ledger);
      // Rows of unchanged objects are not rewritten: a mark put in them survives.
      ledger.db.prepare("UPDATE tickets SET tags = '[\"mark\"]' WHERE id IN ('tk2-a1', 'tk2-b1')").run();
      ledger.db.prepare("UPDATE counters SET staff_id = 'mark' WHERE id = '2'").run();
      s = step(ledger, s, { type: 'ticket.start', ticket: 'tk2-b1' }, T2 + 10 * 60_000, 'teller1');
      expect(count(ledger, 'SELECT status FROM tickets WHERE id = ?', 'tk2-b1')).toBe('serving');
      expect(count(ledger, 'SELECT tags FROM tickets WHERE id = ?', 'tk2-b1')).toBe('[]'); // rewritten
      expect(count(ledger, 'SELECT tags FROM tickets WHERE id = ?', 'tk2-a1')).toBe('["mark"]'); // untouched
      expect(count(ledger, "SELECT staff_id FROM counters WHERE id = '2'")).toBe('mark'); // untouched
      expect(s.tickets['tk2-b1']!.status).toBe('serving');
    } finally {
      ledger.close();
    }
  });

  it('deletes services and counters the state dropped, and writes config', () => {
    const ledger = openHubLedger(tempDir());
    try {
      const defs = ['1', '2'].map((id) => ({ type: 'counter.defined' as const, counter: { id, services: ['cash'] } }));
      const before = commitQueueEvents(ledger, defs, T1, null).state;
      const { '1': _gone, ...counters } = before.counters;
      const after: LobbyState = { ...before, counters, config: { maxRecalls: 5, appointmentEarlyMinutes: 1, elderlyRank: 'above_vip' } };
      ledger.db.transaction(() => writeProjections(ledger.db, before, after))();
      expect(ledger.db.prepare('SELECT id FROM counters').pluck().all()).toEqual(['2']);
      expect(readProjectionState(ledger.db).config).toEqual({ maxRecalls: 5, appointmentEarlyMinutes: 1, elderlyRank: 'above_vip' });
    } finally {
      ledger.close();
    }
  });
});

describe('readProjectionState', () => {
  it("is the engine's initial state for a new ledger", () => {
    const ledger = openHubLedger(tempDir());
    try {
      expect(readProjectionState(ledger.db)).toEqual(initialState());
    } finally {
      ledger.close();
    }
  });
});

describe('loadState', () => {
  it('replays the events into the state the hub had live, across a restart', () => {
    const dir = tempDir();
    const first = openHubLedger(dir);
    const live = twoDays(first);
    first.close();
    const ledger = openHubLedger(dir);
    try {
      expect(loadState(ledger)).toEqual(live);
      expect(loadState(ledger.db)).toEqual(live);
    } finally {
      ledger.close();
    }
  });

  it('skips the ticket events of earlier days and still equals a replay of every event', () => {
    const dir = tempDir();
    const ledger = openHubLedger(dir);
    try {
      let s = twoDays(ledger);
      // Day two ends with counter 1 holding a called ticket, as an older hub closed it (today's
      // refuses: customers_at_counters); day three opens on top of it.
      s = commitQueueEvents(ledger, [{ type: 'day.closed', date: '2025-03-04', unserved: ['tk2-a1', 'tk2-b1'] }], T2 + 8 * 60 * MIN, 'manager').state;
      s = step(ledger, s, { type: 'day.open', date: '2025-03-05' }, T2 + 24 * 60 * MIN, 'manager');
      s = step(ledger, s, { type: 'ticket.issue', id: 'tk3-a1', service: 'cash', priority: 'normal' }, T2 + 24 * 60 * MIN + MIN, 'kiosk1');
      const full = new HistoryReplay();
      for (const row of iterateEventRows(ledger.db)) {
        const event = queueEventOf(row);
        if (event) full.apply(event, row.at);
      }
      expect(full.state.counters['1']!.currentTicketId).toBeNull();
      expect(loadState(ledger)).toEqual(full.state);
      expect(loadState(ledger)).toEqual(s);
    } finally {
      ledger.close();
    }
  });
});

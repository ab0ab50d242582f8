import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../common/events.js';
import { eventHash, GENESIS_HASH } from '../../node/chain-hash.js';
import { openLedger, type LedgerEntry } from './ledger.js';
import type { Projector } from './projector.js';
import type { EventRow } from './rows.js';
import { tempDir } from './testing.js';
import { openHubLedger } from '../projectors.js';

const entry = (event: LedgerEvent, actor: string | null = null): LedgerEntry => ({ event, actor });
const rows = (db: Database.Database) => db.prepare('SELECT * FROM events ORDER BY seq').all() as EventRow[];

describe('ledger.append', () => {
  it('stores events with consecutive seq, canonical data and a hash chain, and returns them', () => {
    const ledger = openHubLedger(tempDir());
    try {
      const first = ledger.append([entry({ type: 'counter.opened', staffId: 'teller1', counter: '1' }, 'teller1')], 1000);
      const next = ledger.append(
        [entry({ type: 'counter.paused', counter: '1', reason: 'lunch' }, 'teller1'), entry({ type: 'auth.login', staffId: 'x', ok: false, reason: 'pin' })],
        2000,
      );
      expect(first).toEqual([{ type: 'counter.opened', staffId: 'teller1', counter: '1', seq: 1, at: 1000, actor: 'teller1' }]);
      expect(next.map((e) => [e.seq, e.type, e.at, e.actor])).toEqual([
        [2, 'counter.paused', 2000, 'teller1'],
        [3, 'auth.login', 2000, null],
      ]);
      expect(ledger.lastSeq()).toBe(3);

      const stored = rows(ledger.db);
      expect(stored[0]!.data).toBe('{"counter":"1","staffId":"teller1"}');
      let prev = GENESIS_HASH;
      for (const r of stored) {
        expect(r.prev_hash).toBe(prev);
        expect(r.hash).toBe(eventHash(prev, { seq: r.seq, type: r.type, at: r.at, actor: r.actor, data: JSON.parse(r.data) }));
        prev = r.hash;
      }
      expect(ledger.readEvents()).toEqual([...first, ...next]);
      expect(ledger.readEvents(3)).toEqual([next[1]]);
    } finally {
      ledger.close();
    }
  });

  it('continues the chain after the ledger is reopened', () => {
    const dir = tempDir();
    const a = openHubLedger(dir);
    a.append([entry({ type: 'counter.closed', counter: '1' })], 1);
    a.close();
    const b = openHubLedger(dir);
    try {
      const [e] = b.append([entry({ type: 'counter.closed', counter: '2' })], 2);
      expect(e!.seq).toBe(2);
      const [r1, r2] = rows(b.db);
      expect(r2!.prev_hash).toBe(r1!.hash);
    } finally {
      b.close();
    }
  });

  /** A projector that writes a settings row per event, and keeps a count in memory. */
  function counting(failOn?: string): Projector & { seen: number[]; count: number } {
    return {
      name: 'test',
      tables: [],
      seen: [],
      count: 0,
      apply(db, event) {
        expect(db.inTransaction).toBe(true);
        this.seen.push((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n);
        db.prepare("INSERT INTO settings (key, value) VALUES (?, 'v')").run(`k${event.seq}`);
        this.count += 1;
        if (event.type === 'counter.closed' && event.counter === failOn) throw new Error('projection failed');
      },
      save() {
        return this.count;
      },
      restore(saved) {
        this.count = saved as number;
      },
    };
  }

  it('runs each projector over each event inside the append, after that event is inserted', () => {
    const p = counting();
    const ledger = openLedger(tempDir(), [p]);
    try {
      ledger.append([entry({ type: 'counter.closed', counter: '1' }), entry({ type: 'counter.closed', counter: '2' })], 1);
      expect(p.seen).toEqual([1, 2]);
      expect(ledger.db.prepare('SELECT key FROM settings ORDER BY key').pluck().all()).toEqual(['k1', 'k2']);
    } finally {
      ledger.close();
    }
  });

  it('writes nothing when a projector throws, and the projector gets its memory back', () => {
    const dir = tempDir();
    const p = counting('3');
    const ledger = openLedger(dir, [p]);
    try {
      ledger.append([entry({ type: 'counter.closed', counter: '1' })], 1);
      expect(p.count).toBe(1);
      expect(() => ledger.append([entry({ type: 'counter.closed', counter: '2' }), entry({ type: 'counter.closed', counter: '3' })], 2)).toThrow('projection failed');
      expect(p.count).toBe(1);
      expect(ledger.lastSeq()).toBe(1);
      expect(ledger.readEvents().map((e) => e.seq)).toEqual([1]);
      expect(ledger.db.prepare('SELECT key FROM settings').pluck().all()).toEqual(['k1']);
      // and the next append carries on from the last committed event
      expect(ledger.append([entry({ type: 'counter.closed', counter: '4' })], 3)[0]!.seq).toBe(2);
    } finally {
      ledger.close();
    }
    // seen from a fresh connection too: nothing half-written reached the file
    const other = new Database(`${dir}/atrium.db`);
    expect(other.prepare('SELECT seq FROM events ORDER BY seq').pluck().all()).toEqual([1, 2]);
    other.close();
  });

  it('writes nothing when a later event in the batch cannot be stored', () => {
    const ledger = openHubLedger(tempDir());
    try {
      const bad = { type: 'ticket.recalled', ticket: 't', counter: '1', recalls: Number.NaN } as LedgerEvent;
      expect(() => ledger.append([entry({ type: 'counter.closed', counter: '1' }), entry(bad)], 1)).toThrow(/not representable/);
      expect(ledger.lastSeq()).toBe(0);
    } finally {
      ledger.close();
    }
  });

  it('requires an integer time', () => {
    const ledger = openHubLedger(tempDir());
    try {
      expect(() => ledger.append([entry({ type: 'counter.closed', counter: '1' })], 1.5)).toThrow(/integer/);
      expect(ledger.lastSeq()).toBe(0);
    } finally {
      ledger.close();
    }
  });

  it('keeps the ledger head at the last event', () => {
    const ledger = openHubLedger(tempDir());
    try {
      ledger.append([entry({ type: 'counter.closed', counter: '1' }), entry({ type: 'counter.closed', counter: '2' })], 1);
      const last = rows(ledger.db).at(-1)!;
      expect(ledger.db.prepare('SELECT seq, hash FROM ledger_head').get()).toEqual({ seq: 2, hash: last.hash });
    } finally {
      ledger.close();
    }
  });

  it('reads the events of one kind by type prefix, in order, leaving the others aside', () => {
    const ledger = openHubLedger(tempDir());
    try {
      ledger.append(
        [
          entry({ type: 'counter.closed', counter: '1' }),
          entry({ type: 'counter.opened', counter: '2', staffId: 't2' }),
          entry({ type: 'counter.closed', counter: '3' }),
          entry({ type: 'day.opened', date: '2025-03-03' }),
        ],
        1,
      );
      expect(ledger.readEventsOfType('counter.').map((e) => [e.seq, e.type])).toEqual([
        [1, 'counter.closed'],
        [2, 'counter.opened'],
        [3, 'counter.closed'],
      ]);
      expect(ledger.readEventsOfType('counter.closed').map((e) => e.seq)).toEqual([1, 3]);
      expect(ledger.readEventsOfType('alert.')).toEqual([]);
      expect(ledger.readEventsOfType('day.')).toEqual(ledger.readEvents(4));
    } finally {
      ledger.close();
    }
  });
});

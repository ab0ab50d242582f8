import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { eventHash } from '../../node/chain-hash.js';

import { tamper, tempDir, twoDays } from './testing.js';
import { verifyLedger } from './verify.js';
import { openHubLedger } from '../projectors.js';

/** A data dir holding two days of a branch, the ledger closed; returns it and the event count. */
function soundLedger(): { dir: string; events: number; seqOf: (type: string) => number } {
  const dir = tempDir();
  const ledger = openHubLedger(dir);
  twoDays(ledger);
  const events = ledger.lastSeq();
  const seqs = new Map<string, number>();
  for (const e of ledger.readEvents()) if (!seqs.has(e.type)) seqs.set(e.type, e.seq);
  ledger.close();
  return { dir, events, seqOf: (type) => seqs.get(type)! };
}

describe('verifyLedger: sound ledgers', () => {
  it('passes a sound ledger and counts its events (audit events included)', () => {
    const { dir, events } = soundLedger();
    expect(events).toBeGreaterThan(20);
    expect(verifyLedger(dir)).toEqual({ ok: true, events });
  });

  it('passes a new, empty ledger', () => {
    const dir = tempDir();
    openHubLedger(dir).close();
    expect(verifyLedger(dir)).toEqual({ ok: true, events: 0 });
  });

  it('passes while the hub has the ledger open, and on its connection', () => {
    const dir = tempDir();
    const ledger = openHubLedger(dir);
    try {
      twoDays(ledger);
      expect(verifyLedger(dir)).toMatchObject({ ok: true });
      expect(verifyLedger(ledger.db)).toMatchObject({ ok: true });
    } finally {
      ledger.close();
    }
  });

  it('reports a missing ledger without creating one', () => {
    const dir = tempDir();
    expect(verifyLedger(dir)).toMatchObject({ ok: false, problem: expect.stringMatching(/no ledger/) });
    expect(existsSync(path.join(dir, 'atrium.db'))).toBe(false);
  });
});

describe('verifyLedger: the hash chain', () => {
  it('names an event whose data was edited', () => {
    const { dir, seqOf } = soundLedger();
    const seq = seqOf('ticket.finished');
    tamper(dir, `UPDATE events SET data = replace(data, 'withdrawal', 'deposit') WHERE seq = ${seq};`);
    expect(verifyLedger(dir)).toEqual({
      ok: false,
      seq,
      problem: `event ${seq} (ticket.finished): its hash does not match its content — the row was edited`,
    });
  });

  it('names an edited event even when the trigger was left in place by editing another column', () => {
    const { dir } = soundLedger();
    tamper(dir, `UPDATE events SET actor = 'someone' WHERE seq = 3;`);
    expect(verifyLedger(dir)).toMatchObject({ ok: false, seq: 3, problem: expect.stringMatching(/^event 3 \(.+\): its hash does not match/) });
  });

  it('finds an edit whose hash was recomputed: the next event no longer links to it', () => {
    const { dir } = soundLedger();
    const db = new Database(path.join(dir, 'atrium.db'));
    const row = db.prepare('SELECT * FROM events WHERE seq = 5').get() as { type: string; at: number; actor: string | null; data: string; prev_hash: string };
    const hash = eventHash(row.prev_hash, { seq: 5, type: row.type, at: row.at + 1, actor: row.actor, data: JSON.parse(row.data) });
    db.prepare('UPDATE events SET at = ?, hash = ? WHERE seq = 5').run(row.at + 1, hash);
    db.close();
    expect(verifyLedger(dir)).toMatchObject({ ok: false, seq: 6, problem: expect.stringMatching(/^event 6 .*prev_hash does not match event 5's hash/) });
  });

  it('names a deleted event', () => {
    const { dir } = soundLedger();
    tamper(dir, `DELETE FROM events WHERE seq = 7;`);
    expect(verifyLedger(dir)).toEqual({ ok: false, seq: 7, problem: 'event 7 is missing: the events go from 6 to 8 — a row was deleted' });
  });

  it('finds events deleted from the end', () => {
    const { dir, events } = soundLedger();
    tamper(dir, `DELETE FROM events WHERE seq >= ${events - 1};`);
    expect(verifyLedger(dir)).toMatchObject({ ok: false, seq: events - 1, problem: expect.stringMatching(/deleted from the end/) });
  });

  it('finds two events swapped', () => {
    const { dir } = soundLedger();
    tamper(dir, `UPDATE events SET seq = -1 WHERE seq = 10; UPDATE events SET seq = 10 WHERE seq = 11; UPDATE events SET seq = 11 WHERE seq = -1;`);
    expect(verifyLedger(dir)).toMatchObject({ ok: false, seq: 10, problem: expect.stringMatching(/^event 10 .*prev_hash does not match event 9's hash — events were removed, inserted or reordered/) });
  });

  it('finds two events whose contents were swapped in place', () => {
    const { dir } = soundLedger();
    tamper(
      dir,
      `
       CREATE TEMP TABLE t AS SELECT * FROM events WHERE seq IN (12, 13);
       UPDATE events SET (type, at, actor, data) = (SELECT type, at, actor, data FROM t WHERE t.seq = 25 - events.seq) WHERE seq IN (12, 13);`,
    );
    expect(verifyLedger(dir)).toMatchObject({ ok: false, seq: 12 });
  });

  it('finds an edit made with the sqlite3 shell', () => {
    const { dir, seqOf } = soundLedger();
    const seq = seqOf('ticket.called');
    execFileSync('sqlite3', [path.join(dir, 'atrium.db'), `UPDATE events SET data = replace(data, 'tk-a1', 'tk-a2') WHERE seq = ${seq};`]);
    expect(verifyLedger(dir)).toMatchObject({ ok: false, seq, problem: expect.stringMatching(/hash does not match its content/) });
  });
});

describe('verifyLedger: projections against the events', () => {
  it("names an edited ticket row of a past day, with the column and both values", () => {
    const { dir } = soundLedger();
    tamper(dir, "UPDATE tickets SET status = 'waiting' WHERE id = 'tk-a1';");
    expect(verifyLedger(dir)).toEqual({
      ok: false,
      table: 'tickets',
      key: 'tk-a1',
      problem: "tickets row tk-a1: status is 'waiting' in the table but 'done' from the events",
    });
  });

  it('names a ticket row missing from the table', () => {
    const { dir } = soundLedger();
    tamper(dir, "DELETE FROM tickets WHERE id = 'tk-b1';");
    expect(verifyLedger(dir)).toMatchObject({ ok: false, table: 'tickets', key: 'tk-b1', problem: expect.stringMatching(/missing from the table/) });
  });

  it('names a ticket row no event made', () => {
    const { dir } = soundLedger();
    tamper(dir, "INSERT INTO tickets SELECT 'forged', number, service, priority, status, business_day, issued_at, called_at, started_at, finished_at, counter, target_counter, appointment_at, recalls, transfers, tags FROM tickets WHERE id = 'tk-a1';");
    expect(verifyLedger(dir)).toMatchObject({ ok: false, table: 'tickets', key: 'forged', problem: 'tickets row forged: it is in the table but not in the events' });
  });

  it('names an edited JSON column', () => {
    const { dir } = soundLedger();
    tamper(dir, `UPDATE tickets SET tags = '["withdrawal","loan"]' WHERE id = 'tk-a1';`);
    expect(verifyLedger(dir)).toMatchObject({
      ok: false,
      key: 'tk-a1',
      problem: `tickets row tk-a1: tags is '["withdrawal","loan"]' in the table but '["withdrawal"]' from the events`,
    });
  });

  it('names edited counters, services, days, numbering and config rows', () => {
    const cases: [string, object][] = [
      ["UPDATE counters SET status = 'open' WHERE id = '2'", { table: 'counters', key: '2', problem: "counters row 2: status is 'open' in the table but 'closed' from the events" }],
      ["UPDATE services SET prefix = 'Z' WHERE code = 'cash'", { table: 'services', key: 'cash' }],
      ["UPDATE business_days SET closed_at = NULL WHERE date = '2025-03-03'", { table: 'business_days', key: '2025-03-03' }],
      ["UPDATE numbering SET last = 7 WHERE prefix = 'A'", { table: 'numbering', key: 'A', problem: 'numbering row A: last is 7 in the table but 1 from the events' }],
      ['UPDATE config SET max_recalls = 9', { table: 'config', problem: 'config row 1: max_recalls is 9 in the table but 1 from the events' }],
      ['DELETE FROM config', { table: 'config' }],
    ];
    for (const [sql, want] of cases) {
      const { dir } = soundLedger();
      tamper(dir, sql);
      expect(verifyLedger(dir), sql).toMatchObject({ ok: false, ...want });
    }
  });

  it('reports the chain before the projections', () => {
    const { dir } = soundLedger();
    tamper(dir, `UPDATE tickets SET status = 'waiting' WHERE id = 'tk-a1'; UPDATE events SET at = at + 1 WHERE seq = 20;`);
    expect(verifyLedger(dir)).toMatchObject({ ok: false, seq: 20 });
  });
});

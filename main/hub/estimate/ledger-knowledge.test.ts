// The hub's estimator knowledge read from a real ledger (SQLite with the real migrations).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../ledger/index.js';
import { SLOT_MINUTES } from './arrival-profile.js';
import { ledgerKnowledge, profileFromLedger, rotaFromSettings } from './ledger-knowledge.js';
import { ROTA_SETTING } from './rota.js';

const MIN = 60_000;
let dir = '';
let ledger: Ledger | null = null;

function open(): Ledger {
  dir = mkdtempSync(path.join(tmpdir(), 'atrium-knowledge-'));
  ledger = openLedger(dir);
  return ledger;
}

afterEach(() => {
  ledger?.close();
  ledger = null;
  rmSync(dir, { recursive: true, force: true });
});

function ticket(l: Ledger, id: string, day: string, issuedAt: number, priority = 'normal'): void {
  l.db
    .prepare("INSERT INTO tickets (id, number, service, priority, status, business_day, issued_at, recalls, transfers, tags) VALUES (?, ?, 'cash', ?, 'done', ?, ?, 0, 0, '[]')")
    .run(id, id, priority, day, issuedAt);
}

describe('ledger knowledge', () => {
  it('reads a valid rota, and ignores a malformed one with a warning', () => {
    const l = open();
    expect(rotaFromSettings(l.db)).toEqual([]);
    l.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(ROTA_SETTING, JSON.stringify([{ counter: '1', from: '11:30', until: '13:30' }]));
    expect(rotaFromSettings(l.db)).toEqual([{ counter: '1', from: '11:30', until: '13:30', reason: 'lunch' }]);
    l.db.prepare('UPDATE settings SET value = ? WHERE key = ?').run('[{"counter":"1","from":"14:00","until":"13:00"}]', ROTA_SETTING);
    const warnings: string[] = [];
    expect(rotaFromSettings(l.db, (m) => warnings.push(m))).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('learns the profile from past days only, per day, and relearns when the day changes', () => {
    const l = open();
    // UTC branch: two past days with two VIPs at 09:00–09:15, today with ten more.
    for (const [i, day] of ['2025-03-10', '2025-03-11'].entries()) {
      ticket(l, `v${i}a`, day, Date.parse(`${day}T09:05:00Z`), 'vip');
      ticket(l, `v${i}b`, day, Date.parse(`${day}T09:10:00Z`), 'vip');
    }
    for (let i = 0; i < 10; i++) ticket(l, `t${i}`, '2025-03-12', Date.parse('2025-03-12T09:01:00Z') + i * MIN, 'vip');
    const profile = profileFromLedger(l.db, '2025-03-12', 0);
    expect(profile.days).toBe(2);
    expect(profile.perSlot['cash']!['vip']![(9 * 60) / SLOT_MINUTES]).toBeCloseTo(2, 9);

    let now = Date.parse('2025-03-12T10:00:00Z');
    const knowledge = ledgerKnowledge(l.db, () => now);
    const get = knowledge.arrivalProfile as () => { days: number };
    expect(get().days).toBe(2);
    now = Date.parse('2025-03-13T10:00:00Z');
    // The 12th is a past day now (10:00 UTC is the 13th in every zone within ten hours of UTC).
    expect(get().days).toBe(3);
  });
});

// Every table from the events alone: a busy day through the real API, then `atrium rebuild`
// into a new folder; a hub started there answers as the original did (lobby, daily reports,
// the notebook, alerts, records, devices) and takes the same next VIP check-in, with the
// VIP's card. And verify names
// an edited, deleted or added row of every table the hub keeps.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../main/hub/ledger/index.js';
import { LEDGER_TABLES } from '../../main/hub/ledger/projector.js';
import { tablesOf } from '../../main/hub/ledger/verify-tables.js';
import { busyDay, NOTEBOOK_PHONE, VIP_CARD, type BusyDay } from '../support/busy-day.js';
import { DEMO_VIPS } from '../../main/hub/lobby/demo-customers.js';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../fakes/tcp-printer.js';
import { runCli } from '../support/cli.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';

const open: TestHub[] = [];
const printers: FakeTcpPrinter[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  for (const p of printers.splice(0)) await p.close();
});

async function printer(): Promise<string> {
  const p = await startFakeTcpPrinter();
  printers.push(p);
  return p.uri;
}

// A weekday morning, the same for both hubs: estimates and report times depend on the clock.
const NOW = new Date('2026-12-02T02:00:00Z').getTime();
async function hubOn(dataDir: string): Promise<TestHub> {
  const h = await startTestHub({ dataDir, clock: () => NOW, options: { staffIdleMinutes: 24 * 60 } });
  open.push(h);
  return h;
}

/** The answers a rebuilt hub must give exactly as the original: read with fresh sign-ins. */
async function answers(h: TestHub, day: BusyDay) {
  const manager = await h.login('manager');
  const get = async (url: string, token: string) => {
    const res = await h.api('GET', url, { token });
    expect(res.status, url).toBe(200);
    return res.body;
  };
  const date = day.date;
  const lookup = await h.api('POST', '/api/notebook/lookup', { token: manager, body: { kind: 'phone', number: NOTEBOOK_PHONE } });
  // The lobby's seq counts the sign-ins made to read these answers: all else must be equal.
  const { seq: _seq, ...lobby } = await get('/api/lobby', manager);
  return {
    lobby,
    daily: await get(`/api/reports/daily?date=${date}`, manager),
    nextDaily: await get(`/api/reports/daily?date=${h.hub.state.day!.date}`, manager),
    notebook: lookup.body,
    alerts: await get('/api/alerts', manager),
    openingHours: await get('/api/settings/opening-hours', manager),
    branchNames: await get('/api/settings/branch', manager),
    checklists: await get(`/api/checklists?date=${date}`, manager),
    complaints: await get('/api/complaints', manager),
    opinions: await get('/api/opinions', manager),
    devices: await get('/api/devices', await h.login('admin')),
  };
}

async function nextVipCheckIn(h: TestHub) {
  const kiosk = await h.device('kiosk', 'Second kiosk');
  const res = await h.api('POST', '/api/kiosk/check-in/vip', { token: kiosk, body: { card: VIP_CARD } });
  expect(res.status).toBe(200);
  // A new ticket's id is random, and its estimate's draws are seeded by the waiting tickets' ids.
  const { id: _id, estimate: _estimate, ...ticket } = res.body.ticket;
  const card = await h.api('GET', `/api/tickets/${res.body.ticket.id}/customer`, { token: await h.login('manager') });
  return { ticket, card: card.body };
}

describe('atrium rebuild', () => {
  it('makes a folder whose hub answers as the original did', async () => {
    const dir = tempDir();
    const original = await hubOn(dir);
    const day = await busyDay(original, await printer());
    expect(verifyLedger(original.hub.ledger.db)).toMatchObject({ ok: true });
    const before = await answers(original, day);
    await original.close();
    open.splice(open.indexOf(original), 1);

    const to = path.join(tempDir(), 'rebuilt');
    const run = await runCli(['rebuild', '--data', dir, '--to', to]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('it verifies');
    expect(run.stdout).toMatch(/copied, not rebuilt/);

    const rebuilt = await hubOn(to);
    expect(await answers(rebuilt, day)).toEqual(before);
    const again = await hubOn(dir);
    // Both take the next VIP alike (same number, same card), the original and the rebuilt.
    const fromRebuilt = await nextVipCheckIn(rebuilt);
    await rebuilt.close();
    open.splice(open.indexOf(rebuilt), 1);
    expect(await nextVipCheckIn(again)).toEqual(fromRebuilt);
  }, 60_000);

  it('refuses a folder that is not empty, and events that are not sound, writing nothing', async () => {
    const dir = tempDir();
    const h = await hubOn(dir);
    await h.api('POST', '/api/tickets', { token: await h.device('kiosk'), body: { service: 'cash' } });
    await h.close();
    open.splice(0);
    const busy = tempDir();
    mkdirSync(path.join(busy, 'x'));
    const refused = await runCli(['rebuild', '--data', dir, '--to', busy]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is not empty');

    const db = new Database(path.join(dir, 'atrium.db'));
    db.prepare("UPDATE events SET data = replace(data, 'cash', 'noncash') WHERE type = 'ticket.issued'").run();
    db.close();
    const to = path.join(tempDir(), 'out');
    const broken = await runCli(['rebuild', '--data', dir, '--to', to]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/not sound .*edited/);
    expect(existsSync(to) ? readdirSync(to) : []).toEqual([]);
  }, 60_000);
});

describe('verify over every table', () => {
  it('names an edited, a deleted and an added row in each table of a busy day', async () => {
    const dir = tempDir();
    const h = await hubOn(dir);
    await busyDay(h, await printer());
    await h.close();
    open.splice(0);
    expect(verifyLedger(dir)).toMatchObject({ ok: true });

    const pristine = path.join(tempDir(), 'pristine.db');
    const work = tempDir();
    const source = new Database(path.join(dir, 'atrium.db'));
    source.pragma('wal_checkpoint(TRUNCATE)');
    source.close();
    copyFileSync(path.join(dir, 'atrium.db'), pristine);
    for (const file of readdirSync(dir)) if (file !== 'atrium.db' && !file.startsWith('atrium.db-') && !file.startsWith('hub.lock')) copyFileSync(path.join(dir, file), path.join(work, file));

    const db0 = new Database(pristine, { readonly: true });
    const tables = tablesOf(db0).filter((t) => !(LEDGER_TABLES as readonly string[]).includes(t));
    db0.close();
    const tampered = (sql: (db: Database.Database) => void) => {
      copyFileSync(pristine, path.join(work, 'atrium.db'));
      const db = new Database(path.join(work, 'atrium.db'));
      // As the sqlite3 shell edits by default: a session's staff_id may name no staff row.
      db.pragma('foreign_keys = OFF');
      sql(db);
      db.close();
      return verifyLedger(work);
    };
    const empty: string[] = [];
    for (const table of tables) {
      const probe = new Database(pristine, { readonly: true });
      const columns = probe.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; pk: number; notnull: number }[];
      const first = probe.prepare(`SELECT rowid AS _rowid, * FROM "${table}" LIMIT 1`).get() as Record<string, unknown> | undefined;
      probe.close();
      if (!first) {
        empty.push(table);
        continue;
      }
      const target = columns.find((c) => c.pk === 0) ?? columns[0]!;
      const changed = typeof first[target.name] === 'number' ? (first[target.name] as number) + 1 : `${String(first[target.name] ?? '')}x`;
      const edit = tampered((db) => db.prepare(`UPDATE "${table}" SET "${target.name}" = ? WHERE rowid = ?`).run(changed, first._rowid));
      expect(edit, `an edit of ${table}.${target.name}`).toMatchObject({ ok: false, table });
      const gone = tampered((db) => db.prepare(`DELETE FROM "${table}" WHERE rowid = ?`).run(first._rowid));
      expect(gone, `a deleted row of ${table}`).toMatchObject({ ok: false, table });
      expect((gone as { problem: string }).problem).toMatch(/missing from the table|signed by/);
      const copyRow = tampered((db) => {
        const keys = columns.filter((c) => c.pk > 0);
        const values = columns.map((c) => (c.pk > 0 || keys.length === 0 ? (typeof first[c.name] === 'number' ? 900_000 + Number(first[c.name]) : `added-${String(first[c.name])}`) : first[c.name]));
        db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...values);
      });
      expect(copyRow, `a row added to ${table}`).toMatchObject({ ok: false, table });
    }
    // A table the day never wrote is still checked: a row added to it is named.
    expect(empty.sort()).toEqual(['config']);
    const added = tampered((db) => db.prepare('INSERT INTO config (id, max_recalls, appointment_early_minutes) VALUES (1, 9, 9)').run());
    expect(added).toMatchObject({ ok: false, table: 'config' });
  }, 120_000);
});

describe('a busy day backed up and restored', () => {
  it('verifies with the keys the backup carries, and leaves no key store beside it', async () => {
    const dir = tempDir();
    const h = await hubOn(dir);
    await busyDay(h, await printer());
    const beside = tempDir();
    const backup = path.join(beside, 'nightly.db');
    const made = await runCli(['backup', '--data', dir, '--to', backup]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('backup written');
    // The backup's sealed lookup keys were opened with its own key store, read from a scratch copy.
    expect(readdirSync(beside)).toEqual(['nightly.db']);
    await h.close();
    open.splice(0);
    const restored = path.join(tempDir(), 'restored');
    const back = await runCli(['restore', '--from', backup, '--data', restored]);
    expect(back.status, back.stderr).toBe(0);
    expect((await runCli(['verify', '--data', restored])).status).toBe(0);
  }, 60_000);

  it('verifies a folder without a key store without making one', async () => {
    const dir = tempDir();
    const h = await hubOn(dir);
    await h.api('POST', '/api/tickets', { token: await h.device('kiosk'), body: { service: 'cash' } });
    // The demo's customers are sealed under keys only the key store holds: erased (keys
    // shredded), the ledger derives its tables without one.
    const admin = await h.login('admin');
    for (const vip of DEMO_VIPS) expect((await h.api('POST', '/api/customers/erase', { token: admin, body: { kind: 'card', number: vip.card } })).status).toBe(200);
    expect((await h.api('POST', '/api/customers/erase', { token: admin, body: { kind: 'phone', number: '13800000002' } })).status).toBe(200);
    await h.close();
    open.splice(0);
    // A copy of the ledger alone, as someone checks a file sent to them.
    rmSync(path.join(dir, 'personal-keys.db'), { force: true });
    expect(verifyLedger(dir)).toMatchObject({ ok: true });
    expect(existsSync(path.join(dir, 'personal-keys.db'))).toBe(false);
  }, 60_000);
});


// A day of every record kind through a real hub, then `verify` on its data folder: sound as
// written, and each records table (opinion phones included) named when one of its rows is
// edited. The tables come from the kinds' list, so a new kind's tables are tried too.
import { cpSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE, verifyLedger } from '../../main/hub/ledger/index.js';
import { RECORD_KINDS } from '../../main/hub/records/index.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';

let hub: TestHub | null = null;
let dataDir = '';
const TABLES = RECORD_KINDS.flatMap((k) => k.projector.tables);
const DOCUMENTS = RECORD_KINDS.flatMap((k) => k.projector.documents);

async function ok(method: string, url: string, token: string, body?: unknown): Promise<any> {
  const res = await hub!.api(method, url, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A day with every kind: each routed as the screens do it. */
async function recordsDay(): Promise<void> {
  hub = await startTestHub();
  const manager = await hub.login('manager');
  const supervisor = await hub.login('supervisor');
  const admin = await hub.login('admin');

  const c = (await ok('POST', '/api/checklists', manager, { kind: 'opening' })).checklist;
  const answers = c.items.map((i: { id: string }, n: number) => ({ itemId: i.id, result: n === 0 ? 'fault' : 'pass', note: n === 0 ? 'broken' : '' }));
  await ok('POST', `/api/checklists/${c.id}/answers`, manager, { answers });
  await ok('POST', `/api/checklists/${c.id}/complete`, manager);
  await ok('POST', `/api/checklists/${c.id}/sign`, supervisor, { pin: '000000' });
  await ok('POST', `/api/checklists/${c.id}/amend`, manager);
  const [fault] = (await ok('GET', '/api/checklists', manager)).faults;
  await ok('POST', `/api/faults/${encodeURIComponent(fault.id)}/repair-requested`, manager);

  const q = (await ok('POST', '/api/worklog', manager, { kind: 'question', text: '外币手续费？', followUpDue: '2099-01-01' })).entry;
  await ok('POST', `/api/worklog/${q.id}/answer`, manager, { answer: '已告知' });
  await ok('POST', '/api/worklog/complete-day', manager, {});

  for (const phone of ['13800138000', '13900139000']) {
    const o = (await ok('POST', '/api/opinions', manager, { theme: 'waiting', text: '等候太久', phone })).opinion;
    await ok('POST', `/api/opinions/${o.id}/reply`, manager, { reply: '已回电' });
    await ok('POST', `/api/opinions/${o.id}/sign`, supervisor, { pin: '000000' });
  }
  const form = { emotion: 'angry', calmed: true, listened: true, summary: '到账慢', ourFault: false, wants: ['fix'], solvableOnSpot: true, reasonable: true };
  const k = (await ok('POST', '/api/complaints', manager, form)).complaint;
  await ok('POST', `/api/complaints/${k.id}/resolve`, manager, { resolution: '已处理' });
  await ok('POST', `/api/complaints/${k.id}/sign`, supervisor, { pin: '000000' });

  await ok('POST', '/api/notebook', manager, { kind: 'card', number: '6222020200112233445', title: '王先生', notes: '耳背', tags: ['hard_of_hearing'] });
  const card = (await ok('POST', '/api/cards', manager, { kind: 'referral', title: '李女士', need: '理财', assignedTo: 'wm' })).card;
  await ok('POST', `/api/cards/${card.id}/follow-up`, manager, { note: '已联系' });
  const f = (await ok('POST', '/api/fraud/interventions', manager, { outcome: 'dissuaded', amountBand: '10k_50k', note: '劝阻成功' })).intervention;
  await ok('POST', `/api/fraud/interventions/${f.id}/sign`, supervisor, { pin: '000000' });

  await ok('POST', '/api/day/close', admin, { overrideReason: 'supervisor absent' });
  // The erasure of one opinion's phone goes through its event too.
  await ok('POST', '/api/customers/erase', admin, { kind: 'phone', number: '13900139000' });
  dataDir = hub.dataDir;
  await hub.close();
  hub = null;
}

beforeAll(recordsDay, 60_000);
afterAll(async () => {
  await hub?.close();
});

/** A copy of the day's data folder with one row of `table` edited. */
function editedCopy(table: string): string {
  const copy = path.join(tempDir('atrium-records-edit-'), 'data');
  cpSync(dataDir, copy, { recursive: true });
  const db = new Database(path.join(copy, DB_FILE));
  try {
    const first = `rowid = (SELECT min(rowid) FROM ${table})`;
    const changed = DOCUMENTS.includes(table)
      ? db.prepare(`UPDATE ${table} SET doc = json_set(doc, '$.edited', 1) WHERE ${first}`).run()
      : db.prepare(`UPDATE ${table} SET phone = 'edited' WHERE ${first}`).run();
    expect(changed.changes, table).toBe(1);
  } finally {
    db.close();
  }
  return copy;
}

describe('the records and verify', () => {
  it('leaves a data folder that verifies, with a row in every records table', () => {
    expect(verifyLedger(dataDir)).toMatchObject({ ok: true });
    const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
    try {
      for (const table of TABLES) expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBeGreaterThan(0);
      // The erased customer's phone went with the erasure event; the other one stays.
      expect(db.prepare('SELECT count(*) AS n FROM opinion_phones').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it.each(TABLES)('names %s when one of its rows is edited', (table) => {
    const result = verifyLedger(editedCopy(table));
    expect(result).toMatchObject({ ok: false, table, key: expect.any(String) });
    expect((result as { problem: string }).problem).toContain(table);
  });
});

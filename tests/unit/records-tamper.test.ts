// The tamper test of issue 6: a signed record edited with the sqlite3 command (as anyone
// holding the file could) makes `npm run atrium -- verify` fail and name the row; the same
// ledger untouched verifies.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../main/hub/ledger/index.js';
import { startTestHub, type TestHub } from '../support/hub.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

function verifyCli(dataDir: string): { status: number | null; out: string } {
  const r = spawnSync('npm', ['run', '--silent', 'atrium', '--', 'verify', '--data', dataDir], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const sql = (dataDir: string, statement: string) => execFileSync('sqlite3', [path.join(dataDir, DB_FILE), statement], { encoding: 'utf8' });

async function signedDay(): Promise<{ dataDir: string; checklistId: string; opinionId: string }> {
  hub = await startTestHub();
  const manager = await hub.login('manager');
  const supervisor = await hub.login('supervisor');
  const c = (await hub.api('POST', '/api/checklists', { token: manager, body: { kind: 'closing' } })).body.checklist;
  const answers = c.items.map((i: { id: string }) => ({ itemId: i.id, result: i.id === 'hall_devices' ? 'fault' : 'pass', note: i.id === 'hall_devices' ? 'ATM 2 out of cash' : '' }));
  await hub.api('POST', `/api/checklists/${c.id}/answers`, { token: manager, body: { answers } });
  await hub.api('POST', `/api/checklists/${c.id}/complete`, { token: manager });
  expect((await hub.api('POST', `/api/checklists/${c.id}/sign`, { token: supervisor, body: { pin: '000000' } })).status).toBe(200);
  const o = (await hub.api('POST', '/api/opinions', { token: manager, body: { theme: 'waiting', text: '排队太久', phone: '13800138000' } })).body.opinion;
  await hub.api('POST', `/api/opinions/${o.id}/reply`, { token: manager, body: { reply: '已致电客户说明' } });
  expect((await hub.api('POST', `/api/opinions/${o.id}/sign`, { token: supervisor, body: { pin: '000000' } })).status).toBe(200);
  const dataDir = hub.dataDir;
  await hub.close();
  hub = null;
  return { dataDir, checklistId: c.id, opinionId: o.id };
}

describe('tampering with a signed record', () => {
  it('a checklist answer changed with sqlite3 makes verify fail and name the row', async () => {
    const { dataDir, checklistId } = await signedDay();
    const sound = verifyCli(dataDir);
    expect(sound.out).toContain('ledger sound');
    expect(sound.status).toBe(0);

    sql(dataDir, `UPDATE checklists SET doc = replace(doc, '"note":"ATM 2 out of cash","result":"fault"', '"note":"","result":"pass"') WHERE key = '${checklistId}'`);
    expect(sql(dataDir, `SELECT doc FROM checklists WHERE key = '${checklistId}'`)).not.toContain('ATM 2');
    const bad = verifyCli(dataDir);
    expect(bad.status).toBe(1);
    expect(bad.out).toContain(`checklists row ${checklistId}`);
    expect(bad.out).toContain('the signed record was edited');
  }, 60_000);

  it('an opinion reply changed with sqlite3 makes verify fail and name the row', async () => {
    const { dataDir, opinionId } = await signedDay();
    // The reply is sealed (its ciphertext is what was signed): swap it for other text.
    sql(dataDir, `UPDATE opinions SET doc = json_set(doc, '$.reply', '客户满意') WHERE key = '${opinionId}'`);
    const bad = verifyCli(dataDir);
    expect(bad.status).toBe(1);
    expect(bad.out).toContain(`opinions row ${opinionId}`);
    expect(bad.out).toContain('signed');
  }, 60_000);

  it('an unsigned record edited in its table is named too (projection against the events)', async () => {
    const { dataDir } = await signedDay();
    const faultKey = sql(dataDir, 'SELECT key FROM device_faults LIMIT 1').trim();
    sql(dataDir, `UPDATE device_faults SET status = 'repaired' WHERE key = '${faultKey}'`);
    const bad = verifyCli(dataDir);
    expect(bad.status).toBe(1);
    expect(bad.out).toContain(`device_faults row ${faultKey}: status is 'repaired' in the table but 'reported' from the events`);
  }, 60_000);
});

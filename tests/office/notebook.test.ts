// Issue 16 point 4, the special-customer notebook shared through head office, with real
// components: a real office (PGlite in a temp folder, or ATRIUM_TEST_PG_URL's server), two
// real demo hubs enrolled with it, HTTP on loopback. A note added at A is found at B within
// the poll interval; no clear identifier or text reaches the office; a received note is not
// pushed back as B's; the office down, both hubs serve and the notes catch up when it returns;
// a note made before enrolment stays local; a customer erased at A is erased at the office and
// at B; verify and rebuild pass on both hubs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as routes from '../../main/common/office/routes.js';
import { readOfficeLink } from '../../main/hub/office-link/link-file.js';
import { runCli } from '../support/cli.js';
import { tempDir, type TestHub } from '../support/hub.js';
import { eventually, startTestOffice, twoEnrolledBranches, type BranchKey, type TestOffice, type TwoBranches } from './support.js';

const POLL_MS = 500;
const LONG = 180_000;
const CARD_X = '6222 0000 3333 4444';
const CARD_Y = '6222 0000 5555 6666';
const CARD_Z = '6222 0000 7777 8888';


let pair: TwoBranches;
let office: TestOffice;
let dirs: TwoBranches['dirs'];
let hubs: TwoBranches['hubs'];
let branchIds: TwoBranches['branchIds'];
const stop = (k: BranchKey) => pair.stop(k);

async function save(h: TestHub, number: string, title: string, notes: string) {
  const res = await h.api('POST', '/api/notebook', { token: await h.login('manager'), body: { kind: 'card', number, title, notes, tags: ['magnifier'] } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function lookup(h: TestHub, number: string) {
  return (await h.api('POST', '/api/notebook/lookup', { token: await h.login('teller1'), body: { kind: 'card', number } })).body.entry as { title: string; notes: string } | null;
}

const officeRows = () => office.sql.query<{ customer_key: string; version: string | number; branch_id: string; box: string }>('SELECT customer_key, version, branch_id, box FROM office_notebook ORDER BY version');

beforeAll(async () => {
  // A note made at A before enrolment: keyed with the branch's own secret, it stays local.
  const noteBeforeEnrolment = async (k: BranchKey, h: TestHub) => {
    if (k === 'a') await save(h, CARD_Z, '李女士', '只在本网点的记录');
  };
  pair = await twoEnrolledBranches({ dirPrefix: 'atrium-nb', notebookPollMs: POLL_MS, beforeEnrol: noteBeforeEnrolment });
  ({ office, dirs, hubs, branchIds } = pair);
}, LONG);
afterAll(async () => {
  await pair?.close();
});

describe('the shared special-customer notebook', () => {
  it('finds a note added at A in a lookup at B within the poll interval, with nothing clear at the office', async () => {
    const t0 = Date.now();
    await save(hubs.a!, CARD_X, '王先生', '常忘记密码，请提醒带身份证');
    const found = await eventually(() => lookup(hubs.b!, CARD_X), (e) => e !== null, 30_000);
    const ms = Date.now() - t0;
    console.log(`notebook: a note saved at A found at B after ${ms} ms (poll ${POLL_MS} ms)`);
    expect(found).toMatchObject({ title: '王先生', notes: '常忘记密码，请提醒带身份证', tags: ['magnifier'] });
    // Two rounds at most: A's push, then B's pull.
    expect(ms).toBeLessThan(4 * POLL_MS + 2_000);
    const rows = await officeRows();
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows) + JSON.stringify(await office.sql.query('SELECT data FROM office_events'));
    for (const clear of ['6222000033334444', '3333 4444', '王先生', '常忘记密码']) expect(stored).not.toContain(clear);
    // The note made before enrolment stays at A.
    expect(await lookup(hubs.a!, CARD_Z)).toMatchObject({ title: '李女士' });
    expect(await lookup(hubs.b!, CARD_Z)).toBeNull();
  }, LONG);

  it("keeps the organisation's secret in key files only, the office's and each hub's", async () => {
    const secret = readFileSync(path.join(office.dataDir, 'org-key.secret'), 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path.join(office.dataDir, 'org-key.secret')).mode & 0o077).toBe(0);
    for (const k of ['a', 'b'] as const) {
      expect(readFileSync(path.join(dirs[k], 'org-key.secret'), 'utf8').trim()).toBe(secret);
      expect(statSync(path.join(dirs[k], 'org-key.secret')).mode & 0o077).toBe(0);
      for (const file of ['atrium.db', 'atrium.db-wal'].map((f) => path.join(dirs[k], f)).filter(existsSync)) expect(readFileSync(file).includes(secret)).toBe(false);
    }
    expect(JSON.stringify(await office.sql.query('SELECT * FROM office_branches')) + JSON.stringify(await office.sql.query('SELECT data FROM office_events'))).not.toContain(secret);
  });

  it("does not bounce a received note back to the office as B's own", async () => {
    const before = await officeRows();
    // Several rounds of both hubs.
    await new Promise((r) => setTimeout(r, 4 * POLL_MS));
    const after = await officeRows();
    expect(after).toEqual(before);
    expect(after.map((r) => r.branch_id)).toEqual([branchIds.a]);
    const received = hubs.b!.hub.ledger.readEvents().filter((e) => e.type === 'notebook.received');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ origin: { branchId: branchIds.a, version: Number(after[0]!.version) }, actor: `office:${branchIds.a}` });
    // A does not receive its own note back either.
    expect(hubs.a!.hub.ledger.readEvents().filter((e) => e.type === 'notebook.received')).toHaveLength(0);
  }, LONG);

  it('lets every enrolled branch read the notebook, and no one else', async () => {
    const link = readOfficeLink(dirs.b)!;
    expect((await office.api('GET', '/api/office/notebook?since=0', { token: link.credential })).status).toBe(200);
    expect((await office.api('GET', '/api/office/notebook?since=0')).status).toBe(401);
    expect((await office.api('GET', '/api/office/notebook?since=0', { token: await office.login() })).status).toBe(403);
    expect((await office.api('GET', '/api/office/notebook?since=0', { token: await hubs.b!.login('manager') })).status).toBe(401);
  });

  it('keeps both hubs serving with the office down, and catches the notes up when it returns', async () => {
    const again = { dataDir: office.dataDir, pgUrl: office.pgUrl, port: office.port };
    await office.close();
    await save(hubs.b!, CARD_Y, '赵阿姨', '听力不好，请大声叫号');
    // Both lobbies carry on, and B finds its own note.
    expect((await hubs.a!.api('POST', '/api/tickets', { token: await hubs.a!.login('manager'), body: { service: 'cash' } })).status).toBe(200);
    expect(await lookup(hubs.b!, CARD_Y)).toMatchObject({ title: '赵阿姨' });
    await new Promise((r) => setTimeout(r, 3 * POLL_MS));
    expect(await lookup(hubs.a!, CARD_Y)).toBeNull();
    office = await startTestOffice(again);
    const found = await eventually(() => lookup(hubs.a!, CARD_Y), (e) => e !== null, 30_000);
    expect(found).toMatchObject({ title: '赵阿姨', notes: '听力不好，请大声叫号' });
    expect((await officeRows()).map((r) => r.branch_id)).toEqual([branchIds.a, branchIds.b]);
  }, LONG);

  it('ends with the newest save at both branches when both edit one customer with the office down', async () => {
    const again = { dataDir: office.dataDir, pgUrl: office.pgUrl, port: office.port };
    await office.close();
    await save(hubs.a!, CARD_X, '王先生', '旧的：A 的修改');
    await new Promise((r) => setTimeout(r, 20));
    await save(hubs.b!, CARD_X, '王先生', '新的：B 的修改');
    office = await startTestOffice(again);
    const newest = (e: { notes: string } | null) => e?.notes === '新的：B 的修改';
    expect(newest(await eventually(() => lookup(hubs.a!, CARD_X), newest, 30_000))).toBe(true);
    // Some rounds more: nothing flips back.
    await new Promise((r) => setTimeout(r, 4 * POLL_MS));
    expect(await lookup(hubs.a!, CARD_X)).toMatchObject({ notes: '新的：B 的修改' });
    expect(await lookup(hubs.b!, CARD_X)).toMatchObject({ notes: '新的：B 的修改' });
    const x = (await officeRows()).filter((r) => r.branch_id === branchIds.b);
    expect(x).toHaveLength(2);
  }, LONG);

  it('answers both notebook routes in the shapes of the route table', async () => {
    const link = readOfficeLink(dirs.b)!;
    const pushed = await office.api('POST', routes.pushNotebook.path, { token: link.credential, body: { notes: [{ customerKey: 'e'.repeat(64), box: 'box1.AAAA', tags: [], savedAt: 1 }] } });
    expect(pushed.status).toBe(200);
    expect(routes.pushNotebook.answer.parse(pushed.body).version).toBeGreaterThan(0);
    const pulled = await office.api('GET', `${routes.pullNotebook.path}?since=0`, { token: readOfficeLink(dirs.a)!.credential });
    expect(routes.pullNotebook.answer.parse(pulled.body).notes.map((n) => n.branchId)).toEqual([branchIds.b, branchIds.b, branchIds.b]);
    expect((await office.api('GET', `${routes.pullNotebook.path}?since=-1`, { token: link.credential })).status).toBe(400);
    expect((await office.api('POST', routes.pushNotebook.path, { token: link.credential, body: { notes: [{ customerKey: '6222000033334444', box: 'x', tags: [], savedAt: 1 }] } })).status).toBe(400);
  });

  it('erases a customer everywhere: erased at A, their shared note goes at A, at the office and at B', async () => {
    expect(await lookup(hubs.b!, CARD_X)).toMatchObject({ title: '王先生' });
    expect(await lookup(hubs.a!, CARD_X)).toMatchObject({ title: '王先生' });
    const erased = await hubs.a!.api('POST', '/api/customers/erase', { token: await hubs.a!.login('admin'), body: { kind: 'card', number: CARD_X } });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    // At A at once (the shared key is erased with the branch's own).
    expect(await lookup(hubs.a!, CARD_X)).toBeNull();
    // At B within the poll rounds: A sends the erasure, B pulls it.
    expect(await eventually(() => lookup(hubs.b!, CARD_X), (e) => e === null, 30_000)).toBeNull();
    const [row] = await office.sql.query<{ branch_id: string; box: string; tags: unknown; erased: boolean }>(
      "SELECT branch_id, box, tags, erased FROM office_notebook WHERE erased",
    );
    expect(row).toMatchObject({ branch_id: branchIds.a, box: '', erased: true });
    expect(JSON.stringify(row!.tags)).toBe('[]');
    // B's erasure is an event of its own ledger, by the office on A's behalf; nothing waits at A any more.
    const applied = hubs.b!.hub.ledger.readEvents().filter((e) => e.type === 'customer.erased');
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({ actor: `office:${branchIds.a}`, subjects: 1 });
    expect(JSON.stringify(applied[0])).not.toContain((await office.sql.query<{ customer_key: string }>('SELECT customer_key FROM office_notebook WHERE erased'))[0]!.customer_key);
    await eventually(() => readFileSync(path.join(dirs.a, 'office-erasures.json'), 'utf8').trim(), (t) => t === '[]', 10_000);
    expect(readFileSync(path.join(dirs.a, 'office-erasures.json'), 'utf8').trim()).toBe('[]');
    expect(statSync(path.join(dirs.a, 'office-erasures.json')).mode & 0o077).toBe(0);
    // A note saved before the erasure and pushed late loses to it; B's other customer is untouched.
    const late = await office.api('POST', routes.pushNotebook.path, {
      token: readOfficeLink(dirs.b)!.credential,
      body: { notes: [{ customerKey: (await office.sql.query<{ customer_key: string }>('SELECT customer_key FROM office_notebook WHERE erased'))[0]!.customer_key, box: 'box1.AAAA', tags: [], savedAt: 1 }] },
    });
    expect(late.status).toBe(200);
    expect((await office.sql.query('SELECT 1 FROM office_notebook WHERE erased'))).toHaveLength(1);
    expect(await lookup(hubs.a!, CARD_Y)).toMatchObject({ title: '赵阿姨' });
    expect(routes.eraseNotebook.answer.parse((await office.api('POST', routes.eraseNotebook.path, { token: readOfficeLink(dirs.b)!.credential, body: { customerKeys: ['f'.repeat(64)], erasedAt: 1 } })).body).version).toBeGreaterThan(0);
    expect((await office.api('POST', routes.eraseNotebook.path, { token: readOfficeLink(dirs.b)!.credential, body: { customerKeys: ['6222000033334444'], erasedAt: 1 } })).status).toBe(400);
    expect((await office.api('POST', routes.eraseNotebook.path, { token: await office.login(), body: { customerKeys: ['f'.repeat(64)], erasedAt: 1 } })).status).toBe(403);
  }, LONG);

  it('verifies and rebuilds on both hubs', async () => {
    await stop('a');
    await stop('b');
    for (const k of ['a', 'b'] as const) {
      const verify = await runCli(['verify', '--data', dirs[k]]);
      expect(verify.status, verify.stderr).toBe(0);
      const rebuilt = await runCli(['rebuild', '--data', dirs[k], '--to', path.join(tempDir(), 'rebuilt')]);
      expect(rebuilt.status, rebuilt.stderr).toBe(0);
      expect(rebuilt.stdout).toContain('it verifies');
    }
  }, LONG);
});

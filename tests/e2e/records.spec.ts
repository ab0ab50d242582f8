// Issue 6 end to end, on a hub of its own (so the day's figures are this spec's alone): the
// opening checklist with a fault, signed by the supervisor with her PIN; tickets flow; an
// opinion with a phone replied and signed; a complaint through the guided form closed in
// time; the closing checklist signed; the day closed; the daily report's figures equal to an
// independent count of the ledger's events; the report printed to PDF by Chromium and
// rendered to PNG with pdftoppm. Screenshots of every records screen in zh-CN and en.
import { expect, test, type Browser, type Page } from './test.js';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requestHub, startHub, type RunningHub } from './hub-process.js';
import { answerChecklist, supervisorSigns } from './records-support.js';
import { DEMO_PIN, signIn } from './screens.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
let hub: RunningHub;

test.beforeAll(async () => {
  hub = await startHub(ROOT);
});
test.afterAll(async () => hub?.stop());

async function open(browser: Browser, path: string, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: lang });
  await context.addInitScript((l) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('atrium.lang', l), lang);
  const page = await context.newPage();
  await page.goto(hub.url + path);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

const api = <T = any>(method: string, path: string, token?: string, body?: unknown) => requestHub<T>(hub.url, method, path, token, body);
const login = async (staffId: string) => (await api<{ token: string }>('POST', '/api/auth/login', undefined, { staffId, pin: DEMO_PIN })).body.token;

test('an end-to-end day of the lobby records', async ({ browser }) => {
  test.setTimeout(180_000);
  const manager = await open(browser, '/records');
  await signIn(manager, 'manager');
  await expect(manager.getByTestId('checklists-tab')).toBeVisible();

  // Opening checklist: a fault with a note, one item left unanswered is named, then completed.
  await manager.getByTestId('start-opening').click();
  await answerChecklist(manager, { self_service: { result: '故障', note: 'ATM 2 吞卡' }, fire: { result: null } });
  await manager.getByTestId('complete').click();
  await expect(manager.getByTestId('unanswered')).toContainText('消防设备合规摆放');
  await shot(manager, 'records-checklist-unanswered');
  await manager.getByTestId('item-fire').getByText('正常', { exact: true }).click();
  await manager.getByTestId('complete').click();
  await expect(manager.getByTestId('checklist-card')).toHaveAttribute('data-status', 'completed');
  await expect(manager.getByTestId('faults')).toContainText('自助设备正常运行');

  // The supervisor signs it on her own screen with her PIN.
  const sup = await open(browser, '/supervisor');
  await signIn(sup, 'supervisor');
  await expect(sup.getByTestId('await-checklist-opening')).toContainText('ATM 2 吞卡');
  await shot(sup, 'supervisor-awaiting');
  await supervisorSigns(sup, 'sign-checklist-opening');
  await manager.reload();
  await manager.getByTestId('open-opening').click();
  await expect(manager.getByTestId('signed-block')).toContainText('supervisor');
  await shot(manager, 'records-checklist-signed');

  // Tickets flow (API, as the kiosk and counters would): 4 served, 1 no-show, 1 left waiting.
  const m = await login('manager');
  const t1 = await login('teller1');
  await api('POST', '/api/counters/1/open', t1);
  for (const service of ['cash', 'cash', 'noncash', 'cash', 'cash', 'noncash']) expect((await api('POST', '/api/tickets', m, { service })).status).toBe(200);
  for (let i = 0; i < 5; i++) {
    const called = (await api<{ ticket: { id: string } }>('POST', '/api/counters/1/call-next', t1)).body.ticket;
    if (i === 2) expect((await api('POST', `/api/tickets/${called.id}/no-show`, t1)).status).toBe(200);
    else {
      await api('POST', `/api/tickets/${called.id}/start`, t1);
      expect((await api('POST', `/api/tickets/${called.id}/finish`, t1, {})).status).toBe(200);
    }
  }

  // An opinion with a phone, replied the same day; the supervisor signs the reply.
  await manager.getByTestId('tab-opinions').click();
  await manager.getByTestId('opinion-text').fill('午间只开两个窗口，等了很久');
  await manager.getByTestId('opinion-phone').fill('139 0000 1234');
  await manager.getByTestId('opinion-add').click();
  await expect(manager.getByText('139 0000 1234')).toBeVisible();
  await manager.getByTestId('opinion-reply').fill('已致电客户，午间增开窗口');
  await manager.getByTestId('opinion-reply-save').click();
  await expect(manager.getByText('已致电客户，午间增开窗口')).toBeVisible();
  await shot(manager, 'records-opinions');
  await supervisorSigns(sup, 'sign-opinion');

  // A complaint through the guided form, solved on the spot, closed in time.
  await manager.getByTestId('tab-complaints').click();
  await manager.getByTestId('emotion').getByText('焦急').click();
  await manager.getByTestId('complaint-next').click();
  await manager.getByTestId('calmed').click();
  await manager.getByTestId('listened').click();
  await manager.getByTestId('complaint-summary').fill('取款机吞卡，急着用钱');
  await manager.getByTestId('complaint-next').click();
  await manager.getByTestId('our-fault').getByText('否').click();
  await manager.getByTestId('complaint-next').click();
  await manager.getByTestId('wants').getByText('解决问题').click();
  await manager.getByTestId('complaint-next').click();
  await manager.getByTestId('solvable').getByText('是').click();
  await shot(manager, 'records-complaint-form');
  await manager.getByTestId('complaint-submit').click();
  await manager.getByTestId('complaint-resolution').fill('当场取回卡片并致歉');
  await manager.getByTestId('complaint-resolve').click();
  await expect(manager.getByText('限时内办结')).toBeVisible();
  await supervisorSigns(sup, 'sign-complaint');
  await manager.reload();
  await expect(manager.getByText('supervisor 已签字')).toBeVisible();
  await shot(manager, 'records-complaints');

  // The day cannot close before the closing checklist is signed.
  const refused = await api<{ error: { code: string } }>('POST', '/api/day/close', m);
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('closing_checklist_unsigned');
  await manager.getByTestId('tab-checklists').click();
  await manager.getByTestId('start-closing').click();
  await answerChecklist(manager);
  await manager.getByTestId('complete').click();
  await expect(manager.getByTestId('checklist-card')).toHaveAttribute('data-status', 'completed');
  await supervisorSigns(sup, 'sign-checklist-closing');
  await expect(sup.getByTestId('awaiting')).toContainText('目前没有需要签字的记录');
  await shot(sup, 'supervisor-done');
  const closed = await api<{ day: { status: string; date: string } }>('POST', '/api/day/close', m);
  expect(closed.status).toBe(200);
  const date = closed.body.day.date;

  // The daily report against an independent count of the ledger's events.
  const db = new Database(join(hub.dataDir, 'data', 'atrium.db'), { readonly: true, fileMustExist: true });
  const count = (sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { n: number }).n;
  const dayTickets = "SELECT json_extract(data, '$.ticket.id') FROM events WHERE type = 'ticket.issued' AND json_extract(data, '$.ticket.businessDay') = ?";
  const expected = {
    issued: count(`SELECT count(*) AS n FROM events WHERE type = 'ticket.issued' AND json_extract(data, '$.ticket.businessDay') = ?`, date),
    served: count(`SELECT count(*) AS n FROM events WHERE type = 'ticket.finished' AND json_extract(data, '$.ticket') IN (${dayTickets})`, date),
    noShow: count(`SELECT count(*) AS n FROM events WHERE type = 'ticket.no_show' AND json_extract(data, '$.ticket') IN (${dayTickets})`, date),
  };
  const complaintsInTime = count("SELECT count(*) AS n FROM events r JOIN events o ON o.type = 'complaint.opened' AND json_extract(o.data, '$.complaint.id') = json_extract(r.data, '$.id') WHERE r.type = 'complaint.resolved' AND r.at <= json_extract(o.data, '$.complaint.dueAt')");
  db.close();
  expect(expected).toEqual({ issued: 6, served: 4, noShow: 1 });
  const report = await open(browser, `/records?tab=reports&date=${date}`);
  await signIn(report, 'supervisor');
  for (const [k, v] of Object.entries(expected)) await expect(report.getByTestId(`figure-${k}`)).toHaveAttribute('data-value', String(v));
  await expect(report.getByTestId('report-records')).toContainText(`限时内办结 ${complaintsInTime}`);
  await expect(report.getByTestId('report-records')).toContainText('按时回复 1');
  await expect(report.locator('[data-testid=chart-hourly] svg')).toBeVisible();
  await shot(report, 'records-report-daily');

  // Printed through Chromium to PDF, rendered back to PNG to look at.
  await report.emulateMedia({ media: 'print' });
  // What Chromium's own print dialog does first: the charts redraw for the paper.
  await report.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event('beforeprint')));
  const pdf = `${SHOTS}records-report.pdf`;
  await report.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, `${SHOTS}records-report-pdf`]);
  await report.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event('afterprint')));
  await report.emulateMedia({ media: 'screen' });

  await report.locator('label:has([data-testid=report-monthly])').click();
  await expect(report.locator('[data-testid=chart-trend] svg')).toBeVisible();
  await shot(report, 'records-report-monthly');
});

test('the records screens in English, and the admin template editor', async ({ browser }) => {
  const manager = await open(browser, '/records', 'en');
  await signIn(manager, 'manager');
  await expect(manager.getByTestId('tab-checklists')).toHaveText('Checklists');
  await manager.getByTestId('open-opening').click();
  await expect(manager.getByTestId('signed-block')).toContainText('supervisor');
  await shot(manager, 'records-checklist-en');
  for (const tab of ['worklog', 'opinions', 'complaints', 'notebook', 'cards', 'reports'] as const) {
    await manager.getByTestId(`tab-${tab}`).click();
    await expect(manager.getByTestId(`${tab}-tab`)).toBeVisible();
    if (tab === 'reports') await expect(manager.locator('[data-testid=chart-hourly] svg')).toBeVisible();
    await shot(manager, `records-${tab}-en`);
  }
  const zh = await open(browser, '/records');
  await signIn(zh, 'manager');
  for (const tab of ['worklog', 'notebook', 'cards'] as const) {
    await zh.getByTestId(`tab-${tab}`).click();
    await expect(zh.getByTestId(`${tab}-tab`)).toBeVisible();
    await shot(zh, `records-${tab}`);
  }
  const sup = await open(browser, '/supervisor', 'en');
  await signIn(sup, 'supervisor');
  await expect(sup.getByTestId('awaiting')).toContainText('Nothing awaits your signature');
  await shot(sup, 'supervisor-en');
  const admin = await open(browser, '/admin#checklists');
  await signIn(admin, 'admin');
  await admin.getByTestId('template-editor').scrollIntoViewIfNeeded();
  const values = () => admin.getByTestId('template-editor').locator('input').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value).join('|'));
  await expect.poll(values).toContain('饮水机饮用水无需更换');
  await admin.getByTestId('template-editor').screenshot({ path: `${SHOTS}admin-checklist-templates.png` });
});

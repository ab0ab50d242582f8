// Going live, as issue 13's "done when" says: a hub started without --demo; its first admin
// sets the branch up on /setup, adds three services and four counters on /admin#branch and
// five staff on /admin#staff; each of them sets their own PIN at their first sign-in; a
// kiosk and a display are paired; a morning runs at the kiosk, the counters and the display;
// the closing checklist is answered on /records and signed on /supervisor; and the manager
// closes the day from the console, finishing the customer still at a counter. No API call
// from the test: every step is a click or a key on a screen.
import { expect as baseExpect, test, type Browser, type Page } from './test.js';
import { fileURLToPath } from 'node:url';
import { addCounter, addService, openBranchTab } from './branch-support.js';
import { closeDay, openDay } from './day-support.js';
import { startHub, type RunningHub } from './hub-process.js';
import { answerChecklist, supervisorSigns } from './records-support.js';
import { registerDevice, signIn } from './screens.js';
import { addStaff, firstSignIn, setUpBranch } from './setup-support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
// States, not times: on a loaded machine a screen may take longer than 5 s to reach one.
const expect = baseExpect.configure({ timeout: 20_000 });
let hub: RunningHub;

test.beforeAll(async () => {
  hub = await startHub(ROOT, 60_000, [], { demo: false });
});
test.afterAll(async () => hub?.stop());

async function open(browser: Browser, path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${hub.url}${path}`);
  return page;
}

const SERVICES = [
  { code: 'cash', prefix: 'A', nameZh: '现金业务', nameEn: 'Cash', targetWaitMinutes: 10, maxWaitMinutes: 20 },
  { code: 'noncash', prefix: 'B', nameZh: '非现金业务', nameEn: 'Non-cash', targetWaitMinutes: 15, maxWaitMinutes: 30 },
  { code: 'corporate', prefix: 'C', nameZh: '对公业务', nameEn: 'Corporate', targetWaitMinutes: 15, maxWaitMinutes: 30 },
];
const COUNTERS = [
  { counter: '1', services: ['cash', 'noncash'] },
  { counter: '2', services: ['cash', 'noncash'], label: '爱心窗口' },
  { counter: '3', services: ['noncash', 'cash'] },
  { counter: '4', services: ['corporate', 'noncash'] },
];
const STAFF = [
  { staffId: 'm01', name: '王经理', role: 'manager', pin: '482915' },
  { staffId: 's01', name: '李主管', role: 'supervisor', pin: '735062' },
  { staffId: 't01', name: '张柜员', role: 'teller', pin: '906184' },
  { staffId: 't02', name: '陈柜员', role: 'teller', pin: '318527' },
  { staffId: 't03', name: '刘柜员', role: 'teller', pin: '650493' },
] as const;

/** Registers a device on the admin's devices tab; the path of its pairing link on this hub. */
async function pairingLink(admin: Page, role: 'kiosk' | 'display', name: string): Promise<string> {
  await admin.getByRole('tab', { name: '设备' }).click();
  const url = new URL(await registerDevice(admin, role, name));
  return url.pathname + url.search;
}

/** A teller signs in for the first time at a counter terminal, picks the counter and opens it. */
async function tellerAt(browser: Browser, person: (typeof STAFF)[number], oneTimePin: string, counter: string): Promise<Page> {
  const page = await open(browser, '/counter');
  await firstSignIn(page, person.staffId, oneTimePin, person.pin);
  await page.locator(`.counter-choice[data-counter="${counter}"]`).click();
  const desk = page.getByTestId('counter-desk');
  await desk.getByRole('button', { name: '开启柜台' }).click();
  await expect(desk.locator('.counter-head .status')).toHaveText('营业中');
  return page;
}

async function takeTicket(kiosk: Page, service: string): Promise<string> {
  await kiosk.locator(`[data-service=${service}]`).click();
  const number = kiosk.getByTestId('ticket-number');
  await expect(number).toHaveText(/^[ABC]\d{3,}$/);
  const text = ((await number.textContent()) ?? '').trim();
  // Back to the home screen for the next customer.
  await kiosk.getByTestId('kiosk-done').click();
  await expect(kiosk.getByTestId('kiosk-home')).toBeVisible();
  return text;
}

test('a branch goes live from its own screens: set up, staffed, a morning served, the day closed', async ({ browser }) => {
  test.setTimeout(600_000);
  expect(hub.setupCode).toMatch(/^\S{6,}$/);

  // The first admin sets the branch up, then its services, counters and staff.
  const admin = await open(browser, '/');
  await expect(admin).toHaveURL(/\/setup$/);
  await setUpBranch(admin, hub.url, {
    code: hub.setupCode!,
    nameZh: '滨江支行',
    nameEn: 'Binjiang Sub-branch',
    openingTime: '09:00',
    closingTime: '17:00',
    staffId: 'a01',
    name: '赵管理员',
    pin: '271828',
  });
  await openBranchTab(admin);
  for (const s of SERVICES) await addService(admin, s);
  for (const c of COUNTERS) await addCounter(admin, c);
  await admin.screenshot({ path: `${SHOTS}go-live-branch.png` });
  await admin.getByRole('tab', { name: '员工' }).click();
  const oneTimePins: Record<string, string> = {};
  for (const p of STAFF) oneTimePins[p.staffId] = await addStaff(admin, { staffId: p.staffId, name: p.name, role: p.role });
  await admin.screenshot({ path: `${SHOTS}go-live-staff.png` });
  const kioskPath = await pairingLink(admin, 'kiosk', '大厅取号机 1');
  const displayPath = await pairingLink(admin, 'display', '大厅叫号屏');

  // The manager and the supervisor sign in for the first time with their own PINs.
  const [manager, supervisor, ...tellers] = STAFF;
  const console = await open(browser, '/manager');
  await firstSignIn(console, manager.staffId, oneTimePins[manager.staffId]!, manager.pin);
  await expect(console.getByTestId('manager-console')).toBeVisible();
  const sup = await open(browser, '/supervisor');
  await firstSignIn(sup, supervisor.staffId, oneTimePins[supervisor.staffId]!, supervisor.pin);

  // The manager opens the business day; the kiosk and the display pair.
  await openDay(console);
  const kiosk = await open(browser, kioskPath, { width: 1080, height: 1920 });
  await expect(kiosk.getByTestId('kiosk-home')).toBeVisible();
  for (const s of SERVICES) await expect(kiosk.locator(`[data-service=${s.code}]`)).toContainText(s.nameZh);
  const display = await open(browser, displayPath, { width: 1920, height: 1080 });
  await expect(display.getByTestId('connection')).toHaveText('已连接');

  // Three tellers, each at a counter of their own.
  const desks = [await tellerAt(browser, tellers[0], oneTimePins[tellers[0].staffId]!, '1'), await tellerAt(browser, tellers[1], oneTimePins[tellers[1].staffId]!, '2'), await tellerAt(browser, tellers[2], oneTimePins[tellers[2].staffId]!, '4')];

  // A morning: customers take tickets; the tellers call, serve and finish them with the keys.
  const issued = [];
  for (const service of ['cash', 'noncash', 'cash', 'corporate', 'noncash', 'cash']) issued.push(await takeTicket(kiosk, service));
  await kiosk.screenshot({ path: `${SHOTS}go-live-kiosk.png` });
  const served = new Set<string>();
  for (let round = 0; round < 2; round++) {
    for (const desk of desks) {
      await expect(desk.locator('[data-action=callNext]')).toBeEnabled();
      await desk.keyboard.press('n');
      const current = desk.getByTestId('current-ticket');
      await expect(current).toHaveText(/^[ABC]\d{3,}$/);
      const number = ((await current.textContent()) ?? '').trim();
      await expect(display.getByTestId('call-headline')).toContainText(number);
      await desk.keyboard.press('s');
      await expect(desk.locator('.current-status')).toHaveText('办理中');
      if (round === 1 && desk === desks[2]) break; // this customer is still at counter 4 at closing time
      await desk.keyboard.press('f');
      await expect(desk.getByTestId('current-ticket')).not.toHaveText(number);
      served.add(number);
    }
  }
  await display.screenshot({ path: `${SHOTS}go-live-display.png` });
  expect(served.size).toBe(5);
  for (const n of served) expect(issued).toContain(n);

  // The closing checklist: answered by the manager on /records, signed by the supervisor.
  const records = await open(browser, '/records');
  await signIn(records, manager.staffId, manager.pin);
  await expect(records.getByTestId('checklists-tab')).toBeVisible();
  await records.getByTestId('tab-checklists').click();
  await records.getByTestId('start-closing').click();
  await answerChecklist(records);
  await records.getByTestId('complete').click();
  await expect(records.getByTestId('checklist-card')).toHaveAttribute('data-status', 'completed');
  await supervisorSigns(sup, 'sign-checklist-closing', supervisor.pin);

  // The manager closes the day from the console: the customer at counter 4 is named and finished.
  const outcome = await closeDay(console);
  expect(outcome).toEqual({ kind: 'closed', finished: [expect.stringContaining('4')] });
  // With the day closed the console gives no wait estimate for a ticket nobody can take.
  for (const s of SERVICES) await expect(console.locator(`[data-testid=queue-table] tr[data-service=${s.code}] td`).nth(3)).toHaveText('—');
  await console.screenshot({ path: `${SHOTS}go-live-closed.png` });
  for (const desk of desks) await expect(desk.locator('.counter-head .status')).toHaveText('关闭');
});

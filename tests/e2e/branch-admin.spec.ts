// Point 3 of issue 13 end to end, on a demo hub of its own (its new service and counter must
// not change the lobby the other specs share): the admin, on /admin#branch, adds a service and
// edits another, adds a counter with a label, sets opening hours and the rota (a wrong row is
// refused in plain words), and sees the customer secret after the PIN again; the kiosk's
// choices are edited on the kiosk tab. A kiosk and a calling display, already open, show the
// new service and the label with no restart. Screenshots in zh-CN and en.
import { expect as baseExpect, test, type Browser, type Page } from './test.js';

// States, not times: on a loaded machine a screen may take longer than the default 5 s to reach one.
const expect = baseExpect.configure({ timeout: 20_000 });
import { fileURLToPath } from 'node:url';
import { addCounter, addRotaRow, addService, editService, setOpeningHours, submitService } from './branch-support.js';
import { requestHub, startHub, type RunningHub } from './hub-process.js';
import { DEMO_PIN, signIn } from './screens.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
let hub: RunningHub;

test.beforeAll(async () => {
  // A loaded machine (the whole suite, other builds) may take a while to start a second hub.
  test.setTimeout(150_000);
  hub = await startHub(ROOT, 120_000);
});
test.afterAll(async () => hub?.stop());

async function open(browser: Browser, path: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(hub.url + path);
  return page;
}

const api = <T = any>(method: string, path: string, token?: string, body?: unknown) => requestHub<T>(hub.url, method, path, token, body);
const login = async (staffId: string) => (await api<{ token: string }>('POST', '/api/auth/login', undefined, { staffId, pin: DEMO_PIN })).body.token;

/** Pairs a device of that role in its own browser context. */
async function paired(browser: Browser, role: 'kiosk' | 'display', viewport = { width: 1280, height: 800 }): Promise<Page> {
  const code = (await api<{ pairingCode: string }>('POST', '/api/devices', await login('admin'), { role, name: `${role} branch` })).body.pairingCode;
  return open(browser, `/${role}?pair=${code}`, viewport);
}

/** Both languages of one card or the whole tab; the page is left in Chinese. */
async function shots(page: Page, name: string, target?: string): Promise<void> {
  for (const [lang, button] of [['zh', null], ['en', 'English']] as const) {
    if (button) await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('tab', { name: lang === 'zh' ? '网点设置' : 'Branch' })).toBeVisible();
    if (target) await page.getByTestId(target).screenshot({ path: `${SHOTS}${name}-${lang}.png` });
    else await page.screenshot({ path: `${SHOTS}${name}-${lang}.png`, fullPage: true });
  }
  await page.getByRole('button', { name: '中文' }).click();
}

test('the admin sets up the branch on /admin#branch, and the kiosk and display follow at once', async ({ browser }) => {
  test.setTimeout(360_000);
  const kiosk = await paired(browser, 'kiosk');
  await expect(kiosk.getByTestId('kiosk-home')).toBeVisible();
  const display = await paired(browser, 'display', { width: 1920, height: 1080 });
  await expect(display.getByTestId('recent-calls')).toBeAttached();

  const admin = await open(browser, '/admin#branch');
  await signIn(admin, 'admin');
  await expect(admin.getByTestId('services-admin').locator('tr[data-row-key=cash]')).toBeVisible();
  await expect(admin.getByTestId('rota-editor').getByTestId('rota-row')).toHaveCount(2);
  await shots(admin, 'admin-branch-demo');

  // A service: a prefix another service uses is refused in a sentence; then added with Enter.
  const loans = { code: 'loans', prefix: 'A', nameZh: '贷款', nameEn: 'Loans', targetWaitMinutes: 20, maxWaitMinutes: 40 };
  const form = admin.getByTestId('service-form');
  await form.locator('input[data-testid=service-code], [data-testid=service-code] input').first().fill('Loans');
  await form.getByTestId('save-service').click();
  await expect(form).toContainText('业务代码只能是小写字母、数字或 _。');
  await submitService(admin, loans);
  await expect(admin.getByTestId('services-admin').getByRole('alert')).toHaveText('这个字母已被另一项业务用作号码前缀，请换一个。');
  await addService(admin, { ...loans, prefix: 'L' });
  await editService(admin, 'cash', { targetWaitMinutes: 8, maxWaitMinutes: 16 });
  // The display's waiting list and the kiosk's choices have the new service with no reload.
  await expect(display.locator('.display-waiting')).toContainText('贷款');

  // A counter with a label, serving loans first, then cash.
  await addCounter(admin, { counter: '7', services: ['loans', 'cash'], label: '爱心窗口' });
  await expect(admin.getByTestId('counters-admin').locator('tr[data-row-key="7"]')).toContainText('贷款 → ');

  // Opening hours, and the rota: a row ending before it starts is refused in plain words.
  await setOpeningHours(admin, { openingTime: '08:30', closingTime: '17:30', patrolTimes: ['10:30', '14:30'] });
  await addRotaRow(admin, { counter: '7', from: '13:00', until: '12:00' });
  await expect(admin.getByTestId('rota-editor').getByRole('alert')).toHaveText('第 3 行：结束时间要晚于开始时间。');
  const row = admin.getByTestId('rota-editor').getByTestId('rota-row').nth(2);
  await row.locator('input[data-testid=rota-until], [data-testid=rota-until] input').first().fill('13:30');
  await row.locator('input[data-testid=rota-until], [data-testid=rota-until] input').first().press('Enter');
  await expect(admin.getByTestId('rota-editor').getByRole('alert')).toHaveCount(0);
  const manager = await login('manager');
  await expect.poll(async () => (await api('GET', '/api/settings/rota', manager)).body.rota.length).toBe(3);
  expect((await api('GET', '/api/settings/opening-hours', manager)).body).toEqual({ openingTime: '08:30', closingTime: '17:30', patrolTimes: ['10:30', '14:30'] });
  await admin.reload();
  await expect(admin.getByTestId('rota-editor').getByTestId('rota-row')).toHaveCount(3);
  await shots(admin, 'admin-branch-filled');
  await shots(admin, 'admin-branch-rota', 'rota-editor');

  // The customer secret: a wrong PIN says so; the right one shows it, hidden again on request.
  const secret = admin.getByTestId('customer-secret');
  await expect(secret.getByTestId('secret-fingerprint')).toHaveText(/^[0-9a-f]{16}$/);
  await shots(admin, 'admin-branch-secret', 'customer-secret');
  await secret.locator('[data-testid=secret-show-pin] input, input[data-testid=secret-show-pin]').first().fill('123987');
  await secret.locator('[data-testid=secret-show-pin] input, input[data-testid=secret-show-pin]').first().press('Enter');
  await expect(secret.getByRole('alert')).toHaveText('密码不对，请输入您自己的登录密码。');
  await secret.locator('[data-testid=secret-show-pin] input, input[data-testid=secret-show-pin]').first().fill(DEMO_PIN);
  await secret.getByTestId('secret-show').click();
  await expect(secret.getByTestId('secret-shown')).toContainText(/[0-9a-f]{64}/);
  await secret.getByTestId('secret-hide').click();
  await expect(secret.getByTestId('secret-shown')).toHaveCount(0);

  // Kiosk choices, on the kiosk tab: a choice for loans, which the open kiosk shows.
  await admin.getByRole('tab', { name: '取号机' }).click();
  const choices = admin.getByTestId('kiosk-choices-editor');
  await expect(choices.getByTestId('kiosk-choice-row').first()).toBeVisible();
  const count = await choices.getByTestId('kiosk-choice-row').count();
  if (count >= 8) await choices.getByTestId('kiosk-choice-row').nth(count - 1).getByTestId('choice-remove').click();
  await choices.getByTestId('choice-add').click();
  const added = choices.getByTestId('kiosk-choice-row').last();
  await added.locator('input[data-testid=choice-id], [data-testid=choice-id] input').first().fill('loans');
  await added.locator('input[data-testid=choice-name-zh], [data-testid=choice-name-zh] input').first().fill('贷款');
  await added.locator('input[data-testid=choice-name-en], [data-testid=choice-name-en] input').first().fill('Loans');
  await added.getByTestId('choice-service').click();
  await added.locator('[data-testid=choice-service] input, input[data-testid=choice-service]').first().fill('loans');
  await added.locator('[data-testid=choice-service] input, input[data-testid=choice-service]').first().press('Enter');
  await expect(added.getByTestId('choice-service')).toContainText('贷款');
  await choices.getByTestId('save-choices').click();
  await expect(admin.locator('.ant-message')).toContainText('取号机选项已保存');
  await choices.screenshot({ path: `${SHOTS}admin-kiosk-choices-zh.png` });
  await admin.getByRole('button', { name: 'English' }).click();
  await expect(choices).toContainText('Kiosk home choices');
  await choices.screenshot({ path: `${SHOTS}admin-kiosk-choices-en.png` });
  await admin.getByRole('button', { name: '中文' }).click();
  await expect(kiosk.locator('[data-choice=loans]')).toBeVisible({ timeout: 45_000 });

  // A loans customer called to counter 7: the display names the counter and its label.
  const teller = await login('teller5');
  expect((await api('POST', '/api/counters/7/open', teller)).status).toBe(200);
  await kiosk.locator('[data-choice=loans]').click();
  expect((await api('POST', '/api/counters/7/call-next', teller)).status).toBe(200);
  await expect(display.getByTestId('call-label')).toHaveText('爱心窗口');
  await expect(display.getByTestId('call-headline')).toContainText('L001');
  await display.screenshot({ path: `${SHOTS}display-counter-label-zh.png` });
  await display.getByRole('button', { name: 'English' }).click();
  await expect(display.getByTestId('call-headline')).toContainText('counter 7');
  await display.screenshot({ path: `${SHOTS}display-counter-label-en.png` });

  // The manager console names the counter by number and label.
  const managerPage = await open(browser, '/manager');
  await signIn(managerPage, 'manager');
  await expect(managerPage.getByText('7 号窗口 · 爱心窗口')).toBeVisible();
  await managerPage.getByText('7 号窗口 · 爱心窗口').scrollIntoViewIfNeeded();
  await managerPage.screenshot({ path: `${SHOTS}manager-counter-label-zh.png` });
});

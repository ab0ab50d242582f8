// A real branch's first start, on its own hub without --demo: the hub prints a setup code, the
// first admin sets the branch up on /setup, adds two staff on /admin#staff, and one of them
// signs in with the one-time PIN, sets their own PIN, and later changes it.
import { expect, test, type Browser, type Page } from './test.js';
import { fileURLToPath } from 'node:url';
import { startHub, type RunningHub } from './hub-process.js';
import { addStaff, changeOwnPin, closeOneTimePin, fillSetup, firstSignIn, setUpBranch, startFirstSignIn } from './setup-support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
let hub: RunningHub;

test.beforeAll(async () => {
  hub = await startHub(ROOT, 30_000, [], { demo: false });
});
test.afterAll(async () => hub?.stop());

async function open(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${hub.url}${path}`);
  return page;
}

/** The page's window, as far as the shots use it. */
type InPage = { scrollTo(x: number, y: number): void; document: { getAnimations(): { playState: string }[] } };

/** The page in the other language, shot, then back in Chinese. The switch is clicked as an event: an open dialog covers it. */
async function bothLanguages(page: Page, name: string, fullPage = false): Promise<void> {
  const shot = async (file: string) => {
    // At the top of the page, once dialogs have finished fading in.
    // Run in the page; this file is type-checked without the DOM's types (and the hub's CSP refuses strings).
    await page.evaluate(() => (globalThis as unknown as InPage).scrollTo(0, 0));
    await page.waitForFunction(() => (globalThis as unknown as InPage).document.getAnimations().every((a) => a.playState !== 'running'));
    await page.screenshot({ path: `${SHOTS}${file}.png`, fullPage });
  };
  await shot(`${name}-zh`);
  await page.getByRole('button', { name: 'English' }).first().dispatchEvent('click');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shot(`${name}-en`);
  await page.getByRole('button', { name: '中文' }).first().dispatchEvent('click');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

const BRANCH = { nameZh: '城东支行', nameEn: 'East Branch', openingTime: '08:30', closingTime: '17:00', staffId: 'wang', name: '王丽', pin: '246813' };

test('a branch without --demo is set up from its screens, and its staff set their own PINs', async ({ browser }) => {
  // A whole first morning of setting up, with screenshots in both languages.
  test.setTimeout(240_000);
  expect(hub.setupCode).toMatch(/^[A-Z2-9]{8}$/);
  const admin = await open(browser, '/');
  // Home sends a hub with no admin to /setup.
  await expect(admin).toHaveURL(/\/setup$/);
  await expect(admin.getByTestId('setup-form')).toBeVisible();
  await bothLanguages(admin, 'setup-empty', true);

  // A wrong code: a plain sentence, and nothing is set up.
  await fillSetup(admin, hub.url, { ...BRANCH, code: 'WRONGCDE' });
  await admin.getByTestId('setup-submit').click();
  await expect(admin.getByRole('alert')).toContainText('设置码不正确');
  await bothLanguages(admin, 'setup-wrong-code', true);

  await setUpBranch(admin, hub.url, { ...BRANCH, code: hub.setupCode! });
  const lin = await addStaff(admin, { staffId: 'lin', name: '林大堂', role: 'manager' });
  const he = await addStaff(admin, { staffId: 'he', name: '何柜员', role: 'teller' }, true);
  expect(lin).not.toBe(he);
  await bothLanguages(admin, 'staff-one-time-pin');
  await closeOneTimePin(admin);
  await addStaff(admin, { staffId: 'zhou', name: '周主管', role: 'supervisor' });
  await expect(admin.getByTestId('staff-row-he')).toContainText('待设置 PIN');
  // Disabling asks first.
  await admin.getByTestId('disable-zhou').click();
  await admin.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect(admin.getByTestId('staff-row-zhou')).toContainText('已停用');
  await expect(admin.getByTestId('enable-zhou')).toBeVisible();
  await bothLanguages(admin, 'staff-list');

  // The teller's first sign-in at the counter: the one-time PIN sets their own.
  const counter = await open(browser, '/counter');
  await startFirstSignIn(counter, 'he', he);
  await bothLanguages(counter, 'first-pin');
  await counter.getByTestId('first-pin-cancel').click();
  await firstSignIn(counter, 'he', he, '913572');
  await expect(counter.getByTestId('change-pin')).toBeVisible();

  // The one-time PIN is spent.
  const again = await open(browser, '/counter');
  const login = again.getByTestId('login-form');
  await login.locator('input[name=staffId]').fill('he');
  await login.locator('input[name=pin]').fill(he);
  await login.locator('input[name=pin]').press('Enter');
  await expect(again.getByRole('alert')).toContainText('工号或 PIN 码不正确');

  // "Change my PIN": a weak PIN is refused in a plain sentence, a good one taken.
  await counter.getByTestId('change-pin').click();
  const form = counter.getByTestId('change-pin-form');
  await form.locator('#pin').fill('913572');
  await form.locator('#newPin').fill('123456');
  await form.locator('#again').fill('123456');
  await form.locator('#again').press('Enter');
  await expect(form.getByRole('alert')).toContainText('太容易被猜到');
  await bothLanguages(counter, 'change-pin');
  await counter.getByTestId('change-pin-cancel').click();
  await changeOwnPin(counter, '913572', '580246');

  // The admin's list no longer waits for the teller's PIN.
  await expect(admin.getByTestId('staff-row-he')).not.toContainText('待设置 PIN', { timeout: 15_000 });
});

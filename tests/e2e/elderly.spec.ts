// Issue 14 points 2 and 3 end to end on the demo hub: an older customer's ID card read at the
// kiosk (a reader's burst on the start screen) and one tap give an elderly ticket; a choice
// marked for the anti-fraud question (转账汇款) asks it first, for any customer, and an older
// customer's 我知道了 gives the ticket and a fraud_watch alert; the manager's console lists the
// older customers waiting and says the alert in words; the teller who calls that ticket sees
// 防诈骗关注; the manager records the intervention and the supervisor signs it. Screenshots of the older customers' flow in zh-CN and en go to
// docs/screens/elderly-*.png. Every wait is for a state, never for a time.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from './test.js';
import { api, chinese, english, login, pairKiosk, type PairedKiosk } from './kiosk-support.js';
import { DEMO_PIN, FIRST_PAINT, openScreen, signIn } from './screens.js';

const SCREENS = fileURLToPath(new URL('../../docs/screens/', import.meta.url));
const docShot = (page: Page, name: string) => page.screenshot({ path: `${SCREENS}elderly-${name}.png` });

const PORTRAIT = { width: 1080, height: 1920 };
/** Born 31 December 1949 (check character X): well over 60. */
const OLDER_ID = '11010519491231002X';
/** Born 1 January 1980: under 60, a normal ticket. */
const YOUNGER_ID = '110105198001010016';

test.describe.configure({ mode: 'serial' });

let admin: string;
let manager: string;
let kiosk: PairedKiosk;
const issued: string[] = [];

test.beforeAll(async ({ browser }) => {
  mkdirSync(SCREENS, { recursive: true });
  admin = await login('admin');
  manager = await login('manager');
  kiosk = await pairKiosk(browser, admin, '东侧取号机', PORTRAIT);
  // Other specs share the hub: no fraud_watch alert left open from an earlier run.
  for (const a of (await api<{ alerts: { id: string; kind: string; acknowledgedAt: number | null }[] }>('GET', '/api/alerts', manager)).body.alerts) {
    if ((a.kind === 'fraud_watch' || a.kind === 'elderly_near_turn') && a.acknowledgedAt === null) await api('POST', `/api/alerts/${a.id}/ack`, manager);
  }
});

test.afterAll(async () => {
  await kiosk.page.context().close();
  // Leave no waiting ticket of ours for the next spec's counter to call.
  for (const id of issued) await api('POST', `/api/tickets/${id}/cancel`, manager, {});
});

test.beforeEach(async () => {
  await chinese(kiosk.page).catch(() => undefined);
});

/** An ID-card reader types the number like a keyboard: a fast burst and Enter. */
async function swipeId(page: Page, id: string): Promise<void> {
  await page.evaluate((d) => {
    // The page's window, typed here without the DOM library.
    const w = globalThis as unknown as EventTarget & { KeyboardEvent: new (type: string, init: { key: string; bubbles: boolean }) => Event };
    for (const key of [...d, 'Enter']) w.dispatchEvent(new w.KeyboardEvent('keydown', { key, bubbles: true }));
  }, id);
}

/** The ticket on the kiosk: its id (kept to cancel it after) and number. */
async function issuedTicket(page: Page, priority: string): Promise<{ id: string; number: string }> {
  const ticket = page.getByTestId('issued-ticket');
  await expect(ticket).toHaveAttribute('data-priority', priority);
  const id = (await ticket.getAttribute('data-ticket-id'))!;
  issued.push(id);
  return { id, number: (await page.getByTestId('ticket-number').textContent())!.trim() };
}

async function backHome(page: Page): Promise<void> {
  await page.getByTestId('kiosk-done').click();
  await expect(page.getByTestId('kiosk-home')).toBeVisible();
}

test('an ID card on the start screen and one tap give an older customer an elderly ticket, in large text with a voice at each step', async () => {
  const { page } = kiosk;
  await swipeId(page, OLDER_ID);
  const flow = page.getByTestId('elderly-flow');
  await expect(flow).toHaveAttribute('data-step', 'choose');
  await expect(page.locator('.kiosk-root')).toHaveClass(/kiosk-large/);
  await expect(page.getByTestId('voice')).toHaveAttribute('data-clips', 'zh/elderly-choose');
  await expect(page.getByTestId('elderly-help')).toHaveText('请大堂经理帮我');
  await expect(page.getByTestId('elderly-help')).toBeInViewport();
  // The number is never on the kiosk's screen (a shared screen).
  await expect(page.locator('body')).not.toContainText(OLDER_ID);
  await docShot(page, 'kiosk-choose-zh');
  await english(page);
  await expect(page.getByTestId('voice')).toHaveAttribute('data-clips', 'en/elderly-choose');
  // Longer English names: the help is still on screen.
  await expect(page.getByTestId('elderly-help')).toBeInViewport();
  await docShot(page, 'kiosk-choose-en');
  await chinese(page);

  // One tap: the ticket.
  await flow.locator('[data-choice=cash]').click();
  await issuedTicket(page, 'elderly');
  await expect(page.getByTestId('issued-ticket')).toContainText('快到您时，大堂经理会来提醒您');
  await expect(page.getByTestId('voice')).toHaveAttribute('data-clips', 'zh/elderly-ticket');
  await docShot(page, 'kiosk-ticket-zh');
  await english(page);
  await expect(page.getByTestId('issued-ticket')).toContainText('The lobby manager will come to you');
  await docShot(page, 'kiosk-ticket-en');
  await backHome(page);
});

test('the 老年人 entry asks for the ID card; a bad read says so in plain words; a younger customer gets a normal ticket', async () => {
  const { page } = kiosk;
  await page.getByTestId('elderly-entry').click();
  const flow = page.getByTestId('elderly-flow');
  await expect(flow).toHaveAttribute('data-step', 'swipe');
  await expect(flow).toContainText('请刷身份证');
  await expect(page.getByTestId('voice')).toHaveAttribute('data-clips', 'zh/elderly-swipe');
  await docShot(page, 'kiosk-swipe-zh');
  await english(page);
  await expect(flow).toContainText('Please swipe your ID card');
  await docShot(page, 'kiosk-swipe-en');
  await chinese(page);

  // A wrong check character (18 digits: not a VIP card either, on this screen): no call, a sentence.
  await swipeId(page, '110105194912310023');
  await expect(page.getByTestId('elderly-invalid')).toContainText('没有读到有效的身份证号码');
  await docShot(page, 'kiosk-invalid-zh');
  await english(page);
  await expect(page.getByTestId('elderly-invalid')).toContainText('The ID card could not be read');
  await docShot(page, 'kiosk-invalid-en');
  await chinese(page);

  await swipeId(page, YOUNGER_ID);
  await expect(flow).toHaveAttribute('data-step', 'choose');
  await flow.locator('[data-choice=cash]').click();
  await issuedTicket(page, 'normal');
  await expect(page.getByTestId('issued-ticket')).not.toContainText('大堂经理会来提醒您');
  await backHome(page);
});

test('a fraud-prompt choice asks its question of any customer; 我知道了 gives the ticket, 请大堂经理帮我 the help alert', async () => {
  const { page } = kiosk;
  await page.locator('.choice-tile[data-choice=transfer]').click();
  const prompt = page.getByTestId('fraud-prompt');
  await expect(prompt).toContainText('有人让您把钱转到“安全账户”吗？这是诈骗。');
  await expect(page.getByTestId('voice')).toHaveAttribute('data-clips', 'zh/fraud-warning');
  await page.getByTestId('fraud-help').click();
  await expect(page.getByTestId('ask-manager')).toBeVisible();
  const help = (await api<{ alerts: { kind: string; device: string | null; details: Record<string, unknown>; acknowledgedAt: number | null }[] }>('GET', '/api/alerts', manager)).body.alerts;
  expect(help.some((a) => a.kind === 'kiosk_help' && a.device === kiosk.deviceId && a.details.choice === 'transfer')).toBe(true);
  await page.getByRole('button', { name: '返回首页' }).click();

  await page.locator('.choice-tile[data-choice=transfer]').click();
  await page.getByTestId('fraud-go-on').click();
  await issuedTicket(page, 'normal');
  await backHome(page);
});

test('an older customer on a fraud-prompt choice: two taps to the ticket, the manager gets fraud_watch and the list, the teller sees 防诈骗关注', async ({ browser }) => {
  const { page } = kiosk;
  await swipeId(page, OLDER_ID);
  await page.getByTestId('elderly-flow').locator('[data-choice=transfer]').click();
  await expect(page.getByTestId('fraud-prompt')).toContainText('这是诈骗');
  await expect(page.getByTestId('fraud-help')).toHaveText('请大堂经理帮我');
  await docShot(page, 'kiosk-fraud-zh');
  await english(page);
  await expect(page.getByTestId('fraud-prompt')).toContainText('Has someone asked you to move money to a "safe account"? That is a scam.');
  await expect(page.getByTestId('voice')).toHaveAttribute('data-clips', 'en/fraud-warning');
  await docShot(page, 'kiosk-fraud-en');
  await chinese(page);
  await page.getByTestId('fraud-go-on').click();
  const ticket = await issuedTicket(page, 'elderly');
  await backHome(page);

  // The manager's console: the alert in words, and the ticket in the older customers' list.
  const console = await openScreen(browser, '/manager');
  await expect(console.getByTestId('login-form')).toBeVisible(FIRST_PAINT);
  await signIn(console, 'manager');
  const alert = console.locator(`[data-kind=fraud_watch]`).filter({ hasText: ticket.number });
  await expect(alert).toBeVisible(FIRST_PAINT);
  await expect(alert).toContainText(`老年客户 ${ticket.number} 要办理“转账汇款”`);
  const list = console.getByTestId('elderly-panel');
  await expect(list.locator(`[data-ticket="${ticket.number}"]`)).toBeVisible();
  await expect(list.locator('.ant-table-row').first()).toBeVisible();
  await docShot(console, 'manager-zh');
  // The manager went over and talked the customer out of it: the intervention, for a supervisor to sign.
  const form = console.getByTestId('fraud-intervention');
  await form.getByTestId('intervention-ticket').click();
  await console.locator('.ant-select-item-option').filter({ hasText: ticket.number }).click();
  await form.getByTestId('intervention-outcome').click();
  await console.locator('.ant-select-item-option').filter({ hasText: '劝阻成功' }).click();
  await form.getByTestId('intervention-note').fill('客户称接到“公安”电话要求转账，已劝阻');
  await form.getByTestId('intervention-save').click();
  await expect(form).toContainText('已记录，待主管签字。');
  const recorded = (await api<{ interventions: { ticket: string | null; outcome: string; status: string }[] }>('GET', '/api/fraud/interventions', manager)).body.interventions;
  expect(recorded.some((i) => i.ticket === ticket.number && i.outcome === 'dissuaded' && i.status === 'recorded')).toBe(true);

  // The supervisor signs it on their desk with their own PIN.
  const sup = await openScreen(browser, '/supervisor');
  await expect(sup.getByTestId('login-form')).toBeVisible(FIRST_PAINT);
  await signIn(sup, 'supervisor');
  const awaiting = sup.getByTestId('await-intervention').filter({ hasText: ticket.number });
  await expect(awaiting).toContainText('劝阻成功', FIRST_PAINT);
  await awaiting.getByTestId('sign-intervention').click();
  await sup.getByTestId('sign-pin').fill(DEMO_PIN);
  await sup.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(awaiting).toHaveCount(0);
  const signed = (await api<{ interventions: { ticket: string | null; status: string; signedBy: string | null }[] }>('GET', '/api/fraud/interventions', manager)).body.interventions;
  expect(signed.find((i) => i.ticket === ticket.number)).toMatchObject({ status: 'signed', signedBy: 'supervisor' });
  await sup.context().close();
  await english(console);
  await expect(alert).toContainText(`Older customer ${ticket.number} chose "Transfers"`);
  await docShot(console, 'manager-en');
  await console.context().close();

  // The teller at counter 5 calls that number: the flag is on the current ticket.
  const counter = await openScreen(browser, '/counter');
  await expect(counter.getByTestId('login-form')).toBeVisible(FIRST_PAINT);
  await signIn(counter, 'teller5');
  await counter.locator('.counter-choice[data-counter="5"]').click();
  const desk = counter.getByTestId('counter-desk');
  await expect(desk).toBeVisible(FIRST_PAINT);
  if ((await desk.locator('.counter-head .status').textContent()) !== '营业中') await desk.getByRole('button', { name: /开启柜台|Open counter/ }).click();
  await expect(desk.locator('.counter-head .status')).toHaveText('营业中');
  await counter.keyboard.press('g');
  await expect(counter.locator('input[name=number]')).toBeFocused();
  await counter.keyboard.type(ticket.number);
  await counter.keyboard.press('Enter');
  await expect(counter.getByTestId('current-ticket')).toHaveText(ticket.number);
  await expect(counter.locator('input[name=number]')).toBeHidden();
  await expect(counter.getByTestId('fraud-watch')).toContainText('防诈骗关注');
  await docShot(counter, 'counter-zh');
  // The status page a customer's phone opens never says it.
  const status = await api<Record<string, unknown>>('GET', `/api/tickets/${ticket.id}/status`, null);
  expect(JSON.stringify(status.body)).not.toContain('fraudWatch');
  await counter.context().close();
});

test('the admin sets the age of older customers on the branch tab, and sees which kiosk choices ask the anti-fraud question', async ({ browser }) => {
  const page = await openScreen(browser, '/admin#branch', { width: 1366, height: 900 });
  await expect(page.getByTestId('login-form')).toBeVisible(FIRST_PAINT);
  await signIn(page, 'admin');
  const card = page.getByTestId('elderly-settings');
  await expect(page.locator('#elderly-age')).toHaveValue('60', FIRST_PAINT);
  await expect(card).toContainText('普通客户之前、贵宾之后');
  await card.screenshot({ path: `${SCREENS}elderly-admin-settings-zh.png` });
  await english(page);
  await expect(card).toContainText('Before normal customers, after VIPs');
  await card.screenshot({ path: `${SCREENS}elderly-admin-settings-en.png` });
  await chinese(page);
  try {
    await page.locator('#elderly-age').fill('65');
    await card.getByTestId('save-elderly-settings').click();
    await expect(page.getByText('已保存，下一次叫号起生效。')).toBeVisible();
    expect((await api<{ age: number; rank: string }>('GET', '/api/settings/elderly', admin)).body).toEqual({ age: 65, rank: 'below_vip' });
  } finally {
    // The specs share the hub: the default again for the next one.
    expect((await api('PUT', '/api/settings/elderly', admin, { age: 60, rank: 'below_vip' })).status).toBe(200);
  }

  await page.getByRole('tab', { name: '取号机' }).click();
  const rows = page.getByTestId('kiosk-choices-editor').getByTestId('kiosk-choice-row');
  const row = (id: string) => rows.filter({ has: page.locator(`input[value="${id}"]`) });
  await expect(row('transfer').getByTestId('choice-fraud-prompt')).toBeChecked(FIRST_PAINT);
  await expect(row('large_withdrawal').getByTestId('choice-fraud-prompt')).toBeChecked();
  await expect(row('cash').getByTestId('choice-fraud-prompt')).not.toBeChecked();
  // Only a choice that gives a ticket can ask it.
  await expect(row('other').getByTestId('choice-fraud-prompt')).toHaveCount(0);
});

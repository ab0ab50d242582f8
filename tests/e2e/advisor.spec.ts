// Issue 17 point 2 on the demo hub: a lobby about to breach, built through the API (a service
// whose maximum wait is 10 minutes and whose customers take 10, one counter open for it, a
// second closed, five customers waiting), the manager console's warning with its move (open
// the closed counter with a free teller) and what it saves; one tap applies it; the counter is
// then open and the decision is an advisor.decided event. Screenshots in zh-CN and en go to
// docs/screens/advisor-*.png. Every wait is for a state, never for a time.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from './test.js';
import { api, chinese, english, login } from './kiosk-support.js';
import { FIRST_PAINT, openScreen, signIn } from './screens.js';

const SCREENS = fileURLToPath(new URL('../../docs/screens/', import.meta.url));
// The advisor evaluates a moment after changes and every 30 s; the console reads it on every change.
const ADVICE = { timeout: 45_000 };

test.describe.configure({ mode: 'serial' });

let admin: string;
let manager: string;
let teller: string;
const issued: string[] = [];

test.beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  admin = await login('admin');
  manager = await login('manager');
  teller = await login('teller4');
  const service = { code: 'advice_demo', prefix: 'Q', nameZh: '理财签约', nameEn: 'Wealth sign-up', targetWaitMinutes: 5, maxWaitMinutes: 10, priorServiceMinutes: 10 };
  expect((await api('POST', '/api/services', admin, service)).status).toBe(200);
  expect((await api('POST', '/api/counters', admin, { counter: '8', services: ['advice_demo'] })).status).toBe(200);
  expect((await api('POST', '/api/counters', admin, { counter: '9', services: ['advice_demo'] })).status).toBe(200);
  expect((await api('POST', '/api/counters/8/open', teller)).status).toBe(200);
  for (let i = 0; i < 5; i++) {
    const res = await api<{ ticket: { id: string } }>('POST', '/api/tickets', manager, { service: 'advice_demo' });
    expect(res.status).toBe(200);
    issued.push(res.body.ticket.id);
  }
});

test.afterAll(async () => {
  for (const id of issued) await api('POST', `/api/tickets/${id}/cancel`, manager, {});
  await api('POST', '/api/counters/8/close', teller);
  await api('POST', '/api/counters/9/close', manager);
});

async function console_(page: Page): Promise<void> {
  await expect(page.getByTestId('login-form')).toBeVisible(FIRST_PAINT);
  await signIn(page, 'manager');
  await expect(page.getByTestId('manager-console')).toBeVisible(FIRST_PAINT);
}

test('the console warns of breaches ahead, proposes opening the closed counter, and applies it with one tap', async ({ browser }) => {
  // The hub's advice first, as the console reads it.
  await expect
    .poll(async () => (await api<{ advice: { action: { kind: string; counter: string } | null } | null }>('GET', '/api/manager/advice', manager)).body.advice?.action ?? null, ADVICE)
    .toMatchObject({ kind: 'open', counter: '9' });

  const en = await openScreen(browser, '/manager');
  await english(en);
  await console_(en);
  const warning = en.getByTestId('advice');
  await expect(warning).toBeVisible(ADVICE);
  await expect(warning).toHaveAttribute('data-action', 'open');
  await expect(en.getByTestId('advice-move')).toContainText('opens counter 9');
  await expect(en.getByTestId('advice-saves')).toContainText(/spare \d+ customers? a wait/);
  await warning.scrollIntoViewIfNeeded();
  await en.screenshot({ path: `${SCREENS}advisor-en.png` });

  const zh = await openScreen(browser, '/manager');
  await chinese(zh);
  await console_(zh);
  await expect(zh.getByTestId('advice')).toBeVisible(ADVICE);
  await expect(zh.getByTestId('advice-saves')).toContainText(/预计可减少 \d+ 位超时等候/);
  await expect(zh.getByTestId('advice-move')).toContainText('开放 9 号窗口');
  await zh.getByTestId('advice').scrollIntoViewIfNeeded();
  await zh.screenshot({ path: `${SCREENS}advisor-zh-CN.png` });
  await zh.close();

  // One tap: counter 9 opens, the warning goes, the decision is recorded with its forecast.
  const decided = en.waitForResponse((r) => r.url().endsWith('/api/manager/advice') && r.request().method() === 'POST');
  await en.getByTestId('advice-apply').click();
  const answer = await decided;
  expect(answer.status()).toBe(200);
  // The advisor.decided event's seq in the ledger, written through the hub's one write path.
  expect((await answer.json()).decided).toMatchObject({ decision: 'applied', seq: expect.any(Number) });
  await expect(en.locator('[data-counter="9"]')).toContainText(/open/i, ADVICE);
  const lobby = await api<{ counters: { id: string; status: string }[] }>('GET', '/api/lobby', manager);
  expect(lobby.body.counters.find((c) => c.id === '9')?.status).toBe('open');
  await en.close();

  // The warning is resolved in the alert list once the move is applied.
  const alerts = await api<{ alerts: { kind: string; resolvedAt: number | null }[] }>('GET', '/api/alerts', manager);
  expect(alerts.body.alerts.some((a) => a.kind === 'breach_ahead' && a.resolvedAt !== null)).toBe(true);
});

// The console's side of an invitation to self-service (分流). Which customers the hub names is
// proved in tests/unit/advisor-divert-hub.test.ts on a running hub; here the console is served an
// advice naming three real waiting tickets (the GET is answered by the test, so the proposal does
// not depend on every other spec's counters), and the rest is real: "已邀请" posts the decision
// (answered by the test: the advice is not the hub's), the list of invited numbers shows (the
// test answers it as the hub does: those invited who still wait, read from the real tickets), and
// a tap on a number cancels that real ticket through the hub's self-service triage.
test('the console shows an invitation to self-service and marks a customer who goes', async ({ browser }) => {
  const tickets: { id: string; number: string }[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await api<{ ticket: { id: string; number: string } }>('POST', '/api/tickets', manager, { service: 'cash', choice: 'cash' });
    expect(res.status).toBe(200);
    tickets.push(res.body.ticket);
    issued.push(res.body.ticket.id);
  }
  const invite = tickets.slice().reverse();
  const advice = {
    id: 'e2e-divert',
    computedAt: new Date().toISOString(),
    forecast: { expected: 4.2, firstInMinutes: 6, atRisk: invite.map((t) => ({ ticket: t.id, number: t.number, service: 'cash', probability: 0.9, breachInMinutes: 6 })) },
    action: { kind: 'divert', service: 'cash', tickets: invite.map((t) => t.id), numbers: invite.map((t) => t.number) },
    expectedWith: 3.2,
    saves: 1,
  };
  const shot = async (lang: 'zh' | 'en') => {
    const page = await openScreen(browser, '/manager');
    // Once the invitation is applied the hub has no advice to give (here: the test's answer).
    let served: typeof advice | null = advice;
    await page.route('**/api/manager/advice', async (route) => {
      if (route.request().method() === 'GET') {
        const invited = [];
        if (served === null) {
          // In number order, as the hub gives them.
          for (const t of tickets) {
            const status = (await api<{ ticket: { status: string } }>('GET', `/api/tickets/${t.id}`, manager)).body.ticket.status;
            if (status === 'waiting') invited.push({ ticket: t.id, number: t.number, service: 'cash' });
          }
        }
        return route.fulfill({ json: { advice: served, invited } });
      }
      served = null;
      return route.fulfill({ json: { decided: { seq: 1, decision: 'applied' } } });
    });
    if (lang === 'zh') await chinese(page);
    else await english(page);
    await console_(page);
    await expect(page.getByTestId('advice')).toHaveAttribute('data-action', 'divert', ADVICE);
    return page;
  };

  const zh = await shot('zh');
  await expect(zh.getByTestId('advice-move')).toContainText(`邀请 ${invite.map((t) => t.number).join('、')} 这 3 位`);
  await zh.getByTestId('advice').scrollIntoViewIfNeeded();
  await zh.screenshot({ path: `${SCREENS}advisor-divert-zh-CN.png` });
  await zh.getByTestId('advice-apply').click();
  await expect(zh.getByTestId('invited').getByTestId('went-self-service')).toHaveCount(3);
  await expect(zh.getByTestId('invited')).toContainText(`${invite[0]!.number} 去自助`);
  await zh.getByTestId('invited').scrollIntoViewIfNeeded();
  await zh.screenshot({ path: `${SCREENS}advisor-divert-invited-zh-CN.png` });
  await zh.close();

  const en = await shot('en');
  await expect(en.getByTestId('advice-move')).toContainText(`invite these 3 customers waiting for Cash to the self-service machines: ${invite.map((t) => t.number).join(', ')}`);
  await en.getByTestId('advice-apply').click();
  await expect(en.getByTestId('advice')).toHaveCount(0);
  const invited = en.getByTestId('invited');
  await expect(invited).toBeVisible();
  await expect(invited.getByTestId('went-self-service')).toHaveCount(3);
  await invited.scrollIntoViewIfNeeded();
  await en.screenshot({ path: `${SCREENS}advisor-divert-en.png` });
  // The first invited goes to the machine: the hub cancels that ticket and records the triage.
  const triage = en.waitForResponse((r) => r.url().endsWith('/api/triage/self-service'));
  await invited.locator(`[data-number="${invite[0]!.number}"]`).click();
  expect((await triage).status()).toBe(200);
  await expect(invited.getByTestId('went-self-service')).toHaveCount(2);
  // A reload keeps the list (the hub's, not the page's): the two still waiting.
  await en.reload();
  await expect(en.getByTestId('manager-console')).toBeVisible(FIRST_PAINT);
  await expect(en.getByTestId('invited').getByTestId('went-self-service')).toHaveCount(2);
  const gone = await api<{ ticket: { status: string } }>('GET', `/api/tickets/${invite[0]!.id}`, manager);
  expect(gone.body.ticket.status).toBe('cancelled');
  const kept = await api<{ ticket: { status: string } }>('GET', `/api/tickets/${invite[1]!.id}`, manager);
  expect(kept.body.ticket.status).toBe('waiting');
  await en.close();
});

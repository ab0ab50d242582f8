// Each screen loads its own code: the kiosk, the display and the satisfaction pad, on cheap terminals, never fetch
// Ant Design, ECharts or a staff screen's chunk (renderer/App.tsx, renderer/vite.config.ts),
// and fetch far less script than the single 2.2 MB chunk of before. A staff screen does fetch
// Ant Design, which proves the chunk names this spec looks for are the real ones.
import { expect, test, type Browser } from './test.js';
import { hubUrl } from './screens.js';

const STAFF_CHUNKS = /\/assets\/(antd|echarts|AdminScreen|ManagerScreen|RecordsScreen|CounterScreen|SupervisorScreen)-[^/]*\.js$/;
/** Raw bytes of script a customer-facing screen may load; bench/screens.ts measures the figures. */
const MAX_SCRIPT_BYTES = 600 * 1024;

async function scriptsOf(browser: Browser, path: string, ready: string): Promise<{ urls: string[]; bytes: number }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const loads: Promise<{ url: string; bytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') loads.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize })));
  });
  await page.goto(hubUrl(path));
  await expect(page.locator(ready).first()).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const scripts = await Promise.all(loads);
  await context.close();
  return { urls: scripts.map((s) => new URL(s.url).pathname), bytes: scripts.reduce((n, s) => n + s.bytes, 0) };
}

for (const [screen, own] of [
  ['kiosk', /\/assets\/KioskScreen-[^/]*\.js$/],
  ['display', /\/assets\/DisplayScreen-[^/]*\.js$/],
  // Issue 14: the satisfaction pad at a counter, at /rate.
  ['rate', /\/assets\/RateScreen-[^/]*\.js$/],
] as const) {
  test(`the ${screen} loads its own chunk and no staff screen's code`, async ({ browser }) => {
    // Unpaired: the screen's chunk and everything it imports load all the same.
    const { urls, bytes } = await scriptsOf(browser, `/${screen}`, '[data-testid=pair-form], form');
    expect(urls.some((u) => own.test(u)), urls.join('\n')).toBe(true);
    expect(urls.filter((u) => STAFF_CHUNKS.test(u))).toEqual([]);
    expect(bytes).toBeLessThan(MAX_SCRIPT_BYTES);
  });
}

test('a staff screen loads Ant Design in its own chunk', async ({ browser }) => {
  const { urls } = await scriptsOf(browser, '/manager', '[data-testid=login-form]');
  expect(urls.some((u) => /\/assets\/antd-[^/]*\.js$/.test(u)), urls.join('\n')).toBe(true);
  expect(urls.some((u) => /\/assets\/ManagerScreen-[^/]*\.js$/.test(u)), urls.join('\n')).toBe(true);
});

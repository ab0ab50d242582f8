// The calling display fits a lobby TV in both orientations, 1920×1080 and 1080×1920, whatever
// the lobby holds: 0, 6 and 20 calls, six services (one with no open counter), a paused and a
// closed counter. Every data element (branch, clock, calls, waiting counts, counters) lies
// inside the viewport and inside its panel, none is cut short, and the sound
// button covers none of them. Screenshots in zh and en go to tests/e2e/screenshots/.
//
// The spec runs its own hub in this process (tests/support/hub.ts: real SQLite, real fastify,
// the built renderer), so that it can define the two extra services and counters through the
// hub's one write path (hub.execute, as the admin's routes do) and leave the shared demo hub's
// lobby alone.
import { expect, test, type Browser, type Page } from './test.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { shot } from './screens.js';

const SIZES = { landscape: { width: 1920, height: 1080 }, portrait: { width: 1080, height: 1920 } } as const;
type Orientation = keyof typeof SIZES;

/** Everything a customer reads on the display; the sound button must cover none of it. */
const DATA = [
  '.screen-header h1',
  '.clock',
  '.call-headline',
  '.call-idle',
  '.call-others li',
  '[data-testid=recent-calls] li',
  '.display-waiting li',
  '.display-waiting .service-name',
  '.display-waiting .service-note',
  '.display-counters li',
].join(', ');

let hub: TestHub;
let calls = 0;
let issued = 0;
const OPEN = ['1', '2', '3', '4', '6', '7'];

test.beforeAll(async () => {
  hub = await startTestHub();
  const h = hub.hub;
  // Six services: the demo's four and two more, one of which (wealth) only a closed counter serves.
  h.execute({ type: 'service.define', service: { code: 'fx', prefix: 'F', nameZh: '外汇业务', nameEn: 'Foreign exchange', targetWaitMinutes: 15, maxWaitMinutes: 30, priorServiceMinutes: 8 } }, 'admin');
  h.execute({ type: 'service.define', service: { code: 'wealth', prefix: 'W', nameZh: '理财业务', nameEn: 'Wealth management', targetWaitMinutes: 20, maxWaitMinutes: 40, priorServiceMinutes: 20 } }, 'admin');
  h.execute({ type: 'counter.define', counter: '7', services: ['fx', 'cash'] }, 'admin');
  h.execute({ type: 'counter.define', counter: '8', services: ['wealth'] }, 'admin');
  OPEN.forEach((c, i) => h.execute({ type: 'counter.open', counter: c, staffId: `teller${i + 1}` }, `teller${i + 1}`));
  // Counter 5 opens and goes to lunch; counter 8 never opens.
  h.execute({ type: 'counter.open', counter: '5', staffId: 'supervisor' }, 'supervisor');
  h.execute({ type: 'counter.pause', counter: '5', reason: 'lunch' }, 'supervisor');
  issue(40);
});

test.afterAll(async () => {
  await hub?.close();
});

/** Tickets across the six services, most of them cash and non-cash as in a real morning. */
function issue(n: number): void {
  const services = ['cash', 'noncash', 'cash', 'corporate', 'vip', 'fx', 'noncash', 'wealth'];
  for (let i = 0; i < n; i++, issued++) {
    hub.hub.execute({ type: 'ticket.issue', id: `fit-${issued}`, service: services[issued % services.length]!, priority: 'normal' }, 'kiosk');
  }
}

/** Calls until `total` calls were made: each open counter finishes its customer, then calls the next. */
function callUpTo(total: number): void {
  for (; calls < total; calls++) {
    const counter = OPEN[calls % OPEN.length]!;
    const current = hub.hub.state.counters[counter]?.currentTicketId;
    if (current) {
      hub.hub.execute({ type: 'ticket.start', ticket: current }, 'teller');
      hub.hub.execute({ type: 'ticket.finish', ticket: current }, 'teller');
    }
    hub.hub.execute({ type: 'counter.call_next', counter }, 'teller');
  }
}

async function openDisplay(browser: Browser, orientation: Orientation): Promise<Page> {
  const admin = await hub.login('admin');
  const reg = await hub.api('POST', '/api/devices', { token: admin, body: { role: 'display', name: `叫号屏 ${orientation}` } });
  expect(reg.status).toBe(200);
  const context = await browser.newContext({ viewport: SIZES[orientation], locale: 'zh-CN' });
  // A TV's browser refuses sound until the screen is touched once (headless Chromium plays
  // anyway, whatever its autoplay flag): the display then shows its sound button, whose place
  // this spec checks.
  await context.addInitScript(() => {
    const media = (globalThis as unknown as { HTMLMediaElement: { prototype: { play: () => Promise<void> } } }).HTMLMediaElement;
    media.prototype.play = () => Promise.reject(new DOMException('sound needs a touch first', 'NotAllowedError'));
  });
  const page = await context.newPage();
  await page.goto(`${hub.url}/display?pair=${reg.body.pairingCode as string}`);
  await expect(page.getByTestId('connection')).toHaveText('已连接', { timeout: 30_000 });
  return page;
}

// The page's DOM as the check below uses it (this project's Node tsconfig has no DOM types).
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
interface DomNode {
  tagName: string;
  className: string;
  textContent: string | null;
  parentElement: DomNode | null;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  matches(selector: string): boolean;
  closest(selector: string): DomNode | null;
  getBoundingClientRect(): Box;
  getClientRects(): { length: number };
}
interface Dom {
  innerWidth: number;
  innerHeight: number;
  document: { querySelectorAll(selector: string): Iterable<DomNode>; querySelector(selector: string): DomNode | null; getAnimations(): { finish(): void }[] };
}

/** What lies outside the viewport or its panel, is cut short, or sits under the sound button. */
async function misfits(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const { innerWidth: W, innerHeight: H, document } = globalThis as unknown as Dom;
    const problems: string[] = [];
    const name = (el: DomNode) => `${el.tagName.toLowerCase()}.${el.className || ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const inside = (a: Box, b: Box) => a.left >= b.left - 1 && a.top >= b.top - 1 && a.right <= b.right + 1 && a.bottom <= b.bottom + 1;
    const meets = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const viewport: Box = { left: 0, top: 0, right: W, bottom: H };
    const data = [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length > 0);
    const sound = document.querySelector('[data-testid=sound-on]')?.getBoundingClientRect() ?? null;
    for (const el of data) {
      const box = el.getBoundingClientRect();
      if (!inside(box, viewport)) problems.push(`${name(el)} leaves the ${W}×${H} screen (${Math.round(box.left)},${Math.round(box.top)})–(${Math.round(box.right)},${Math.round(box.bottom)})`);
      const panel = el.parentElement?.closest('section, header');
      if (panel && !inside(box, panel.getBoundingClientRect())) problems.push(`${name(el)} leaves its panel`);
      // Across only: a CJK font's tall ascent overflows a tight line box by a few pixels, unseen.
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} is cut (its text is wider than its box)`);
      // A service's name may take two lines, no more: a third is cut off.
      if (el.matches('.service-name') && el.scrollHeight > el.clientHeight + 8) problems.push(`${name(el)} is cut (a line hidden)`);
      if (sound && meets(sound, box)) problems.push(`the sound button covers ${name(el)}`);
    }
    return problems;
  }, DATA);
}

for (const n of [0, 6, 20]) {
  test(`the display fits both orientations with ${n} calls and 6 services`, async ({ browser }) => {
    test.setTimeout(240_000); // eight pictures on a loaded machine
    // Both screens open before the calls, so the calls are spoken: the browser refuses, the
    // sound button shows, and its place is checked too.
    const pages = { landscape: await openDisplay(browser, 'landscape'), portrait: await openDisplay(browser, 'portrait') };
    callUpTo(n);
    for (const [orientation, page] of Object.entries(pages)) {
      if (n > 0) await expect(page.getByTestId('sound-on')).toBeVisible();
      await expect(page.locator('.display-waiting li')).toHaveCount(6);
      for (const lang of ['zh', 'en'] as const) {
        if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
        // The call highlight and the recall flash end before the picture is taken.
        await page.evaluate(() => (globalThis as unknown as Dom).document.getAnimations().forEach((a) => a.finish()));
        await shot(page, `display-${orientation}-${n}calls-${lang}`);
        expect(await misfits(page), `${orientation}, ${n} calls, ${lang}`).toEqual([]);
      }
      await page.context().close();
    }
  });
}

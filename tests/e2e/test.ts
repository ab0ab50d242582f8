// The specs' `test`: Playwright's, with one automatic fixture that closes every browser context
// a test opened (openScreen, pairKiosk, browser.newContext) when the test ends. The specs share
// one browser for the whole run; screens left open (displays, consoles with live feeds, kiosks)
// kept rendering and reconnecting, so each later spec ran slower than the last: on CI's clean
// machine a spec near the end timed out waiting for a console that alone shows in 2 s.
// Contexts opened in a beforeAll (a kiosk shared by a serial file) exist before the test starts
// and are left to that file's afterAll.
import { test as base } from '@playwright/test';

export * from '@playwright/test';

export const test = base.extend<{ closeScreensAfterTest: void }>({
  closeScreensAfterTest: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(browser.contexts().filter((c) => !before.has(c)).map((c) => c.close()));
    },
    { auto: true },
  ],
});
